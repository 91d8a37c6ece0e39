import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Channel } from "@tauri-apps/api/core";
import { afterEach, describe, expect, it } from "vitest";
import type { AuditChecks, AuditOutcome, AuditProgress, AuditSummary, Finding } from "../../ipc/client";
import { apiError, session, status } from "../../test/fixtures";
import { renderWithIpc } from "../../test/render";
import { dayBefore } from "./NightAuditArea";

const noShow: Finding = { reservationId: 7, bookingNo: "B000007", guest: "高明", room: "", arrival: "2026-11-23", departure: "2026-11-24" };

function checks(overrides: Partial<AuditChecks> = {}): AuditChecks {
  return { businessDate: "2026-11-23", arrivals: [noShow], departures: [], zeroRates: [], overLimit: [], ...overrides };
}

const summary: AuditSummary = {
  businessDate: "2026-11-23", closedAt: "2026-11-23T16:00:00Z", runBy: "王经理", currency: "CNY", roomsAvailable: 24,
  roomsOccupied: 6, occupancy: "25.0", roomRevenue: "1794.00", adr: "299.00", revpar: "74.75", revenue: [], revenueTotal: "2293.00",
  payments: [], paymentsTotal: "0.00", corrections: [], roomCharges: 6, noShows: [{ bookingNo: "B000007", guest: "高明", fee: "499.00" }], acknowledged: 1,
};

afterEach(() => {
  window.location.hash = "";
});

describe("night audit", () => {
  it("lists the findings, needs them acknowledged, shows progress and the closed day", async () => {
    window.location.hash = "#/night-audit";
    let report: ((p: AuditProgress) => void) | undefined;
    let finish: (() => void) | undefined;
    const { calls } = await renderWithIpc({
      app_status: () => status(),
      current_session: () => session(),
      night_audit_checks: () => checks(),
      night_audit_summary: () => {
        throw apiError("errors.night_audit.not_closed", { date: "2026-11-22" });
      },
      run_night_audit: ({ onProgress }) =>
        new Promise<AuditOutcome>((resolve) => {
          report = (onProgress as Channel<AuditProgress>).onmessage;
          finish = () => resolve({ closedDate: "2026-11-23", businessDate: "2026-11-24", summary });
        }),
    });
    const arrivals = await screen.findByTestId("night-audit-arrivals");
    expect(within(arrivals).getByText("B000007")).toBeInTheDocument();
    expect(within(arrivals).getByText("高明")).toBeInTheDocument();
    expect(within(arrivals).getByText("未排房")).toBeInTheDocument();
    const run = screen.getByTestId("night-audit-run");
    expect(run).toBeDisabled();
    await userEvent.click(screen.getByTestId("night-audit-ack"));
    expect(run).toBeEnabled();
    await userEvent.click(run);
    await screen.findByTestId("night-audit-progress");
    report?.({ step: "room_charges", done: 3, total: 6 });
    expect(await screen.findByText("正在过房费：3 / 6")).toBeInTheDocument();
    finish?.();
    const result = await screen.findByTestId("night-audit-result");
    expect(within(result).getByText(/当前营业日为/)).toBeInTheDocument();
    expect(screen.getByTestId("night-audit-occupancy")).toHaveTextContent("25.0 %");
    expect(screen.getByTestId("night-audit-room-charges")).toHaveTextContent("6");
    const ran = calls.mock.calls.find(([cmd]) => cmd === "run_night_audit");
    expect(ran?.[1].input).toEqual({ businessDate: "2026-11-23", acknowledged: true });
  });

  it("says so when another terminal closed the date first", async () => {
    window.location.hash = "#/night-audit";
    await renderWithIpc({
      app_status: () => status(),
      current_session: () => session(),
      night_audit_checks: () => checks({ arrivals: [] }),
      night_audit_summary: () => {
        throw apiError("errors.night_audit.not_closed", { date: "2026-11-22" });
      },
      run_night_audit: () => {
        throw apiError("errors.night_audit.already_run", { date: "2026-11-23" });
      },
    });
    expect(await screen.findByTestId("night-audit-clean")).toBeInTheDocument();
    await userEvent.click(screen.getByTestId("night-audit-run"));
    expect(await screen.findByTestId("night-audit-error")).toHaveTextContent("2026-11-23 的夜审已执行（可能在其他终端）。");
  });

  it("is not offered to the front desk", async () => {
    await renderWithIpc({ app_status: () => status(), current_session: () => session(["frontdesk.operate", "dashboard.view"]), dashboard: () => ({ businessDate: "2026-11-23", arrivals: 0, departures: 0, inHouse: 0, roomsTotal: 20 }) });
    await screen.findByTestId("dashboard-arrivals");
    expect(screen.queryByText("夜审")).not.toBeInTheDocument();
  });

  it("counts back one day", () => {
    expect(dayBefore("2026-12-01")).toBe("2026-11-30");
    expect(dayBefore("2027-01-01")).toBe("2026-12-31");
  });
});
