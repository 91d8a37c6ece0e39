import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import type { Permission, RoomInput, RoomTypeInput } from "../../ipc/client";
import { apiError, session, status } from "../../test/fixtures";
import { renderWithIpc, type Handlers } from "../../test/render";

const STD: RoomTypeInput = {
  id: 1,
  code: "STD",
  nameZh: "标准间",
  nameEn: "Standard",
  areaM2: 25,
  bedType: "双床",
  maxAdults: 2,
  maxChildren: 1,
  facilities: [],
  overbookRooms: 1,
  overbookPercent: 0,
  active: true,
};
const KNG: RoomTypeInput = { ...STD, id: 2, code: "KNG", nameZh: "大床房", nameEn: "King", bedType: "大床" };

const room = (id: number, number: string, floor: number, roomTypeId: number, active = true): RoomInput => ({
  id,
  number,
  floor,
  roomTypeId,
  features: [],
  active,
});

function desk(extra: Handlers = {}, permissions?: Permission[]): Handlers {
  return {
    app_status: () => status(),
    current_session: () => session(permissions),
    list_room_types: () => [STD, KNG],
    list_rooms: () => [room(11, "301", 3, 2), room(12, "201", 2, 1), room(13, "202", 2, 1), room(14, "203", 2, 1, false)],
    assignment_strategy: () => "cluster",
    ...extra,
  };
}

afterEach(() => {
  window.location.hash = "";
});

describe("settings tabs for rooms and rates", () => {
  it("appear only with rooms.manage and rates.manage", async () => {
    window.location.hash = "#/settings";
    const first = await renderWithIpc(desk({}, ["settings.manage", "rooms.manage"]));
    expect(await screen.findByTestId("settings-tab-rooms")).toHaveTextContent("房间");
    expect(screen.queryByTestId("settings-tab-rates")).toBeNull();
    first.unmount();

    await renderWithIpc({ ...desk({}, ["settings.manage"]), app_status: () => status({ language: "en-US" }) }, undefined, "en-US");
    await screen.findByTestId("settings-tab-general");
    expect(screen.queryByTestId("settings-tab-rooms")).toBeNull();
    expect(screen.queryByTestId("settings-tab-rates")).toBeNull();
  });
});

describe("room types", () => {
  it("lists types by their name in the UI language with their active room count", async () => {
    window.location.hash = "#/settings/rooms";
    await renderWithIpc({ ...desk(), app_status: () => status({ language: "en-US" }) }, undefined, "en-US");
    const table = await screen.findByTestId("room-types-table");
    expect(await within(table).findByText("Standard")).toBeInTheDocument();
    // Rooms 201 and 202 are active; 203 is not.
    expect(screen.getByTestId("room-type-count-STD")).toHaveTextContent("2");
    expect(screen.getByTestId("room-type-count-KNG")).toHaveTextContent("1");
  });

  it("says what to do first when the hotel has no room types", async () => {
    window.location.hash = "#/settings/rooms";
    await renderWithIpc(desk({ list_room_types: () => [], list_rooms: () => [] }));
    expect(await screen.findByText("还没有房型——请先创建一个房型")).toBeInTheDocument();
    expect(screen.getByText("请先在上方创建房型，然后用“批量创建房间”添加房间。")).toBeInTheDocument();
    expect(screen.getByTestId("rooms-bulk")).toBeDisabled();
  });

  it("shows a duplicate code from Rust beside the code field", async () => {
    window.location.hash = "#/settings/rooms";
    const { calls } = await renderWithIpc(
      desk({
        save_room_type: () => {
          throw apiError("errors.validation.duplicate", { field: "code", value: "STD" });
        },
      }),
    );
    await userEvent.click(await screen.findByTestId("room-type-new"));
    await userEvent.type(await screen.findByTestId("room-type-code"), "std");
    await userEvent.type(screen.getByTestId("room-type-nameZh"), "标准间");
    await userEvent.type(screen.getByTestId("room-type-nameEn"), "Standard{Enter}");
    const code = screen.getByTestId("room-type-code");
    expect(await screen.findByText("代码“STD”已存在。")).toBeInTheDocument();
    expect(code).toHaveAttribute("aria-invalid", "true");
    expect(document.querySelector(".mantine-Alert-root")).toBeNull();
    const sent = calls.mock.calls.find(([cmd]) => cmd === "save_room_type")?.[1];
    expect(sent?.input).toMatchObject({ id: null, code: "std", nameZh: "标准间", nameEn: "Standard", maxAdults: 2 });
  });
});

