import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import type { RatePlanInput, RoomTypeInput } from "../../ipc/client";
import { apiError, session, status } from "../../test/fixtures";
import { renderWithIpc, type Handlers } from "../../test/render";
import { ALL_WEEKDAYS, weekdayBit, weekdaySet, weekdaysOf, withWeekday } from "./queries";

const STD: RoomTypeInput = {
  id: 1,
  code: "STD",
  nameZh: "标准间",
  nameEn: "Standard",
  areaM2: 25,
  bedType: "",
  maxAdults: 2,
  maxChildren: 0,
  facilities: [],
  overbookRooms: 0,
  overbookPercent: 0,
  active: true,
};

const BAR: RatePlanInput = {
  id: 7,
  roomTypeId: 1,
  code: "BAR",
  nameZh: "门市价",
  nameEn: "Best available",
  kind: "standard",
  basePrice: "388.00",
  taxInclusive: true,
  taxPercent: "6",
  minStay: 1,
  maxStay: null,
  cancelFreeHours: 24,
  cancelFee: "first_night",
  cancelFeePercent: "0",
  noShowFee: "whole_stay",
  noShowFeePercent: "0",
  // Weekends (Fri, Sat, Sun) in the holiday week cost more.
  rules: [{ from: "2026-10-01", to: "2026-10-07", weekdays: 16 | 32 | 64, price: "688.00", closedToArrival: false, closedToDeparture: false }],
  active: true,
};

function desk(extra: Handlers = {}): Handlers {
  return {
    app_status: () => status(),
    current_session: () => session(),
    list_room_types: () => [STD],
    list_rate_plans: () => [BAR],
    save_rate_plan: ({ input }) => input,
    ...extra,
  };
}

afterEach(() => {
  window.location.hash = "";
});

describe("weekday bit set", () => {
  it("counts Monday as 1 and Sunday as 64", () => {
    expect(weekdayBit("mon")).toBe(1);
    expect(weekdayBit("tue")).toBe(2);
    expect(weekdayBit("sun")).toBe(64);
    expect(weekdaysOf(16 | 32 | 64)).toEqual(["fri", "sat", "sun"]);
  });

  it("round-trips every set of days", () => {
    for (let set = 0; set <= ALL_WEEKDAYS; set++) expect(weekdaySet(weekdaysOf(set))).toBe(set);
    expect(withWeekday(withWeekday(112, "sun", false), "mon", true)).toBe(1 | 16 | 32);
  });
});

describe("rate plans", () => {
  it("lists each room type's plans with the price as money", async () => {
    window.location.hash = "#/settings/rates";
    await renderWithIpc(desk());
    const row = await screen.findByTestId("rate-row-BAR");
    expect(within(row).getByText("¥388.00")).toBeInTheDocument();
    expect(within(row).getByText("到店前 24 小时内：首晚房费")).toBeInTheDocument();
    expect(within(row).getByText("全部房费")).toBeInTheDocument();
  });

  it("asks for a room type first when there is none", async () => {
    window.location.hash = "#/settings/rates";
    await renderWithIpc(desk({ list_room_types: () => [], list_rate_plans: () => [] }));
    expect(await screen.findByText("还没有房型——请先创建一个房型")).toBeInTheDocument();
    await userEvent.click(screen.getByTestId("rates-go-rooms"));
    expect(window.location.hash).toBe("#/settings/rooms");
  });

  it("shows a rule's weekdays as ticks and sends the changed bit set back", async () => {
    window.location.hash = "#/settings/rates";
    const { calls } = await renderWithIpc(desk());
    await userEvent.click(await screen.findByRole("button", { name: "编辑房价 BAR" }));
    const ticked = (day: string) => (screen.getByTestId(`rule-0-${day}`) as HTMLInputElement).checked;
    expect(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map(ticked)).toEqual([false, false, false, false, true, true, true]);
    await userEvent.click(screen.getByTestId("rule-0-sun"));
    await userEvent.click(screen.getByTestId("rule-0-mon"));
    await userEvent.type(screen.getByTestId("plan-basePrice"), "{Enter}");
    expect(await screen.findByText("已保存")).toBeInTheDocument();
    const sent = calls.mock.calls.find(([cmd]) => cmd === "save_rate_plan")?.[1] as { input: RatePlanInput };
    expect(sent.input.rules).toEqual([{ ...BAR.rules[0], weekdays: 1 | 16 | 32 }]);
    expect(sent.input).toMatchObject({ id: 7, basePrice: "388.00", maxStay: null, cancelFee: "first_night" });
  });

  it("adds a rule for all days and refuses one without any weekday, beside that rule", async () => {
    window.location.hash = "#/settings/rates";
    const { calls } = await renderWithIpc(desk());
    await userEvent.click(await screen.findByRole("button", { name: "编辑房价 BAR" }));
    await userEvent.click(screen.getByTestId("rule-add"));
    for (const day of ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]) {
      expect(screen.getByTestId(`rule-1-${day}`)).toBeChecked();
      await userEvent.click(screen.getByTestId(`rule-1-${day}`));
    }
    await userEvent.type(screen.getByTestId("rule-1-price"), "300");
    await userEvent.click(screen.getByTestId("plan-save"));
    expect(await screen.findByText("请至少勾选一个星期几。")).toBeInTheDocument();
    expect(calls.mock.calls.map(([cmd]) => cmd)).not.toContain("save_rate_plan");
  });

  it("shows a tax rate Rust refuses beside the tax field", async () => {
    window.location.hash = "#/settings/rates";
    await renderWithIpc(
      desk({
        save_rate_plan: () => {
          throw apiError("errors.validation.range", { field: "taxPercent", min: "0", max: "100" });
        },
      }),
    );
    await userEvent.click(await screen.findByTestId("rate-new-STD"));
    await userEvent.type(await screen.findByTestId("plan-code"), "CORP");
    await userEvent.type(screen.getByTestId("plan-nameZh"), "协议价");
    await userEvent.type(screen.getByTestId("plan-nameEn"), "Corporate");
    await userEvent.type(screen.getByTestId("plan-basePrice"), "299.5");
    expect(screen.getByText("¥299.50")).toBeInTheDocument();
    const tax = screen.getByTestId("plan-taxPercent");
    await userEvent.clear(tax);
    await userEvent.type(tax, "600{Enter}");
    expect(await screen.findByText("税率（%）必须在 0 到 100 之间。")).toBeInTheDocument();
    expect(tax).toHaveAttribute("aria-invalid", "true");
  });
});
