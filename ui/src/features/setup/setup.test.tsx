import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiError, status } from "../../test/fixtures";
import { renderWithIpc } from "../../test/render";
import { validatePostgres } from "./PostgresForm";

const firstRun = { app_status: () => status({ stage: "needs_connection", backend: null, propertyName: null }) };

async function openServerForm(handlers = {}) {
  const rendered = await renderWithIpc({ ...firstRun, ...handlers });
  await userEvent.click(await screen.findByTestId("wizard-shared"));
  return rendered;
}

describe("first-run wizard", () => {
  it("rejects a port outside 1–65535 beside the field, without asking the server", async () => {
    const { calls } = await openServerForm();
    await userEvent.type(screen.getByTestId("pg-host"), "db.hotel.lan");
    await userEvent.type(screen.getByTestId("pg-user"), "innkeep");
    await userEvent.clear(screen.getByTestId("pg-port"));
    await userEvent.type(screen.getByTestId("pg-port"), "70000");
    await userEvent.click(screen.getByTestId("pg-test"));
    expect(await screen.findByText("端口必须是 1–65535 之间的数字。")).toBeInTheDocument();
    expect(screen.getByTestId("pg-port")).toHaveAttribute("aria-invalid", "true");
    expect(calls.mock.calls.map(([cmd]) => cmd)).not.toContain("test_connection");
  });

  it("validates every field the same way Rust does", () => {
    const ok = { host: "h", port: "5432", database: "innkeep", user: "u", password: "" };
    expect(validatePostgres(ok)).toEqual({});
    expect(Object.keys(validatePostgres({ ...ok, port: "0" }))).toEqual(["port"]);
    expect(Object.keys(validatePostgres({ ...ok, port: "54a" }))).toEqual(["port"]);
    expect(Object.keys(validatePostgres({ ...ok, host: " ", database: "x".repeat(64) }))).toEqual(["host", "database"]);
  });

  it("shows a server that cannot be reached as a translated result", async () => {
    await openServerForm({
      test_connection: () => {
        throw apiError("errors.db.unreachable", { host: "db.hotel.lan", port: "5432" });
      },
    });
    await userEvent.type(screen.getByTestId("pg-host"), "db.hotel.lan");
    await userEvent.type(screen.getByTestId("pg-user"), "innkeep");
    await userEvent.click(screen.getByTestId("pg-test"));
    expect(await screen.findByText("无法连接到服务器 db.hotel.lan:5432，请检查地址、端口和网络。")).toBeInTheDocument();
  });

  it("goes on to creating the administrator after choosing this computer", async () => {
    const { calls } = await renderWithIpc({
      ...firstRun,
      use_embedded_database: () => status({ stage: "needs_admin", propertyName: null }),
    });
    await userEvent.click(await screen.findByTestId("wizard-embedded"));
    expect(await screen.findByTestId("admin-property-name")).toBeInTheDocument();
    expect(calls).toHaveBeenCalledWith("use_embedded_database", {});
  });

  it("refuses an administrator password shorter than 10 characters", async () => {
    const { calls } = await renderWithIpc({ app_status: () => status({ stage: "needs_admin" }) });
    await userEvent.type(await screen.findByTestId("admin-property-name"), "西湖客栈");
    await userEvent.type(screen.getByTestId("admin-display-name"), "王经理");
    await userEvent.type(screen.getByTestId("admin-password"), "short");
    await userEvent.type(screen.getByTestId("admin-password-confirm"), "short");
    await userEvent.click(screen.getByTestId("admin-submit"));
    expect(await screen.findByText("密码至少需要 10 个字符。")).toBeInTheDocument();
    expect(calls.mock.calls.map(([cmd]) => cmd)).not.toContain("create_administrator");
  });

  it("explains a damaged settings file and moves it aside on request", async () => {
    const { calls } = await renderWithIpc({
      app_status: () => status({ stage: "config_damaged", error: apiError("errors.setup.config_damaged", { path: "/etc/innkeep/config.toml" }) }),
      reset_configuration: () => status({ stage: "needs_connection" }),
    });
    expect(await screen.findByText("/etc/innkeep/config.toml")).toBeInTheDocument();
    await userEvent.click(screen.getByTestId("config-reset"));
    expect(await screen.findByTestId("wizard-embedded")).toBeInTheDocument();
    expect(calls).toHaveBeenCalledWith("reset_configuration", {});
  });

  it("offers Retry and Change connection when the database is unreachable", async () => {
    const { calls } = await renderWithIpc({
      app_status: () => status({ stage: "connection_failed", backend: "postgres", error: apiError("errors.db.unreachable", { host: "10.0.0.5", port: "5432" }) }),
      retry_connection: () => status({ stage: "connection_failed", backend: "postgres", error: apiError("errors.db.unreachable", { host: "10.0.0.5", port: "5432" }) }),
    });
    expect(await screen.findByTestId("connection-error")).toHaveTextContent("10.0.0.5:5432");
    await userEvent.click(screen.getByTestId("connection-retry"));
    expect(calls).toHaveBeenCalledWith("retry_connection", {});
    await userEvent.click(screen.getByTestId("connection-change"));
    expect(await screen.findByTestId("pg-host")).toHaveValue("10.0.0.5");
  });
});
