import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiError, session, status } from "../../test/fixtures";
import { renderWithIpc } from "../../test/render";

const loggedOut = { app_status: () => status(), current_session: () => null };

describe("login", () => {
  it("shows the translated reason when the password is wrong, and Enter submits", async () => {
    const { calls } = await renderWithIpc({
      ...loggedOut,
      login: () => {
        throw apiError("errors.auth.invalid_credentials");
      },
    });
    await userEvent.type(await screen.findByTestId("login-username"), "admin");
    await userEvent.type(screen.getByTestId("login-password"), "wrong{Enter}");
    expect(await screen.findByTestId("login-error")).toHaveTextContent("用户名或密码不正确。");
    expect(calls).toHaveBeenCalledWith("login", { username: "admin", password: "wrong" });
  });

  it("tells a locked-out user how many minutes to wait, in English too", async () => {
    await renderWithIpc({
      app_status: () => status({ language: "en-US" }),
      current_session: () => null,
      login: () => {
        throw apiError("errors.auth.account_locked", { minutes: "15" });
      },
    });
    await userEvent.type(await screen.findByTestId("login-username"), "frontdesk");
    await userEvent.type(screen.getByTestId("login-password"), "x");
    await userEvent.click(screen.getByTestId("login-submit"));
    expect(await screen.findByTestId("login-error")).toHaveTextContent("Try again in 15 minutes.");
  });

  it("lists the demo accounts only in demo mode", async () => {
    await renderWithIpc({
      app_status: () => status({ demo: true, demoAccounts: [{ username: "demo-frontdesk", password: "demo-pass-1", role: "前台" }] }),
      current_session: () => null,
    });
    const table = await screen.findByTestId("demo-accounts");
    expect(within(table).getByText("demo-pass-1")).toBeInTheDocument();
    await userEvent.click(within(table).getByText("demo-frontdesk"));
    expect(screen.getByTestId("login-username")).toHaveValue("demo-frontdesk");
  });

  it("has no demo table in a real installation", async () => {
    await renderWithIpc(loggedOut);
    await screen.findByTestId("login-username");
    expect(screen.queryByTestId("demo-accounts")).toBeNull();
  });

  it("switches the language from the login screen and tells Rust", async () => {
    const { calls } = await renderWithIpc({ ...loggedOut, set_language: ({ language }) => status({ language: String(language) }) });
    await userEvent.click(await screen.findByTestId("lang-en-US"));
    expect(await screen.findByText("Enter your username and password")).toBeInTheDocument();
    expect(calls).toHaveBeenCalledWith("set_language", { language: "en-US" });
  });

  it("opens the shell after a successful login", async () => {
    await renderWithIpc({ ...loggedOut, login: () => session(), dashboard: () => ({ businessDate: "2026-11-23", arrivals: 3, departures: 2, inHouse: 7, roomsTotal: 20 }) });
    fireEvent.change(await screen.findByTestId("login-username"), { target: { value: "admin" } });
    fireEvent.change(screen.getByTestId("login-password"), { target: { value: "correct horse" } });
    await userEvent.click(screen.getByTestId("login-submit"));
    expect(await screen.findByTestId("app-shell")).toBeInTheDocument();
    expect(await screen.findByText("7")).toBeInTheDocument();
  });
});
