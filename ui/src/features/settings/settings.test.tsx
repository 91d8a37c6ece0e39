import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { apiError, session, status } from "../../test/fixtures";
import { renderWithIpc } from "../../test/render";

afterEach(() => {
  window.location.hash = "";
});

describe("property settings", () => {
  it("checks the credit limit as an exact amount and shows the problem beside the field", async () => {
    window.location.hash = "#/settings/property";
    const { calls } = await renderWithIpc({ app_status: () => status(), current_session: () => session(), get_property: () => session().property });
    expect(await screen.findByText("¥5,000.00")).toBeInTheDocument();
    const limit = screen.getByLabelText("账单信用额度");
    await userEvent.clear(limit);
    await userEvent.type(limit, "5,000");
    await userEvent.click(screen.getByTestId("property-save"));
    expect(await screen.findByText("账单信用额度格式不正确。")).toBeInTheDocument();
    expect(calls.mock.calls.map(([cmd]) => cmd)).not.toContain("update_property");
  });

  it("shows a duplicate-name error from Rust beside the role name", async () => {
    window.location.hash = "#/settings/roles";
    await renderWithIpc({
      app_status: () => status(),
      current_session: () => session(),
      list_roles: () => [],
      save_role: () => {
        throw apiError("errors.validation.duplicate", { field: "name", value: "前台" });
      },
    });
    expect(await screen.findByText("还没有角色")).toBeInTheDocument();
    await userEvent.click(screen.getByTestId("role-new"));
    await userEvent.type(await screen.findByTestId("role-name"), "前台");
    await userEvent.click(screen.getByTestId("role-save"));
    expect(await screen.findByText("名称“前台”已存在。")).toBeInTheDocument();
  });
});
