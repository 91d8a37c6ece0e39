import { spotlight } from "@mantine/spotlight";
import { act, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Palette } from "../../app/Palette";
import type { TapeBar, TapeChart } from "../../ipc/client";
import { renderWithIpc } from "../../test/render";
import { addDays } from "../reservations/queries";
import { buildRows } from "./layout";
import { Area, bar, desk, press } from "./tape-chart.fixtures";

const focused = (room: number, date: string) => expect(screen.getByTestId(`tape-cell-${room}-${date}`)).toHaveAttribute("data-focused", "true");

describe("tape chart keys", () => {
  afterEach(() => localStorage.clear());

  it("moves by night, room, week and to the ends; paging past the last night moves the chart", async () => {
    const { calls } = await renderWithIpc(desk(), <Area />);
    await screen.findByTestId("tape-bar-7");
    press("ArrowDown");
    focused(101, "2026-11-23");
    press("End");
    focused(101, "2026-12-23");
    press("Home");
    focused(101, "2026-11-23");
    press("PageDown");
    focused(101, "2026-11-30");
    press("PageUp");
    focused(101, "2026-11-23");
    press("End", { ctrlKey: true });
    focused(201, "2026-11-23");
    // Up skips the 双床房 header row.
    press("ArrowUp");
    focused(102, "2026-11-23");
    press("Home", { ctrlKey: true });
    press("ArrowDown");
    focused(101, "2026-11-23");

    press("End");
    press("ArrowRight");
    await vi.waitFor(() => expect(calls).toHaveBeenCalledWith("tape_chart", { from: "2026-11-30", to: "2026-12-31" }));
    focused(101, "2026-12-24");
    press("t");
    await vi.waitFor(() => focused(101, "2026-11-23"));
    expect(screen.getByTestId("tape-chart")).toHaveTextContent("2026年11月23日 – 2026年12月23日");
  });

  it("Enter does nothing on an out-of-order night; G groups by floor; ? lists the keys", async () => {
    await renderWithIpc(desk(), <Area />);
    await screen.findByTestId("tape-bar-7");
    press("ArrowDown");
    press("ArrowDown");
    press("PageDown");
    press("ArrowLeft");
    press("ArrowLeft");
    focused(102, "2026-11-28");
    press("Enter");
    expect(screen.queryByTestId("booking-arrival")).not.toBeInTheDocument();

    press("g");
    expect(await screen.findByText("1 楼")).toBeInTheDocument();
    expect(screen.getByText("2 楼")).toBeInTheDocument();
    // Unassigned stays gather under one header, each lane named by its type.
    const lane = screen.getByTestId("tape-bar-8").parentElement as HTMLElement;
    expect(lane.firstElementChild).toHaveTextContent("大床房");
    expect(lane.previousElementSibling).toHaveTextContent("未排房");
    expect(screen.queryByText("双床房", { selector: "[role=row] > div" })).not.toBeInTheDocument();
    // The focus stays on its room across the regrouping.
    focused(102, "2026-11-28");
    expect(localStorage.getItem("innkeep.tapeChart.groupBy")).toBe('"floor"');

    press("?");
    const table = await screen.findByTestId("tape-shortcuts-table");
    expect(table).toHaveTextContent("Shift+→当前入住延长一晚");
    expect(table).toHaveTextContent("PageUpPageDown前一周 / 后一周");
  });

  it("offers its keys in the Ctrl+K palette while it is shown, and runs them on the grid", async () => {
    await renderWithIpc(
      desk(),
      <>
        <Area />
        <Palette areas={[]} navigate={() => undefined} actions={[]} disabled={false} />
      </>,
    );
    await screen.findByTestId("tape-bar-7");
    act(() => spotlight.open());
    const longer = await screen.findByText("当前入住延长一晚");
    const item = longer.closest("button") as HTMLElement;
    expect(item).toHaveTextContent("Shift+→");
    expect(item).toHaveTextContent("房态图");
    fireEvent.click(within(screen.getByRole("dialog")).getByText("显示键盘快捷键"));
    expect(await screen.findByTestId("tape-shortcuts-table")).toBeInTheDocument();
  });

  it("stays light with 500 rooms × 90 nights: rows are built fast and only what is in view is drawn", async () => {
    localStorage.setItem("innkeep.tapeChart.days", "90");
    const rooms = Array.from({ length: 500 }, (_, i) => ({
      id: 1000 + i, number: String(1000 + i), floor: 1 + Math.floor(i / 50), roomTypeId: 1 + (i % 2), housekeeping: "clean", blocks: [] as [string, string, string, string][],
    }));
    const bars: TapeBar[] = rooms.flatMap((room) =>
      Array.from({ length: 30 }, (_, k) =>
        bar({ reservationId: room.id * 100 + k, roomId: room.id, roomTypeId: room.roomTypeId, arrival: addDays("2026-11-23", 3 * k), departure: addDays("2026-11-23", 3 * k + 3) }),
      ),
    );
    const big: TapeChart = { businessDate: "2026-11-23", rooms, bars };
    const started = performance.now();
    expect(buildRows(big, [1, 2], "type")).toHaveLength(502);
    expect(buildRows(big, [1, 2], "floor")).toHaveLength(510);
    const floors = buildRows({ ...big, bars: [...bars.slice(0, 2), bar({ reservationId: 1, roomId: null, roomTypeId: 2 })] }, [1, 2], "floor");
    expect(floors.slice(0, 3).map((row) => row.kind)).toEqual(["waiting", "unassigned", "floor"]);
    expect(performance.now() - started).toBeLessThan(1000);

    const { calls } = await renderWithIpc(desk({ tape_chart: () => big }), <Area />);
    await screen.findByTestId("tape-bar-100000");
    expect(calls).toHaveBeenCalledWith("tape_chart", { from: "2026-11-23", to: "2027-02-21" });
    expect(screen.getByTestId("tape-grid")).toHaveAttribute("aria-rowcount", "502");
    expect(screen.getAllByRole("row").length).toBeLessThan(50);
    expect(screen.getAllByRole("gridcell").length).toBeLessThan(2500);
    expect(document.querySelectorAll("[data-bar]").length).toBeLessThan(1000);
  });
});
