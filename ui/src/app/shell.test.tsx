import { act, fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Permission } from "../ipc/client";
import { apiError, session, status } from "../test/fixtures";
import { renderWithIpc, type Handlers } from "../test/render";
import { visibleAreas } from "./navigation";

const dashboard = () => ({ businessDate: "2026-11-23", arrivals: 3, departures: 2, inHouse: 7, roomsTotal: 20 });

function loggedIn(permissions?: Permission[], extra: Handlers = {}): Handlers {
  return {
    app_status: () => status(),
    current_session: () => session(permissions),
    dashboard,
    lock_session: () => null,
    touch_session: () => null,
    logout: () => null,
    ...extra,
  };
}

afterEach(() => {
  vi.useRealTimers();
  window.location.hash = "";
});

describe("navigation", () => {
  it("shows a front-desk clerk only the areas their role allows", async () => {
    await renderWithIpc(loggedIn(["dashboard.view", "frontdesk.operate", "guests.manage"]));
    const nav = await screen.findByRole("navigation");
    const ids = within(nav).getAllByRole("link").map((a) => a.getAttribute("data-testid"));
    expect(ids).toEqual(["nav-dashboard", "nav-tape-chart", "nav-front-desk", "nav-guests"]);
  });

  it("gives an administrator every area, Settings included", () => {
    const all = visibleAreas(session().permissions).map((a) => a.id);
    expect(all).toEqual(["dashboard", "tape-chart", "reservations", "front-desk", "housekeeping", "guests", "cashier", "reports", "settings", "night-audit"]);
    expect(visibleAreas(["audit.view"]).map((a) => a.id)).toEqual(["settings"]);
  });

  it("shows today's figures on the dashboard and a placeholder for areas still to come", async () => {
    await renderWithIpc(loggedIn());
    const arrivals = await screen.findByTestId("dashboard-arrivals");
    await vi.waitFor(() => expect(arrivals).toHaveTextContent("3"));
    expect(screen.getByTestId("dashboard-departures")).toHaveTextContent("2");
    expect(screen.getByTestId("dashboard-in-house")).toHaveTextContent("7");
    expect(screen.getByTestId("header-business-date")).toHaveTextContent("2026年11月23日");
    await userEvent.click(screen.getByTestId("nav-guests"));
    expect(await screen.findByText("此功能将在后续版本中提供。")).toBeInTheDocument();
  });

  it("shows only the settings tabs the role may open", async () => {
    window.location.hash = "#/settings";
    await renderWithIpc(loggedIn(["audit.view", "users.view"], { list_audit: () => ({ entries: [], total: 0, actions: [] }), list_users: () => [] }));
    await screen.findByTestId("settings-tab-general");
    expect(screen.getByTestId("settings-tab-users")).toBeInTheDocument();
    expect(screen.getByTestId("settings-tab-audit")).toBeInTheDocument();
    expect(screen.queryByTestId("settings-tab-backups")).toBeNull();
    expect(screen.queryByTestId("settings-tab-property")).toBeNull();
  });
});

describe("idle lock", () => {
  it("locks after the idle minutes, keeping the app mounted underneath", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { calls } = await renderWithIpc(loggedIn());
    const shell = await screen.findByTestId("app-shell");
    act(() => {
      vi.advanceTimersByTime(4 * 60_000);
    });
    expect(screen.queryByTestId("lock-screen")).toBeNull();
    act(() => {
      vi.advanceTimersByTime(61_000);
    });
    expect(await screen.findByTestId("lock-screen")).toBeInTheDocument();
    expect(calls).toHaveBeenCalledWith("lock_session", {});
    expect(shell).toBeInTheDocument();
    expect(shell).toHaveAttribute("inert");
  });

  it("restarts the countdown on input and touches the session at most once a minute", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { calls } = await renderWithIpc(loggedIn());
    await screen.findByTestId("app-shell");
    const touches = () => calls.mock.calls.filter(([cmd]) => cmd === "touch_session").length;
    for (let i = 0; i < 8; i++) {
      act(() => {
        vi.advanceTimersByTime(30_000);
      });
      fireEvent.keyDown(window, { key: "a" });
    }
    expect(screen.queryByTestId("lock-screen")).toBeNull();
    expect(touches()).toBe(4);
  });

  it("unlocks with the password and says so when it is wrong", async () => {
    let attempts = 0;
    await renderWithIpc(
      loggedIn(undefined, {
        current_session: () => session(undefined, { locked: true }),
        unlock_session: () => {
          attempts += 1;
          if (attempts === 1) throw apiError("errors.auth.invalid_credentials");
          return session();
        },
      }),
    );
    await userEvent.type(await screen.findByTestId("unlock-password"), "nope{Enter}");
    expect(await screen.findByTestId("unlock-error")).toHaveTextContent("用户名或密码不正确。");
    await userEvent.type(screen.getByTestId("unlock-password"), "right password{Enter}");
    await vi.waitFor(() => expect(screen.queryByTestId("lock-screen")).toBeNull());
  });

  it("shows the lock screen when any command answers session_locked", async () => {
    await renderWithIpc(
      loggedIn(undefined, {
        dashboard: () => {
          throw apiError("errors.auth.session_locked");
        },
      }),
    );
    expect(await screen.findByTestId("lock-screen")).toBeInTheDocument();
  });

  it("returns to the login screen when a command answers not_logged_in", async () => {
    await renderWithIpc(
      loggedIn(undefined, {
        dashboard: () => {
          throw apiError("errors.auth.not_logged_in");
        },
      }),
    );
    expect(await screen.findByTestId("login-username")).toBeInTheDocument();
  });

  it("locks from the user menu", async () => {
    const { calls } = await renderWithIpc(loggedIn());
    await userEvent.click(await screen.findByTestId("user-menu"));
    await userEvent.click(await screen.findByTestId("menu-lock"));
    expect(await screen.findByTestId("lock-screen")).toBeInTheDocument();
    expect(calls).toHaveBeenCalledWith("lock_session", {});
  });
});

describe("strict CSP", () => {
  it("never adds a <style> element, even with dialogs, menus and the palette open", async () => {
    window.location.hash = "#/settings/roles";
    await renderWithIpc(loggedIn(undefined, { list_roles: () => [], list_users: () => [] }));
    await screen.findByTestId("settings-tab-roles");
    await userEvent.click(screen.getByTestId("user-menu"));
    await userEvent.click(await screen.findByTestId("menu-change-password"));
    await screen.findByTestId("password-current");
    await userEvent.keyboard("{Escape}");
    await userEvent.click(screen.getByTestId("role-new"));
    await screen.findByTestId("role-name");
    await userEvent.keyboard("{Escape}");
    await userEvent.keyboard("{Control>}k{/Control}");
    expect(await screen.findByPlaceholderText("搜索功能或操作…")).toBeInTheDocument();
    expect(document.querySelectorAll("style")).toHaveLength(0);
  });
});
