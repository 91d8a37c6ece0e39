import { act, fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { apiError } from "../../test/fixtures";
import { renderWithIpc } from "../../test/render";
import { Area, desk, dragBar } from "./tape-chart.fixtures";

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
    const waiting = screen.getByTestId("tape-bar-8");
    expect(waiting.parentElement).toHaveTextContent("未排房");
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

  it("shows guest, nights, average nightly rate and amount when pointing at a stay, and for the stay under the keyboard focus", async () => {
    await renderWithIpc(desk(), <Area />);
    const stay = await screen.findByTestId("tape-bar-7");
    expect(screen.queryByTestId("tape-tip")).not.toBeInTheDocument();
    fireEvent.pointerOver(stay);
    const tip = screen.getByRole("tooltip");
    expect(tip).toHaveTextContent("张伟");
    expect(tip).toHaveTextContent("B2611-0007 · 101");
    expect(tip).toHaveTextContent("11月24日 – 11月26日 · 2 晚");
    // 1,234,567.89 ÷ 2 = 617,283.945 → rounded half away from zero, no float on the way.
    expect(tip).toHaveTextContent("每晚均价：¥617,283.95");
    expect(tip).toHaveTextContent("金额：¥1,234,567.89");
    expect(screen.getByTestId("tape-grid")).toHaveAttribute("aria-describedby", tip.id);
    fireEvent.pointerLeave(screen.getByTestId("tape-grid"));
    expect(screen.queryByRole("tooltip")).not.toBeInTheDocument();

    const grid = screen.getByTestId("tape-grid");
    grid.focus();
    fireEvent.keyDown(grid, { key: "ArrowDown" });
    expect(screen.queryByRole("tooltip")).not.toBeInTheDocument();
    fireEvent.keyDown(grid, { key: "ArrowRight" });
    expect(screen.getByRole("tooltip")).toHaveTextContent("张伟");
    fireEvent.blur(grid);
    expect(screen.queryByRole("tooltip")).not.toBeInTheDocument();
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
    dragBar(7, 2, 3);
    expect(await screen.findByTestId("tape-error")).toHaveTextContent("102");
    expect(screen.getByTestId("tape-error").textContent).toContain("2026-11-25");
    expect(calls).toHaveBeenCalledWith("assign_room", { id: 7, roomId: 102, allowUpgrade: false });
    expect(within(screen.getByTestId("tape-row-101")).getByTestId("tape-bar-7")).toBeInTheDocument();
  });

  it("asks before moving to another room type, then offers Undo back to the old room", async () => {
    const { calls } = await renderWithIpc(desk({ assign_room: () => ({}) }), <Area />);
    await screen.findByTestId("tape-bar-7");
    dragBar(7, 2, 5);
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
