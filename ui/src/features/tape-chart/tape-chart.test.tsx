import { act, fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useAppState } from "../../app/app-state";
import type { RoomTypeInput, TapeBar, TapeChart } from "../../ipc/client";
import { apiError, session, status } from "../../test/fixtures";
import { renderWithIpc, type Handlers } from "../../test/render";
import { HEADER_HEIGHT, ROW_HEIGHT } from "./layout";
import { TapeChartArea } from "./TapeChartArea";

function roomType(id: number, nameZh: string, nameEn: string): RoomTypeInput {
  return {
    id, code: `T${id}`, nameZh, nameEn, areaM2: 25, bedType: "king", maxAdults: 2, maxChildren: 1,
    facilities: [], overbookRooms: 0, overbookPercent: 0, active: true,
  };
}

function bar(overrides: Partial<TapeBar>): TapeBar {
  return {
    reservationId: 7, bookingNo: "B2611-0007", roomId: 101, roomTypeId: 1, arrival: "2026-11-24", departure: "2026-11-26",
    guestName: "张伟", state: "confirmed", total: "1234567.89", overbooked: false, ...overrides,
  };
}

// Rows: 0 大床房, 1 unassigned, 2 room 101, 3 room 102, 4 双床房, 5 room 201.
const CHART: TapeChart = {
  businessDate: "2026-11-23",
  rooms: [
    { id: 101, number: "101", floor: 1, roomTypeId: 1, housekeeping: "clean", blocks: [] },
    { id: 102, number: "102", floor: 1, roomTypeId: 1, housekeeping: "dirty", blocks: [["2026-11-28", "2026-11-30", "out_of_order", "漏水"]] },
    { id: 201, number: "201", floor: 2, roomTypeId: 2, housekeeping: "clean", blocks: [] },
  ],
  bars: [bar({}), bar({ reservationId: 8, bookingNo: "B2611-0008", roomId: null, guestName: "李娜", state: "tentative", total: "0.1" })],
};

function Area() {
  const { session: current } = useAppState();
  return current ? <TapeChartArea /> : null;
}

function desk(extra: Handlers = {}): Handlers {
  return {
    app_status: () => status(),
    current_session: () => session(),
    list_room_types: () => [roomType(1, "大床房", "King room"), roomType(2, "双床房", "Twin room")],
    list_rate_plans: () => [],
    tape_chart: () => CHART,
    ...extra,
  };
}

// jsdom has no PointerEvent; without it fireEvent.pointer* would drop clientY.
if (typeof window.PointerEvent === "undefined") {
  class PointerEventStub extends MouseEvent {
    readonly pointerId: number;
    constructor(type: string, init: PointerEventInit = {}) {
      super(type, init);
      this.pointerId = init.pointerId ?? 1;
    }
  }
  window.PointerEvent = PointerEventStub as unknown as typeof PointerEvent;
}

/** Drags a bar from one row to another with pointer events (row positions follow the fixed row height). */
function drag(barId: number, fromRow: number, toRow: number) {
  const y = (row: number) => HEADER_HEIGHT + row * ROW_HEIGHT + 10;
  const barEl = screen.getByTestId(`tape-bar-${barId}`);
  fireEvent.pointerDown(barEl, { button: 0, clientY: y(fromRow), pointerId: 1 });
  fireEvent.pointerMove(barEl, { clientY: y(toRow), pointerId: 1 });
  fireEvent.pointerUp(barEl, { clientY: y(toRow), pointerId: 1 });
}

