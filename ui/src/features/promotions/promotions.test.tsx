import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import type { Permission, PromotionInput } from "../../ipc/client";
import { apiError, session, status } from "../../test/fixtures";
import { renderWithIpc, type Handlers } from "../../test/render";
import { checkCode, checkValue, promotionStatus } from "./queries";

// The fixture session's business date is 2026-11-23.
const promo = (code: string, overrides: Partial<PromotionInput> = {}): PromotionInput => ({
  id: code.length,
  code,
  kind: "percent",
  value: "15",
  validFrom: "2026-11-01",
  validTo: "2026-11-30",
  usageLimit: null,
  usedCount: 0,
  ...overrides,
});
const SPRING = promo("SPRING15", { id: 1, usageLimit: 10, usedCount: 3 });
const NEW_YEAR = promo("NY2027", { id: 2, kind: "amount", value: "50.00", validFrom: "2026-12-01", validTo: "2027-01-05" });
const SUMMER = promo("SUMMER", { id: 3, value: "10", validFrom: "2026-06-01", validTo: "2026-08-31" });
const VIP = promo("VIP", { id: 4, value: "12.5", validFrom: "2026-01-01", validTo: "2026-12-31", usageLimit: 5, usedCount: 5 });

function desk(extra: Handlers = {}, permissions?: Permission[]): Handlers {
  return {
    app_status: () => status(),
    current_session: () => session(permissions),
    list_promotions: () => [SPRING, NEW_YEAR, SUMMER, VIP],
    save_promotion: ({ input }) => input,
    ...extra,
  };
}

function sent(calls: { mock: { calls: [string, Record<string, unknown>][] } }): PromotionInput | undefined {
  return (calls.mock.calls.find(([cmd]) => cmd === "save_promotion")?.[1] as { input: PromotionInput } | undefined)?.input;
}

afterEach(() => {
  window.location.hash = "";
});

describe("promotion rules", () => {
  it("tells expired, used up, upcoming and active apart on the business date", () => {
    expect(promotionStatus(SPRING, "2026-11-23")).toBe("active");
    expect(promotionStatus(SPRING, "2026-11-30")).toBe("active");
    expect(promotionStatus(SPRING, "2026-12-01")).toBe("expired");
    expect(promotionStatus(NEW_YEAR, "2026-11-23")).toBe("upcoming");
    expect(promotionStatus(VIP, "2026-11-23")).toBe("usedUp");
    expect(promotionStatus({ ...VIP, validTo: "2026-11-22" }, "2026-11-23")).toBe("expired");
  });

  it("checks codes and discounts as Rust does, on the digits", () => {
    expect(checkCode(" spring-15_a ")).toBeNull();
    expect(checkCode("a")?.key).toBe("errors.validation.too_short");
    expect(checkCode("A".repeat(25))?.key).toBe("errors.validation.too_long");
    expect(checkCode("春节")?.key).toBe("promotions.errors.code");
    expect(checkValue("percent", "100", 2)).toBeNull();
    expect(checkValue("percent", "12.50", 2)).toBeNull();
    for (const bad of ["0", "100.01", "101", "12.345", "-5", "1,5", "."]) expect(checkValue("percent", bad, 2), bad).not.toBeNull();
    expect(checkValue("amount", "1500.5", 2)).toBeNull();
    expect(checkValue("amount", "50.000", 2)).toBeNull();
    for (const bad of ["0.00", "50.001", "abc"]) expect(checkValue("amount", bad, 2), bad).not.toBeNull();
    expect(checkValue("amount", "50.5", 0)?.params).toEqual({ digits: "0" });
  });
});

