import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Board, DepartureQuote, RoomStatusView } from "../../ipc/client";
import { apiError, session, status } from "../../test/fixtures";
import { renderWithIpc, type Handlers } from "../../test/render";
import { useAppState } from "../../app/app-state";
import { ReservationsArea } from "../reservations/ReservationsArea";
import { desk as reservationsDesk, pick, quote, reservation } from "../reservations/testing";
import { ChangeDepartureDialog, LateCheckOutDialog, MoveRoomDialog } from "./index";

const GUEST_IN_HOUSE = reservation({ state: "checked_in", roomId: 101, roomNumber: "101" });

function room(roomId: number, overrides: Partial<RoomStatusView> = {}): RoomStatusView {
  return {
    roomId, number: String(roomId), floor: 1, roomTypeId: 1, roomTypeCode: "STD", housekeeping: "clean", occupied: false,
    status: "vacant_clean", block: null, blocks: [], inHouse: null, dueOut: false, arrival: null, ...overrides,
  };
}

const BOARD: Board = {
  businessDate: "2026-11-24",
  rooms: [
    room(101, { occupied: true, status: "occupied_clean", inHouse: "B2611-0007" }),
    room(102, { housekeeping: "dirty", status: "vacant_dirty" }),
    room(103, { occupied: true, status: "occupied_clean", inHouse: "B2611-0001" }),
    room(104, { block: { id: 1, roomId: 104, kind: "out_of_order", from: "2026-11-24", to: "2026-11-26", reason: "漏水" } }),
    room(105, { housekeeping: "inspected", status: "inspected" }),
  ],
  counts: { vacantClean: 1, vacantDirty: 1, occupiedClean: 2, occupiedDirty: 0, inspected: 1, outOfOrder: 1, outOfService: 0 },
  floors: [1],
  roomTypes: [{ id: 1, code: "STD" }],
};

function desk(extra: Handlers = {}): Handlers {
  return { app_status: () => status(), current_session: () => session(), housekeeping_board: () => BOARD, ...extra };
}

describe("moving a guest to another room", () => {
  it("offers only free rooms, asks before a dirty one, and sends the move with its reason", async () => {
    const move = vi.fn((_args: Record<string, unknown>) => ({ ...GUEST_IN_HOUSE, roomId: 102, roomNumber: "102" }));
    const onClose = vi.fn();
    await renderWithIpc(desk({ move_room: move }), <MoveRoomDialog reservation={GUEST_IN_HOUSE} onClose={onClose} />);
    await userEvent.click(await screen.findByTestId("move-save"));
    expect(await screen.findByText("请填写房间。")).toBeInTheDocument();
    const select = screen.getByTestId("move-room");
    await userEvent.click(select);
    const list = await vi.waitFor(() => {
      const found = document.getElementById(select.getAttribute("aria-controls") ?? "");
      if (!found) throw new Error("the list did not open");
      return found;
    });
    const options = within(list).getAllByRole("option", { hidden: true });
    expect(options.map((o) => o.textContent)).toEqual(["102 · STD · 空房待清洁", "105 · STD · 空房已检查"]);
    await userEvent.click(options[0]);
    expect(screen.getByTestId("move-save")).toBeDisabled();
    await userEvent.click(screen.getByTestId("move-allow-dirty"));
    await userEvent.type(screen.getByTestId("move-reason"), "空调故障");
    await userEvent.click(screen.getByTestId("move-save"));
    await vi.waitFor(() => expect(move).toHaveBeenCalledTimes(1));
    expect(move.mock.calls[0][0]).toEqual({ input: { reservationId: 7, roomId: 102, reason: "空调故障", allowDirty: true } });
    expect(await screen.findByText("B2611-0007 已换到 102 房间")).toBeInTheDocument();
    expect(onClose).toHaveBeenCalled();
  });

  it("shows Rust's refusal in the user's language", async () => {
    await renderWithIpc(
      desk({ move_room: () => { throw apiError("errors.reservation.room_taken", { room: "105", night: "2026-11-25" }); } }),
      <MoveRoomDialog reservation={GUEST_IN_HOUSE} onClose={() => {}} />,
    );
    await pick(await screen.findByTestId("move-room"), "105 · STD · 空房已检查");
    await userEvent.type(screen.getByTestId("move-reason"), "客人要求");
    await userEvent.click(screen.getByTestId("move-save"));
    expect(await screen.findByTestId("move-error")).toHaveTextContent("105");
  });
});

function departureQuote(overrides: Partial<DepartureQuote>): DepartureQuote {
  return { before: quote("598.00"), after: quote("299.00"), added: [], removed: ["2026-11-25"], difference: "-299.00", early: true, ...overrides };
}

