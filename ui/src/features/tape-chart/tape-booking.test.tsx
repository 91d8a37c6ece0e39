import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { apiError } from "../../test/fixtures";
import { renderWithIpc } from "../../test/render";
import { Area, colX, desk, dragFrom, press, quote, reservation } from "./tape-chart.fixtures";

// Columns: 0 = 2026-11-23 (the business date), 1 = 11-24, …; room 102 is out of order 11-28 and 11-29.

async function fillNewGuest() {
  await userEvent.click(screen.getByTestId("booking-guest-new"));
  fireEvent.change(screen.getByTestId("booking-guest-name"), { target: { value: "王芳" } });
  fireEvent.change(screen.getByTestId("booking-guest-phone"), { target: { value: "13900139000" } });
}

describe("booking from the tape chart", () => {
  it("a mouse drag across empty nights of a room opens the booking prefilled with the room, and saving assigns it", async () => {
    const create = vi.fn(() => [reservation({ id: 9, bookingNo: "B2611-0009", roomId: 102 })]);
    const { calls } = await renderWithIpc(desk({ quote_booking: () => [quote("900.00")], create_booking: create }), <Area />);
    await screen.findByTestId("tape-bar-7");
    dragFrom(screen.getByTestId("tape-cell-102-2026-11-24"), { x: colX(1) }, { x: colX(3) });

    expect(await screen.findByTestId("booking-arrival")).toHaveValue("2026-11-24");
    expect(screen.getByTestId("booking-departure")).toHaveValue("2026-11-27");
    expect(screen.getByTestId("booking-room-type")).toHaveValue("大床房");
    expect(screen.getByTestId("booking-rate-plan")).toHaveValue("BAR · 门市价");
    expect(screen.getByTestId("booking-room-number")).toHaveTextContent("指定房间：102");
    await vi.waitFor(() => expect(calls.mock.calls.some(([cmd]) => cmd === "quote_booking")).toBe(true));

    await fillNewGuest();
    await userEvent.click(screen.getByTestId("booking-save"));
    expect(await screen.findByTestId("booking-number")).toHaveTextContent("B2611-0009");
    expect(create).toHaveBeenCalledWith({
      input: expect.objectContaining({
        arrival: "2026-11-24",
        departure: "2026-11-27",
        rooms: [{ roomTypeId: 1, ratePlanId: 10, adults: 2, children: 0, roomId: 102 }],
        newGuest: { name: "王芳", phone: "13900139000", email: "", idDocument: null, nationality: "" },
      }),
    });
    // Closing the dialog reloads the chart, so the new stay shows.
    const loads = calls.mock.calls.filter(([cmd]) => cmd === "tape_chart").length;
    await userEvent.click(screen.getByRole("button", { name: "关闭" }));
    await vi.waitFor(() => expect(calls.mock.calls.filter(([cmd]) => cmd === "tape_chart").length).toBeGreaterThan(loads));
  });

  it("stops a selection at the room's out-of-order nights; a click books one night; the unassigned lane books without a room", async () => {
    await renderWithIpc(desk(), <Area />);
    await screen.findByTestId("tape-bar-7");
    dragFrom(screen.getByTestId("tape-cell-102-2026-11-26"), { x: colX(3) }, { x: colX(8) });
    expect(await screen.findByTestId("booking-departure")).toHaveValue("2026-11-28");
    expect(screen.getByTestId("booking-arrival")).toHaveValue("2026-11-26");
    await userEvent.click(screen.getByRole("button", { name: "取消" }));
    await vi.waitFor(() => expect(screen.queryByTestId("booking-arrival")).not.toBeInTheDocument());

    dragFrom(screen.getByTestId("tape-cell-201-2026-11-30"), { x: colX(7) }, { x: colX(7) });
    expect(await screen.findByTestId("booking-arrival")).toHaveValue("2026-11-30");
    expect(screen.getByTestId("booking-departure")).toHaveValue("2026-12-01");
    expect(screen.getByTestId("booking-room-type")).toHaveValue("双床房");
    expect(screen.getByTestId("booking-room-number")).toHaveTextContent("201");
    await userEvent.click(screen.getByRole("button", { name: "取消" }));
    await vi.waitFor(() => expect(screen.queryByTestId("booking-arrival")).not.toBeInTheDocument());

    const lane = screen.getByTestId("tape-bar-8").parentElement as HTMLElement;
    const cell = lane.querySelector<HTMLElement>('[data-col="0"]') as HTMLElement;
    dragFrom(cell, { x: colX(0) }, { x: colX(0) });
    expect(await screen.findByTestId("booking-arrival")).toHaveValue("2026-11-23");
    expect(screen.getByTestId("booking-room-type")).toHaveValue("大床房");
    expect(screen.queryByTestId("booking-room-number")).not.toBeInTheDocument();
  });

  it("Shift+→ selects nights from the keyboard, Escape drops the selection, Enter books what is selected", async () => {
    await renderWithIpc(desk(), <Area />);
    await screen.findByTestId("tape-bar-7");
    press("ArrowDown");
    press("ArrowDown");
    expect(screen.getByTestId("tape-cell-102-2026-11-23")).toHaveAttribute("data-focused", "true");
    press("ArrowRight", { shiftKey: true });
    press("ArrowRight", { shiftKey: true });
    expect(screen.getByTestId("tape-selection")).toHaveTextContent("3 晚");
    expect(screen.getByTestId("tape-cell-102-2026-11-25")).toHaveAttribute("data-selected", "true");
    press("Escape");
    expect(screen.queryByTestId("tape-selection")).not.toBeInTheDocument();

    press("ArrowRight", { shiftKey: true });
    press("ArrowRight", { shiftKey: true });
    press("ArrowLeft", { shiftKey: true });
    expect(screen.getByTestId("tape-selection")).toHaveTextContent("2 晚");
    press("Enter");
    expect(await screen.findByTestId("booking-arrival")).toHaveValue("2026-11-25");
    expect(screen.getByTestId("booking-departure")).toHaveValue("2026-11-27");
    expect(screen.getByTestId("booking-room-number")).toHaveTextContent("102");
    expect(screen.queryByTestId("tape-selection")).not.toBeInTheDocument();
  });

  it("says clearly when the room was taken meanwhile", async () => {
    await renderWithIpc(
      desk({
        quote_booking: () => [quote("300.00")],
        create_booking: () => {
          throw apiError("errors.reservation.room_taken", { room: "101", night: "2026-11-27" });
        },
      }),
      <Area />,
    );
    await screen.findByTestId("tape-bar-7");
    dragFrom(screen.getByTestId("tape-cell-101-2026-11-27"), { x: colX(4) }, { x: colX(4) });
    await screen.findByTestId("booking-arrival");
    await fillNewGuest();
    await userEvent.click(screen.getByTestId("booking-save"));
    const error = await screen.findByTestId("booking-error");
    expect(error).toHaveTextContent("房间 101 在 2026-11-27 已被占用。");
    expect(within(screen.getByRole("dialog")).getByTestId("booking-arrival")).toBeInTheDocument();
  });
});
