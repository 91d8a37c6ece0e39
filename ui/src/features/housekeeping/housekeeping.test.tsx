import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useAppState } from "../../app/app-state";
import type { Board, RoomStatusView } from "../../ipc/client";
import { apiError, session, status } from "../../test/fixtures";
import { renderWithIpc, type Handlers } from "../../test/render";
import { HousekeepingArea } from "./HousekeepingArea";

function room(roomId: number, floor: number, overrides: Partial<RoomStatusView> = {}): RoomStatusView {
  return {
    roomId,
    number: String(roomId),
    floor,
    roomTypeId: 1,
    roomTypeCode: "STD",
    housekeeping: "clean",
    occupied: false,
    status: "vacant_clean",
    block: null,
    blocks: [],
    inHouse: null,
    dueOut: false,
    arrival: null,
    ...overrides,
  };
}

const ROOMS = [
  room(101, 1),
  room(102, 1, { housekeeping: "dirty", status: "vacant_dirty" }),
  room(103, 1, { occupied: true, status: "occupied_clean", inHouse: "B2611-0001", dueOut: true }),
  room(201, 2, { housekeeping: "inspected", status: "inspected", arrival: "B2611-0002" }),
  room(202, 2, {
    block: { id: 9, roomId: 202, kind: "out_of_order", from: "2026-11-23", to: "2026-11-25", reason: "漏水" },
    blocks: [{ id: 9, roomId: 202, kind: "out_of_order", from: "2026-11-23", to: "2026-11-25", reason: "漏水" }],
  }),
];

function board(rooms = ROOMS): Board {
  return {
    businessDate: "2026-11-23",
    rooms,
    counts: { vacantClean: 2, vacantDirty: 1, occupiedClean: 1, occupiedDirty: 0, inspected: 1, outOfOrder: 1, outOfService: 0 },
    floors: [1, 2],
    roomTypes: [{ id: 1, code: "STD" }],
  };
}

function housekeeping(extra: Handlers = {}): Handlers {
  return {
    app_status: () => status(),
    current_session: () => session(["housekeeping.update"], { user: { ...session().user, roleCode: "housekeeping", roleName: "Housekeeping" } }),
    housekeeping_board: () => board(),
    set_housekeeping_status: () => [],
    lock_session: () => null,
    touch_session: () => null,
    ...extra,
  };
}

function Area() {
  const { session: current } = useAppState();
  return current ? <HousekeepingArea /> : null;
}

afterEach(() => {
  window.location.hash = "";
});

