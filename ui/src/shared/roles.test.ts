import { describe, expect, it } from "vitest";
import i18n from "../i18n";
import { roleLabel } from "./roles";

describe("role labels", () => {
  it("shows built-in roles in the desk's language", async () => {
    await i18n.changeLanguage("zh-CN");
    expect(roleLabel(i18n.t, "front_desk", "Front desk")).toBe("前台");
    await i18n.changeLanguage("en-US");
    expect(roleLabel(i18n.t, "finance", "Finance / cashier")).toBe("Finance / cashier");
  });

  it("shows a hotel's own role by the name it was given", async () => {
    await i18n.changeLanguage("zh-CN");
    expect(roleLabel(i18n.t, "custom_1764000000000", "夜审员")).toBe("夜审员");
  });
});
