import { act, fireEvent, screen } from "@testing-library/react";
import { notifications } from "@mantine/notifications";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { apiError } from "../../test/fixtures";
import { renderWithIpc } from "../../test/render";
import { Area, colX, desk, dragFrom, press, reservation } from "./tape-chart.fixtures";

// Stay 7: room 101 (row 2), 2026-11-24 → 11-26 (columns 1 and 2). Room 102 below is out of order from 11-28.

function changeDates(args: Record<string, unknown>) {
  return reservation({ arrival: String(args.arrival), departure: String(args.departure), total: "840.00" });
}

describe("changing a stay's departure on the tape chart", () => {
  // Notifications live in a store shared by every render of this file.
  beforeEach(() => notifications.clean());

  it("dragging the right end sets the new departure, and Undo restores the old dates", async () => {
    const change = vi.fn(changeDates);
    const { calls } = await renderWithIpc(desk({ change_reservation_dates: change }), <Area />);
    const end = await screen.findByTestId("tape-bar-end-7");
    fireEvent.pointerDown(end, { button: 0, clientX: colX(2), pointerId: 1 });
    fireEvent.pointerMove(end, { clientX: colX(4), pointerId: 1 });
    // While dragging, the bar is drawn to its new end (4 nights from 11-24 = 158px) and nothing is saved yet.
    expect(screen.getByTestId("tape-bar-7").style.width).toBe("158px");
    expect(change).not.toHaveBeenCalled();
    fireEvent.pointerUp(end, { clientX: colX(4), pointerId: 1 });

    await vi.waitFor(() => expect(calls).toHaveBeenCalledWith("change_reservation_dates", { id: 7, arrival: "2026-11-24", departure: "2026-11-28", confirmOverbooking: false }));
    const undo = await screen.findByTestId("tape-undo");
    expect(undo.parentElement).toHaveTextContent("张伟：共 4 晚，2026年11月28日 离店，总价 ¥840.00。");
    await act(async () => fireEvent.click(undo));
    await vi.waitFor(() => expect(calls).toHaveBeenCalledWith("change_reservation_dates", { id: 7, arrival: "2026-11-24", departure: "2026-11-26", confirmOverbooking: false }));
    expect(await screen.findByText("张伟：已恢复为 2026年11月24日 – 2026年11月26日。")).toBeInTheDocument();
  });

  it("Escape cancels a drag of the end; dragging left of the arrival keeps one night", async () => {
    const change = vi.fn(changeDates);
    await renderWithIpc(desk({ change_reservation_dates: change }), <Area />);
    const end = await screen.findByTestId("tape-bar-end-7");
    fireEvent.pointerDown(end, { button: 0, clientX: colX(2), pointerId: 1 });
    fireEvent.pointerMove(end, { clientX: colX(6), pointerId: 1 });
    fireEvent.keyDown(window, { key: "Escape" });
    fireEvent.pointerUp(end, { clientX: colX(6), pointerId: 1 });
    expect(screen.getByTestId("tape-bar-7").style.width).toBe("78px");
    expect(change).not.toHaveBeenCalled();

    dragFrom(screen.getByTestId("tape-bar-end-7"), { x: colX(2) }, { x: colX(0) });
    await vi.waitFor(() => expect(change).toHaveBeenCalledWith({ id: 7, arrival: "2026-11-24", departure: "2026-11-25", confirmOverbooking: false }));
  });

  it("Shift+→ on a focused stay makes it a night longer, asking first when that overbooks the type; Shift+← a night shorter", async () => {
    const change = vi.fn((args: Record<string, unknown>) => {
      if (args.departure === "2026-11-27" && !args.confirmOverbooking) throw apiError("errors.reservation.overbook_not_confirmed", { night: "2026-11-26" });
      return changeDates(args);
    });
    await renderWithIpc(desk({ change_reservation_dates: change }), <Area />);
    await screen.findByTestId("tape-bar-7");
    press("ArrowDown");
    press("ArrowRight");
    expect(screen.getByTestId("tape-bar-7").className).toMatch(/barFocused/);
    press("ArrowRight", { shiftKey: true });
    expect(await screen.findByTestId("overbook-question")).toHaveTextContent("该房型在 2026年11月26日 已满，是否超订？");
    fireEvent.click(screen.getByTestId("overbook-confirm"));
    await vi.waitFor(() => expect(change).toHaveBeenLastCalledWith({ id: 7, arrival: "2026-11-24", departure: "2026-11-27", confirmOverbooking: true }));
    expect(await screen.findByTestId("tape-undo")).toBeInTheDocument();

    press("ArrowLeft", { shiftKey: true });
    await vi.waitFor(() => expect(change).toHaveBeenLastCalledWith({ id: 7, arrival: "2026-11-24", departure: "2026-11-25", confirmOverbooking: false }));
  });

  it("shows Rust's refusal translated and keeps the stay as it was", async () => {
    await renderWithIpc(
      desk({
        change_reservation_dates: () => {
          throw apiError("errors.reservation.sold_out", { night: "2026-11-26" });
        },
      }),
      <Area />,
    );
    await screen.findByTestId("tape-bar-7");
    dragFrom(screen.getByTestId("tape-bar-end-7"), { x: colX(2) }, { x: colX(3) });
    expect(await screen.findByTestId("tape-error")).toHaveTextContent("2026-11-26");
    expect(screen.getByTestId("tape-bar-7").style.width).toBe("78px");
    expect(screen.queryByTestId("tape-undo")).not.toBeInTheDocument();
  });
});