describe("tape chart", () => {
  it("draws each stay in its room's row across its nights, unassigned stays in the type's unassigned row, money exact", async () => {
    const { calls } = await renderWithIpc(desk(), <Area />);
    const stay = await screen.findByTestId("tape-bar-7");
    expect(calls).toHaveBeenCalledWith("tape_chart", { from: "2026-11-23", to: "2026-12-24" });
    expect(screen.getByTestId("tape-chart")).toBeInTheDocument();
    expect(within(screen.getByTestId("tape-row-101")).getByTestId("tape-bar-7")).toBe(stay);
    // Arrival 11-24 is the second column (label 150px + 1 × 40px), two nights wide.
    expect(stay.style.left).toBe("190px");
    expect(stay.style.width).toBe("78px");
    expect(stay).toHaveTextContent("张伟");
    expect(stay).toHaveAttribute("title", "张伟 · B2611-0007 · 2 晚 · ¥1,234,567.89");
    const waiting = screen.getByTestId("tape-bar-8");
    expect(waiting.parentElement).toHaveTextContent("未排房");
    expect(waiting).toHaveAttribute("title", "李娜 · B2611-0008 · 2 晚 · ¥0.10");
    expect(screen.getByTestId("tape-row-101")).toHaveTextContent("101 大床房");
    expect(screen.getByTestId("tape-row-201")).toHaveTextContent("201 双床房");

    fireEvent.click(screen.getByTestId("tape-next-week"));
    await vi.waitFor(() => expect(calls).toHaveBeenCalledWith("tape_chart", { from: "2026-11-30", to: "2026-12-31" }));
  });

  it("moves the focus with arrow keys; Enter on an empty night books it, Enter on a stay shows it", async () => {
    await renderWithIpc(desk(), <Area />);
    await screen.findByTestId("tape-bar-7");
    const grid = screen.getByTestId("tape-grid");
    grid.focus();
    fireEvent.keyDown(grid, { key: "ArrowDown" });
    expect(screen.getByTestId("tape-cell-101-2026-11-23")).toHaveAttribute("data-focused", "true");
    fireEvent.keyDown(grid, { key: "ArrowRight" });
    expect(screen.getByTestId("tape-cell-101-2026-11-24")).toHaveAttribute("data-focused", "true");
    expect(screen.getByTestId("tape-cell-101-2026-11-23")).not.toHaveAttribute("data-focused");
    fireEvent.keyDown(grid, { key: "Enter" });
    const details = await screen.findByTestId("tape-details-body");
    expect(details).toHaveTextContent("B2611-0007");
    expect(details).toHaveTextContent("总价：¥1,234,567.89");
    fireEvent.keyDown(details, { key: "Escape" });
    await vi.waitFor(() => expect(screen.queryByTestId("tape-details-body")).not.toBeInTheDocument());

    fireEvent.keyDown(grid, { key: "ArrowDown" });
    expect(screen.getByTestId("tape-cell-102-2026-11-24")).toHaveAttribute("data-focused", "true");
    fireEvent.keyDown(grid, { key: "Enter" });
    expect(await screen.findByTestId("booking-arrival")).toHaveValue("2026-11-24");
    expect(screen.getByTestId("booking-departure")).toHaveValue("2026-11-25");
  });

  it("a refused move shows the translated error and the stay stays in its room", async () => {
    const { calls } = await renderWithIpc(
      desk({
        assign_room: () => {
          throw apiError("errors.reservation.room_taken", { room: "102", night: "2026-11-25" });
        },
      }),
      <Area />,
    );
    await screen.findByTestId("tape-bar-7");
    drag(7, 2, 3);
    expect(await screen.findByTestId("tape-error")).toHaveTextContent("102");
    expect(screen.getByTestId("tape-error").textContent).toContain("2026-11-25");
    expect(calls).toHaveBeenCalledWith("assign_room", { id: 7, roomId: 102, allowUpgrade: false });
    expect(within(screen.getByTestId("tape-row-101")).getByTestId("tape-bar-7")).toBeInTheDocument();
  });

  it("asks before moving to another room type, then offers Undo back to the old room", async () => {
    const { calls } = await renderWithIpc(desk({ assign_room: () => ({}) }), <Area />);
    await screen.findByTestId("tape-bar-7");
    drag(7, 2, 5);
    fireEvent.click(await screen.findByTestId("tape-upgrade-confirm"));
    await vi.waitFor(() => expect(calls).toHaveBeenCalledWith("assign_room", { id: 7, roomId: 201, allowUpgrade: true }));
    const undo = await screen.findByTestId("tape-undo");
    await act(async () => fireEvent.click(undo));
    await vi.waitFor(() => expect(calls).toHaveBeenCalledWith("assign_room", { id: 7, roomId: 101, allowUpgrade: true }));
  });

  it("auto-assigns today's arrivals and says what is left", async () => {
    const { calls } = await renderWithIpc(desk({ auto_assign_arrivals: () => ({ assigned: ["B2611-0007"], unassigned: ["B2611-0008"] }) }), <Area />);
    fireEvent.click(await screen.findByTestId("tape-auto-assign"));
    expect(await screen.findByTestId("tape-auto-assign-result")).toHaveTextContent("已排房 1 间。 仍未排房：B2611-0008。");
    expect(calls).toHaveBeenCalledWith("auto_assign_arrivals", { day: "2026-11-23" });
  });
});