describe("room status board", () => {
  it("shows every room in its status by floor, with who is in or arriving and its block", async () => {
    await renderWithIpc(housekeeping(), <Area />);
    const tile = await screen.findByTestId("hk-room-101");
    expect(tile).toHaveAttribute("data-status", "vacant_clean");
    expect(screen.getByTestId("hk-code-101")).toHaveTextContent("空净");
    expect(screen.getByTestId("hk-code-102")).toHaveTextContent("空脏");
    expect(screen.getByTestId("hk-code-103")).toHaveTextContent("住净");
    expect(screen.getByTestId("hk-room-103")).toHaveTextContent("预离");
    expect(screen.getByTestId("hk-room-201")).toHaveTextContent("预抵");
    expect(screen.getByTestId("hk-room-202")).toHaveTextContent("维修");
    expect(screen.getByTestId("hk-room-202")).toHaveAttribute("title", expect.stringContaining("漏水"));
    const floors = screen.getAllByRole("region").map((s) => within(s).getAllByRole("option").map((o) => o.getAttribute("data-testid")));
    expect(floors).toEqual([
      ["hk-room-101", "hk-room-102", "hk-room-103"],
      ["hk-room-201", "hk-room-202"],
    ]);
  });

  it("updates the status from the keyboard: arrows, Shift and Ctrl choose rooms, C / D / I set them", async () => {
    const { calls } = await renderWithIpc(housekeeping(), <Area />);
    const sent = () => calls.mock.calls.filter(([cmd]) => cmd === "set_housekeeping_status").map(([, args]) => args);
    await userEvent.click(await screen.findByTestId("hk-room-101"));
    const grid = screen.getByTestId("hk-board");
    expect(grid).toHaveFocus();

    fireEvent.keyDown(grid, { key: "d" });
    await vi.waitFor(() => expect(sent()).toEqual([{ roomIds: [101], status: "dirty" }]));

    fireEvent.keyDown(grid, { key: "ArrowRight" });
    fireEvent.keyDown(grid, { key: "ArrowRight", shiftKey: true });
    expect(screen.getByTestId("hk-room-102")).toHaveAttribute("aria-selected", "true");
    expect(screen.getByTestId("hk-room-103")).toHaveAttribute("aria-selected", "true");
    expect(screen.getByTestId("hk-room-101")).toHaveAttribute("aria-selected", "false");
    expect(screen.getByTestId("hk-selected")).toHaveTextContent("已选 2 间");
    fireEvent.keyDown(grid, { key: "C" });
    await vi.waitFor(() => expect(sent().at(-1)).toEqual({ roomIds: [102, 103], status: "clean" }));

    // Down from the third room of floor 1 lands on the last room of floor 2; Ctrl+click adds 201.
    fireEvent.keyDown(grid, { key: "ArrowDown" });
    expect(screen.getByTestId("hk-room-202")).toHaveAttribute("data-focused", "true");
    fireEvent.click(screen.getByTestId("hk-room-201"), { ctrlKey: true });
    fireEvent.keyDown(grid, { key: "i" });
    await vi.waitFor(() => expect(sent().at(-1)).toEqual({ roomIds: [201, 202], status: "inspected" }));

    // Ctrl+→ moves without changing the choice, Space adds the focused room, Ctrl+A takes all, Esc clears.
    fireEvent.keyDown(grid, { key: "Home" });
    fireEvent.keyDown(grid, { key: "ArrowRight", ctrlKey: true });
    fireEvent.keyDown(grid, { key: "ArrowRight", ctrlKey: true });
    fireEvent.keyDown(grid, { key: " " });
    expect(screen.getByTestId("hk-selected")).toHaveTextContent("已选 2 间");
    fireEvent.keyDown(grid, { key: "d" });
    await vi.waitFor(() => expect(sent().at(-1)).toEqual({ roomIds: [101, 103], status: "dirty" }));
    fireEvent.keyDown(grid, { key: "a", ctrlKey: true });
    fireEvent.keyDown(grid, { key: "c" });
    await vi.waitFor(() => expect(sent().at(-1)).toEqual({ roomIds: [101, 102, 103, 201, 202], status: "clean" }));
    fireEvent.keyDown(grid, { key: "Escape" });
    expect(screen.getByTestId("hk-selected")).toHaveTextContent("已选 1 间");

    // Every change reloads the board.
    await vi.waitFor(() => expect(calls.mock.calls.filter(([cmd]) => cmd === "housekeeping_board").length).toBeGreaterThanOrEqual(6));
  });

  it("says why an update was refused", async () => {
    await renderWithIpc(
      housekeeping({
        set_housekeeping_status: () => {
          throw apiError("errors.auth.forbidden", { permission: "housekeeping.update" });
        },
      }),
      <Area />,
    );
    await userEvent.click(await screen.findByTestId("hk-room-102"));
    fireEvent.keyDown(screen.getByTestId("hk-board"), { key: "c" });
    expect(await screen.findByTestId("hk-error")).toBeInTheDocument();
  });

  it("sends the status, floor and block filters to Rust", async () => {
    const { calls } = await renderWithIpc(housekeeping(), <Area />);
    const filters = () => calls.mock.calls.filter(([cmd]) => cmd === "housekeeping_board").map(([, args]) => args.filter);
    await screen.findByTestId("hk-room-101");
    expect(filters()[0]).toEqual({ statuses: [], floor: null, roomTypeId: null, block: null });
    await userEvent.click(screen.getByText(/空脏 空房待清洁/));
    await vi.waitFor(() => expect(filters().at(-1)).toEqual({ statuses: ["vacant_dirty"], floor: null, roomTypeId: null, block: null }));
  });

  it("blocks a room with a reason and dates, and lists the bookings when Rust refuses", async () => {
    let attempts = 0;
    const { calls } = await renderWithIpc(
      housekeeping({
        block_room: () => {
          attempts += 1;
          if (attempts === 1) throw apiError("errors.housekeeping.room_in_use", { room: "101", bookings: "B2611-0003, B2611-0004" });
          return { id: 10, roomId: 101, kind: "out_of_service", from: "2026-11-23", to: "2026-11-26", reason: "灯坏了" };
        },
      }),
      <Area />,
    );
    await userEvent.click(await screen.findByTestId("hk-room-101"));
    fireEvent.keyDown(screen.getByTestId("hk-board"), { key: "b" });
    await userEvent.click(await screen.findByTestId("hk-block-save"));
    expect(await screen.findByText("请填写原因。")).toBeInTheDocument();
    expect(calls.mock.calls.some(([cmd]) => cmd === "block_room")).toBe(false);

    await userEvent.click(screen.getByRole("radio", { name: "停用" }));
    fireEvent.change(screen.getByTestId("hk-block-to"), { target: { value: "2026-11-26" } });
    await userEvent.type(screen.getByTestId("hk-block-reason"), "灯坏了");
    await userEvent.click(screen.getByTestId("hk-block-save"));
    expect(await screen.findByTestId("hk-block-error")).toHaveTextContent("B2611-0003, B2611-0004");
    await userEvent.click(screen.getByTestId("hk-block-save"));
    await vi.waitFor(() => expect(screen.queryByTestId("hk-block-save")).toBeNull());
    const input = calls.mock.calls.filter(([cmd]) => cmd === "block_room").at(-1)?.[1].input;
    expect(input).toEqual({ roomId: 101, kind: "out_of_service", from: "2026-11-23", to: "2026-11-26", reason: "灯坏了" });
  });

  it("ends a block from the room's dialog", async () => {
    const { calls } = await renderWithIpc(housekeeping({ unblock_room: () => null }), <Area />);
    await userEvent.click(await screen.findByTestId("hk-room-202"));
    fireEvent.keyDown(screen.getByTestId("hk-board"), { key: "Enter" });
    await userEvent.click(await screen.findByTestId("hk-unblock-9"));
    await vi.waitFor(() => expect(calls).toHaveBeenCalledWith("unblock_room", { blockId: 9 }));
  });
});

describe("the housekeeping role", () => {
  it("sees only the room status board and lands on it after login", async () => {
    await renderWithIpc(housekeeping());
    expect(await screen.findByTestId("area-housekeeping")).toBeInTheDocument();
    const nav = screen.getByRole("navigation");
    expect(within(nav).getAllByRole("link").map((a) => a.getAttribute("data-testid"))).toEqual(["nav-housekeeping"]);
    expect(await screen.findByTestId("hk-room-101")).toBeInTheDocument();
  });
});