describe("promotions tab", () => {
  it("is there only for those who manage rates", async () => {
    window.location.hash = "#/settings";
    await renderWithIpc(desk({}, ["settings.manage", "rooms.manage"]));
    await screen.findByTestId("settings-tab-rooms");
    expect(screen.queryByTestId("settings-tab-promotions")).toBeNull();
  });

  it("lists each code with its discount, dates, uses and status today", async () => {
    window.location.hash = "#/settings/promotions";
    await renderWithIpc(desk());
    const spring = await screen.findByTestId("promotion-row-SPRING15");
    expect(within(spring).getByText("15%")).toBeInTheDocument();
    expect(within(spring).getByText("2026年11月1日")).toBeInTheDocument();
    expect(within(spring).getByText("3 / 10")).toBeInTheDocument();
    expect(screen.getByTestId("promotion-status-SPRING15")).toHaveTextContent("有效");

    const newYear = screen.getByTestId("promotion-row-NY2027");
    expect(within(newYear).getByText("¥50.00/晚")).toBeInTheDocument();
    expect(within(newYear).getByText("0 / ∞")).toBeInTheDocument();
    expect(screen.getByTestId("promotion-status-NY2027")).toHaveTextContent("未开始");
    expect(screen.getByTestId("promotion-status-SUMMER")).toHaveTextContent("已过期");
    expect(screen.getByTestId("promotion-status-VIP")).toHaveTextContent("已用完");
  });

  it("shows the list in English with English dates", async () => {
    window.location.hash = "#/settings/promotions";
    await renderWithIpc({ ...desk(), app_status: () => status({ language: "en-US" }) }, undefined, "en-US");
    const newYear = await screen.findByTestId("promotion-row-NY2027");
    expect(within(newYear).getByText("Dec 1, 2026")).toBeInTheDocument();
    expect(within(newYear).getByText("CN¥50.00 / night")).toBeInTheDocument();
    expect(screen.getByTestId("promotion-status-VIP")).toHaveTextContent("Used up");
  });

  it("says what to do when there is none", async () => {
    window.location.hash = "#/settings/promotions";
    await renderWithIpc(desk({ list_promotions: () => [] }));
    expect(await screen.findByText("还没有优惠码")).toBeInTheDocument();
  });

  it("creates an amount-off promotion valid from today, with the code in capitals", async () => {
    window.location.hash = "#/settings/promotions";
    const { calls } = await renderWithIpc(desk());
    await userEvent.click(await screen.findByTestId("promotion-new"));
    expect(screen.getByTestId("promotion-validFrom")).toHaveValue("2026-11-23");
    await userEvent.type(screen.getByTestId("promotion-code"), "winter-50");
    await userEvent.click(screen.getByTestId("promotion-kind-amount"));
    await userEvent.type(screen.getByTestId("promotion-value"), "50");
    expect(screen.getByText("每晚房费减 ¥50.00")).toBeInTheDocument();
    fireEvent.change(screen.getByTestId("promotion-validTo"), { target: { value: "2027-02-28" } });
    await userEvent.type(screen.getByTestId("promotion-usageLimit"), "100");
    await userEvent.click(screen.getByTestId("promotion-save"));
    expect(await screen.findByText("优惠码 WINTER-50 已保存")).toBeInTheDocument();
    expect(sent(calls)).toEqual({
      id: null,
      code: "WINTER-50",
      kind: "amount",
      value: "50",
      validFrom: "2026-11-23",
      validTo: "2027-02-28",
      usageLimit: 100,
      usedCount: 0,
    });
  });

  it("edits a promotion keeping its id and uses, and an empty limit means none", async () => {
    window.location.hash = "#/settings/promotions";
    const { calls } = await renderWithIpc(desk());
    await userEvent.click(await screen.findByRole("button", { name: "编辑优惠码 SPRING15" }));
    expect(screen.getByText("已使用 3 次，上限不能低于此数。")).toBeInTheDocument();
    await userEvent.clear(screen.getByTestId("promotion-usageLimit"));
    await userEvent.type(screen.getByTestId("promotion-value"), "{Backspace}8{Enter}");
    expect(await screen.findByText("优惠码 SPRING15 已保存")).toBeInTheDocument();
    expect(sent(calls)).toMatchObject({ id: 1, code: "SPRING15", kind: "percent", value: "18", usageLimit: null, usedCount: 3 });
  });

  it("refuses a percentage over 100 and dates in the wrong order before asking Rust", async () => {
    window.location.hash = "#/settings/promotions";
    const { calls } = await renderWithIpc(desk());
    await userEvent.click(await screen.findByTestId("promotion-new"));
    await userEvent.type(screen.getByTestId("promotion-code"), "BIG");
    await userEvent.type(screen.getByTestId("promotion-value"), "150");
    fireEvent.change(screen.getByTestId("promotion-validTo"), { target: { value: "2026-11-01" } });
    await userEvent.click(screen.getByTestId("promotion-save"));
    expect(await screen.findByText("请填写大于 0、不超过 100 的百分比，最多两位小数。")).toBeInTheDocument();
    expect(screen.getByText("截止日期不能早于生效日期。")).toBeInTheDocument();
    expect(screen.getByTestId("promotion-validTo")).toHaveAttribute("aria-invalid", "true");
    expect(sent(calls)).toBeUndefined();
  });

  it("refuses a limit below the uses already made, naming the lowest allowed", async () => {
    window.location.hash = "#/settings/promotions";
    const { calls } = await renderWithIpc(desk());
    await userEvent.click(await screen.findByRole("button", { name: "编辑优惠码 SPRING15" }));
    const limit = screen.getByTestId("promotion-usageLimit");
    await userEvent.clear(limit);
    await userEvent.type(limit, "2{Enter}");
    expect(await screen.findByText("使用次数上限必须在 3 到 1000000 之间。")).toBeInTheDocument();
    expect(limit).toHaveValue("2");
    expect(sent(calls)).toBeUndefined();
  });

  it("shows a code Rust finds taken beside the code field", async () => {
    window.location.hash = "#/settings/promotions";
    await renderWithIpc(
      desk({
        save_promotion: () => {
          throw apiError("errors.validation.duplicate", { field: "code", value: "SPRING15" });
        },
      }),
    );
    await userEvent.click(await screen.findByTestId("promotion-new"));
    await userEvent.type(screen.getByTestId("promotion-code"), "spring15");
    await userEvent.type(screen.getByTestId("promotion-value"), "10");
    fireEvent.change(screen.getByTestId("promotion-validTo"), { target: { value: "2026-12-31" } });
    await userEvent.click(screen.getByTestId("promotion-save"));
    expect(await screen.findByText("代码“SPRING15”已存在。")).toBeInTheDocument();
    expect(screen.getByTestId("promotion-code")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("promotion-value")).not.toHaveAttribute("aria-invalid", "true");
  });

  it("shows a limit below the uses made beside the limit field", async () => {
    window.location.hash = "#/settings/promotions";
    await renderWithIpc(
      desk({
        save_promotion: () => {
          throw apiError("errors.validation.range", { field: "usageLimit", min: "7", max: "1000000" });
        },
      }),
    );
    await userEvent.click(await screen.findByRole("button", { name: "编辑优惠码 SPRING15" }));
    await userEvent.click(screen.getByTestId("promotion-save"));
    expect(await screen.findByText("使用次数上限必须在 7 到 1000000 之间。")).toBeInTheDocument();
    expect(screen.getByTestId("promotion-usageLimit")).toHaveAttribute("aria-invalid", "true");
  });
});
