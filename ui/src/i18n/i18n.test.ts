import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import enUS from "./en-US.json";
import zhCN from "./zh-CN.json";

function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function lookup(tree: object, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

// Every error key of the IPC contract (notes/contract.md): Rust sends these, the UI must translate them.
const CONTRACT_ERRORS = [
  "errors.auth.invalid_credentials", "errors.auth.account_locked", "errors.auth.not_logged_in",
  "errors.auth.session_locked", "errors.auth.forbidden", "errors.auth.wrong_current_password",
  "errors.auth.account_inactive", "errors.validation.required", "errors.validation.too_long",
  "errors.validation.too_short", "errors.validation.invalid", "errors.validation.password_weak",
  "errors.validation.port", "errors.validation.duplicate", "errors.setup.already_done",
  "errors.setup.config_damaged", "errors.db.unreachable", "errors.db.auth_failed",
  "errors.db.database_missing", "errors.db.not_configured", "errors.db.failed", "errors.keyring.unavailable",
  "errors.keyring.failed", "errors.backup.verify_failed", "errors.backup.not_embedded", "errors.backup.folder",
  "errors.backup.not_found", "errors.role.in_use", "errors.role.builtin", "errors.user.last_admin",
  "errors.internal",
  // Also sent by the Rust core beyond the written contract:
  "errors.common.internal", "errors.common.not_found", "errors.keyring.missing", "errors.validation.range",
  "errors.mail.not_configured", "errors.mail.password_missing", "errors.mail.unreachable", "errors.mail.login_refused",
  "errors.mail.tls", "errors.mail.rejected", "errors.mail.try_later", "errors.mail.malformed", "errors.mail.wrong_status",
  "errors.mail.too_large",
  "errors.invoice.not_settled", "errors.invoice.deposit_held", "errors.invoice.nothing_to_invoice", "errors.invoice.already_invoiced",
  "errors.invoice.already_credited", "errors.invoice.not_an_invoice",
  "errors.db.disk_full", "errors.db.busy",
];

describe("translations", () => {
  it("zh-CN and en-US have exactly the same keys", () => {
    expect(keys(zhCN).sort()).toEqual(keys(enUS).sort());
  });

  it("translate every error the Rust side can send", () => {
    for (const key of CONTRACT_ERRORS) {
      expect(typeof lookup(zhCN, key), `zh-CN ${key}`).toBe("string");
      expect(typeof lookup(enUS, key), `en-US ${key}`).toBe("string");
    }
  });

  it("contain every key the code asks for by name", () => {
    const used = new Set<string>();
    for (const file of sources(resolve(process.cwd(), "src"))) {
      for (const m of readFileSync(file, "utf8").matchAll(/\bt\(\s*"([a-zA-Z0-9_.-]+)"/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((key) => typeof lookup(zhCN, key) !== "string");
    expect(missing).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of keys(zhCN)) {
      expect(placeholders(lookup(enUS, key) as string), key).toEqual(placeholders(lookup(zhCN, key) as string));
    }
  });
});