describe("changing the departure of a guest in the house", () => {
  it("shows the price difference first, then saves the shorter stay with its early-departure fee", async () => {
    const change = vi.fn((_args: Record<string, unknown>) => ({ ...GUEST_IN_HOUSE, departure: "2026-11-25" }));
    const quotes = vi.fn((_args: Record<string, unknown>) => departureQuote({}));
    await renderWithIpc(
      desk({ quote_departure_change: quotes, change_departure: change }),
      <ChangeDepartureDialog reservation={GUEST_IN_HOUSE} currency="CNY" digits={2} onClose={() => {}} />,
    );
    expect(screen.getByTestId("departure-save")).toBeDisabled();
    const date = screen.getByTestId("departure-date");
    await userEvent.clear(date);
    await userEvent.type(date, "2026-11-25");
    expect(await screen.findByTestId("departure-difference")).toHaveTextContent("-¥299.00");
    expect(quotes).toHaveBeenLastCalledWith({ reservationId: 7, departure: "2026-11-25" });
    await userEvent.type(screen.getByTestId("departure-fee"), "1O0");
    await userEvent.click(screen.getByTestId("departure-save"));
    expect(await screen.findByText("提前离店费格式不正确。")).toBeInTheDocument();
    await userEvent.clear(screen.getByTestId("departure-fee"));
    await userEvent.type(screen.getByTestId("departure-fee"), "100");
    await userEvent.type(screen.getByTestId("departure-reason"), "家中有事");
    await userEvent.click(screen.getByTestId("departure-save"));
    await vi.waitFor(() => expect(change).toHaveBeenCalledTimes(1));
    expect(change.mock.calls[0][0]).toEqual({
      input: { reservationId: 7, departure: "2026-11-25", earlyDepartureFee: "100", reason: "家中有事", confirmOverbooking: false },
    });
  });

  it("offers no fee for a longer stay and asks for the overbooking when the type is full", async () => {
    let attempt = 0;
    const change = vi.fn((_args: Record<string, unknown>) => {
      attempt += 1;
      if (attempt === 1) throw apiError("errors.reservation.overbook_not_confirmed", { night: "2026-11-26" });
      return { ...GUEST_IN_HOUSE, departure: "2026-11-27" };
    });
    await renderWithIpc(
      desk({
        quote_departure_change: () => departureQuote({ after: quote("1196.00"), added: ["2026-11-26"], removed: [], difference: "598.00", early: false }),
        change_departure: change,
      }),
      <ChangeDepartureDialog reservation={GUEST_IN_HOUSE} currency="CNY" digits={2} onClose={() => {}} />,
    );
    const date = screen.getByTestId("departure-date");
    await userEvent.clear(date);
    await userEvent.type(date, "2026-11-27");
    expect(await screen.findByTestId("departure-difference")).toHaveTextContent("¥598.00");
    expect(screen.queryByTestId("departure-fee")).toBeNull();
    await userEvent.click(screen.getByTestId("departure-save"));
    expect(await screen.findByTestId("departure-error")).toBeInTheDocument();
    await userEvent.click(screen.getByTestId("departure-overbook"));
    await userEvent.click(screen.getByTestId("departure-save"));
    await vi.waitFor(() => expect(change).toHaveBeenCalledTimes(2));
    expect(change.mock.calls[1][0]).toMatchObject({ input: { confirmOverbooking: true, earlyDepartureFee: "" } });
  });
});

describe("the late check-out fee", () => {
  it("checks the amount, posts the fee and says on which folio it landed", async () => {
    const post = vi.fn((_args: Record<string, unknown>) => ({ postingId: 1, folioId: 3, folioNumber: "F000003", amount: "80.00" }));
    await renderWithIpc(
      desk({ post_late_check_out_fee: post }),
      <LateCheckOutDialog reservation={GUEST_IN_HOUSE} currency="CNY" digits={2} onClose={() => {}} />,
    );
    await userEvent.type(screen.getByTestId("late-amount"), "-5");
    await userEvent.click(screen.getByTestId("late-save"));
    expect(await screen.findByText("金额格式不正确。")).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
    await userEvent.clear(screen.getByTestId("late-amount"));
    await userEvent.type(screen.getByTestId("late-amount"), "80");
    await userEvent.type(screen.getByTestId("late-description"), "延至 18:00");
    await userEvent.click(screen.getByTestId("late-save"));
    await vi.waitFor(() => expect(post).toHaveBeenCalledWith({ input: { reservationId: 7, amount: "80", description: "延至 18:00" } }));
    expect(await screen.findByText("¥80.00 已记入账单 F000003")).toBeInTheDocument();
  });
});

function Area() {
  const { session: current } = useAppState();
  return current ? <ReservationsArea /> : null;
}

describe("the reservation list", () => {
  it("offers the stay changes on a checked-in reservation and opens the dialog", async () => {
    await renderWithIpc(reservationsDesk({ list_reservations: () => [GUEST_IN_HOUSE], housekeeping_board: () => BOARD }), <Area />);
    await userEvent.click(await screen.findByTestId("reservation-actions"));
    expect(await screen.findByTestId("reservation-changeDeparture")).toHaveTextContent("修改离店");
    expect(screen.getByTestId("reservation-lateCheckOut")).toHaveTextContent("延迟退房费");
    expect(screen.queryByTestId("reservation-cancel")).toBeNull();
    await userEvent.click(screen.getByTestId("reservation-moveRoom"));
    expect(await screen.findByText("为 B2611-0007 换房")).toBeInTheDocument();
  });
});
