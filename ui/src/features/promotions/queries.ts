// Promotions as the set-up screen reads them, their status on a business date, and the checks the editor
// repeats from Rust (core `promotions`) so most mistakes show before a round trip.
import { useQuery } from "@tanstack/react-query";
import type { ApiError, PromotionInput } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { clientError } from "../../shared/errors";

export const PROMOTIONS_KEY = ["promotions"] as const;

/** How a promotion reduces the price (core `promotions::KINDS`). */
export const PROMOTION_KINDS = ["percent", "amount"] as const;
export type PromotionKind = (typeof PROMOTION_KINDS)[number];

export const CODE_MIN = 2;
export const CODE_MAX = 24;
/** Most uses a limit may allow (Rust refuses more). */
export const USAGE_LIMIT_MAX = 1_000_000;

export function usePromotions() {
  return useQuery({ queryKey: PROMOTIONS_KEY, queryFn: () => call(commands.listPromotions()) });
}

/** Where a promotion stands on a business date, in the order the checks apply. */
export type PromotionStatus = "expired" | "usedUp" | "upcoming" | "active";

/**
 * A promotion's status on `businessDate` ("YYYY-MM-DD"): past its last date it has expired; with every use
 * taken it is used up; before its first date it is upcoming; otherwise a booking made today may use it.
 */
export function promotionStatus(p: Pick<PromotionInput, "validFrom" | "validTo" | "usageLimit" | "usedCount">, businessDate: string): PromotionStatus {
  if (businessDate > p.validTo) return "expired";
  if (p.usageLimit !== null && p.usedCount >= p.usageLimit) return "usedUp";
  if (businessDate < p.validFrom) return "upcoming";
  return "active";
}

/** A code as Rust stores it: trimmed and upper-cased. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

/** 2–24 characters of A–Z, 0–9, "-" and "_" (after upper-casing). */
export function checkCode(code: string): ApiError | null {
  const c = normalizeCode(code);
  if (c === "") return clientError("errors.validation.required", { field: "code" });
  if ([...c].length > CODE_MAX) return clientError("errors.validation.too_long", { field: "code", max: String(CODE_MAX) });
  if ([...c].length < CODE_MIN) return clientError("errors.validation.too_short", { field: "code", min: String(CODE_MIN) });
  if (!/^[A-Z0-9_-]+$/.test(c)) return clientError("promotions.errors.code");
  return null;
}

const PLAIN_DECIMAL = /^(\d*)(?:\.(\d*))?$/;

/**
 * The discount: a percentage above 0, at most 100, with at most two decimals; or an amount above 0 with no
 * more decimals than the currency has. Checked on the digits, never through a float.
 */
export function checkValue(kind: string, value: string, currencyDigits: number): ApiError | null {
  const v = value.trim();
  if (v === "") return clientError("errors.validation.required", { field: "value" });
  const refused =
    kind === "percent" ? clientError("promotions.errors.percent") : clientError("promotions.errors.amount", { digits: String(currencyDigits) });
  const m = PLAIN_DECIMAL.exec(v);
  if (!m || (m[1] === "" && (m[2] ?? "") === "")) return refused;
  const whole = m[1].replace(/^0+/, "");
  const fraction = (m[2] ?? "").replace(/0+$/, "");
  const positive = /[1-9]/.test(whole + fraction);
  const fits = kind === "percent" ? (whole.length < 3 || (whole === "100" && fraction === "")) && fraction.length <= 2 : fraction.length <= currencyDigits;
  return positive && fits ? null : refused;
}