describe("rooms", () => {
  it("groups rooms by floor and, on request, by type", async () => {
    window.location.hash = "#/settings/rooms";
    await renderWithIpc(desk());
    const table = await screen.findByTestId("rooms-table");
    expect(await within(table).findByText("2 楼 · 3 间")).toBeInTheDocument();
    const numbers = () => within(table).getAllByTestId(/^room-row-/).map((r) => r.getAttribute("data-testid"));
    expect(numbers()).toEqual(["room-row-201", "room-row-202", "room-row-203", "room-row-301"]);
    await userEvent.click(screen.getByTestId("rooms-sort-type"));
    expect(within(table).getByText("KNG · 大床房 · 1 间")).toBeInTheDocument();
    expect(numbers()).toEqual(["room-row-301", "room-row-201", "room-row-202", "room-row-203"]);
  });

  it("creates 201–230 on floor 2 of type STD in one go and says how many first", async () => {
    window.location.hash = "#/settings/rooms";
    const created = Array.from({ length: 30 }, (_, i) => room(100 + i, String(201 + i), 2, 1));
    const { calls } = await renderWithIpc(desk({ create_rooms: () => created }));
    await userEvent.click(await screen.findByTestId("rooms-bulk"));
    await userEvent.type(await screen.findByTestId("bulk-from"), "201");
    expect(screen.getByTestId("bulk-floor")).toHaveValue("2");
    await userEvent.click(screen.getByTestId("bulk-type"));
    await userEvent.click(await screen.findByRole("option", { name: "STD · 标准间", hidden: true }));
    await userEvent.click(screen.getByTestId("feature-view"));
    await userEvent.type(screen.getByTestId("bulk-to"), "230");
    expect(screen.getByTestId("bulk-count")).toHaveTextContent("将创建 30 间房：201–230 号，2 楼，房型 STD。");
    expect(screen.getByTestId("bulk-save")).toHaveTextContent("创建 30 间房");
    await userEvent.type(screen.getByTestId("bulk-to"), "{Enter}");
    expect(await screen.findByText("已创建 30 间房。")).toBeInTheDocument();
    const sent = calls.mock.calls.find(([cmd]) => cmd === "create_rooms")?.[1];
    expect(sent).toEqual({ input: { from: 201, to: 230, floor: 2, roomTypeId: 1, features: ["view"] } });
  });

  it("refuses more than 500 rooms beside the last number, before asking Rust", async () => {
    window.location.hash = "#/settings/rooms";
    const { calls } = await renderWithIpc(desk());
    await userEvent.click(await screen.findByTestId("rooms-bulk"));
    await userEvent.type(await screen.findByTestId("bulk-from"), "1");
    await userEvent.type(screen.getByTestId("bulk-to"), "600");
    await userEvent.type(screen.getByTestId("bulk-floor"), "1");
    await userEvent.click(screen.getByTestId("bulk-type"));
    await userEvent.click(await screen.findByRole("option", { name: "KNG · 大床房", hidden: true }));
    await userEvent.click(screen.getByTestId("bulk-save"));
    expect(await screen.findByText("结束房号须在 1 到 500 之间（一次最多创建 500 间）。")).toBeInTheDocument();
    expect(calls.mock.calls.map(([cmd]) => cmd)).not.toContain("create_rooms");
  });

  it("shows which bookings keep a room from being deactivated, beside the switch", async () => {
    window.location.hash = "#/settings/rooms";
    await renderWithIpc(
      desk({
        save_room: () => {
          throw apiError("errors.room.has_stays", { bookings: "B2611-0007, B2612-0001" });
        },
      }),
    );
    await userEvent.click(await screen.findByRole("button", { name: "编辑房间 201" }));
    await userEvent.click(await screen.findByTestId("room-active"));
    await userEvent.click(screen.getByTestId("room-save"));
    expect(await screen.findByText("该房间之后仍有预订：B2611-0007, B2612-0001。请先调整这些预订。")).toBeInTheDocument();
    const field = screen.getByTestId("room-active").closest(".mantine-Switch-root");
    expect(field).toHaveTextContent("该房间之后仍有预订");
    expect(document.querySelector(".mantine-Alert-root")).toBeNull();
  });
});

describe("room assignment strategy", () => {
  it("shows the house setting and saves a change with a notice", async () => {
    window.location.hash = "#/settings/rooms";
    const { calls } = await renderWithIpc(desk({ save_assignment_strategy: ({ strategy }) => strategy }));
    const cluster = await screen.findByTestId("assignment-cluster");
    await waitFor(() => expect(cluster).toBeChecked());
    await userEvent.click(screen.getByTestId("assignment-spread"));
    expect(await screen.findByText("自动排房规则已保存：分散")).toBeInTheDocument();
    expect(calls).toHaveBeenCalledWith("save_assignment_strategy", { strategy: "spread" });
    expect(screen.getByTestId("assignment-spread")).toBeChecked();
    expect(cluster).not.toBeChecked();
  });

  it("shows why Rust refused a change and keeps the saved setting", async () => {
    window.location.hash = "#/settings/rooms";
    await renderWithIpc(
      desk({
        save_assignment_strategy: () => {
          throw apiError("errors.auth.forbidden", { permission: "settings.manage" });
        },
      }),
    );
    const cluster = await screen.findByTestId("assignment-cluster");
    await waitFor(() => expect(cluster).toBeChecked());
    await userEvent.click(screen.getByTestId("assignment-spread"));
    expect(await screen.findByText("您没有此操作的权限（settings.manage）。")).toBeInTheDocument();
    expect(cluster).toBeChecked();
  });

  it("is read-only, with the reason, for those who may not change house settings", async () => {
    window.location.hash = "#/settings/rooms";
    const { calls } = await renderWithIpc(desk({ assignment_strategy: () => "spread" }, ["rooms.manage"]));
    const spread = await screen.findByTestId("assignment-spread");
    await waitFor(() => expect(spread).toBeChecked());
    expect(spread).toBeDisabled();
    expect(screen.getByTestId("assignment-cluster")).toBeDisabled();
    expect(screen.getByText("只有可管理酒店设置的用户才能更改此项。")).toBeInTheDocument();
    await userEvent.click(screen.getByTestId("assignment-cluster"));
    expect(calls.mock.calls.map(([cmd]) => cmd)).not.toContain("save_assignment_strategy");
  });
});
