import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import type { PeriodFigures, YearReport } from "../../ipc/client";
import { apiError, session, status } from "../../test/fixtures";
import { renderWithIpc } from "../../test/render";
import { lastClosedYear } from "./ReportsArea";
import { monthName } from "./MonthTable";

const november: PeriodFigures = {
  days: 2, roomsAvailable: 14, roomsSold: 4, occupancy: "28.6", adr: "299.00", revpar: "85.43", roomRevenue: "1196.00",
  otherRevenue: "286.00", totalRevenue: "1482.00",
  revenue: [
    { code: "BREAKFAST", nameZh: "早餐", nameEn: "Breakfast", department: "food_beverage", amount: "116.00", tax: "6.57" },
    { code: "ROOM", nameZh: "房费", nameEn: "Room", department: "rooms", amount: "1246.00", tax: "70.53" },
  ],
};

function report(year: number): YearReport {
  if (year !== 2026) {
    const none: PeriodFigures = { ...november, days: 0, roomsAvailable: 0, roomsSold: 0, occupancy: "0.0", adr: "0.00", revpar: "0.00", roomRevenue: "0.00", otherRevenue: "0.00", totalRevenue: "0.00", revenue: [] };
    return { year, currency: "CNY", closedThrough: null, months: [], total: none };
  }
  return { year, currency: "CNY", closedThrough: "2026-11-22", months: [{ month: 11, figures: november }], total: november };
}

afterEach(() => {
  window.location.hash = "";
});

describe("reports", () => {
  it("shows the year month by month with its total, and an empty year when nothing is closed", async () => {
    window.location.hash = "#/reports";
    const { calls } = await renderWithIpc({
      app_status: () => status(),
      current_session: () => session(),
      year_report: ({ year }) => report(year as number),
    });
    const month = await screen.findByTestId("reports-month-11");
    expect(within(month).getByText("十一月")).toBeInTheDocument();
    expect(within(month).getByText("28.6 %")).toBeInTheDocument();
    const total = screen.getByTestId("reports-total");
    expect(within(total).getByText("2026 年合计")).toBeInTheDocument();
    expect(within(total).getByText("¥1,482.00")).toBeInTheDocument();
    expect(within(total).getByText("¥85.43")).toBeInTheDocument();
    expect(screen.getByTestId("reports-through")).toHaveTextContent("2026年11月22日");
    expect(within(screen.getByTestId("reports-code-ROOM")).getByText("¥1,246.00")).toBeInTheDocument();
    expect(calls.mock.calls.find(([cmd]) => cmd === "year_report")?.[1]).toEqual({ year: 2026 });

    await userEvent.click(screen.getByTestId("reports-year"));
    await userEvent.click(await screen.findByRole("option", { name: "2025", hidden: true }));
    expect(await screen.findByTestId("reports-empty")).toHaveTextContent("2025 年还没有已关账的营业日");
    expect(screen.queryByTestId("reports-months")).not.toBeInTheDocument();
  });

  it("says what the core refused", async () => {
    window.location.hash = "#/reports";
    await renderWithIpc({
      app_status: () => status(),
      current_session: () => session(["reports.view"]),
      year_report: () => {
        throw apiError("errors.validation.range", { field: "year", min: "2000", max: "2999" });
      },
    });
    expect(await screen.findByTestId("reports-error")).toHaveTextContent("年份必须在 2000 到 2999 之间。");
  });

  it("is not offered to housekeeping", async () => {
    window.location.hash = "#/reports";
    await renderWithIpc({ app_status: () => status(), current_session: () => session(["housekeeping.update"]), housekeeping_board: () => [] });
    expect(screen.queryByText("报表")).not.toBeInTheDocument();
    expect(screen.queryByTestId("reports-months")).not.toBeInTheDocument();
  });

  it("starts at the year of the last closed day and names months in the language", () => {
    expect(lastClosedYear("2026-11-23")).toBe(2026);
    expect(lastClosedYear("2027-01-01")).toBe(2026);
    expect(monthName(1, "en-US")).toBe("January");
    expect(monthName(11, "zh-CN")).toBe("十一月");
  });
});
