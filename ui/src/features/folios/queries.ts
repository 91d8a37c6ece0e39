// Folios as the desk reads them, and the checks the dialogs repeat from Rust (core `folios`) so most
// mistakes show before a round trip: amounts as exact decimal strings, no full card numbers anywhere.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { ApiError, FolioView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { clientError } from "../../shared/errors";
import { addMoney } from "../../shared/money";

export const FOLIOS_KEY = ["folios"] as const;
export const CHARGE_CODES_KEY = ["chargeCodes"] as const;

/** Payment methods (core `folios::METHODS`). */
export const METHODS = ["cash", "bank_card", "wechat_pay", "alipay", "bank_transfer", "company_account", "voucher"] as const;
export type Method = (typeof METHODS)[number];

/** Departments of a charge code (core `folios::DEPARTMENTS`). */
export const DEPARTMENTS = ["rooms", "food_beverage", "events", "other"] as const;

export function useReservationFolios(reservationId: number) {
  return useQuery({
    queryKey: [...FOLIOS_KEY, "reservation", reservationId],
    queryFn: () => call(commands.reservationFolios(reservationId)),
  });
}

export function useFolio(folioId: number | null) {
  return useQuery({
    queryKey: [...FOLIOS_KEY, "folio", folioId],
    queryFn: () => call(commands.getFolio(folioId ?? 0)),
    enabled: folioId !== null,
  });
}

export function useChargeCodes(all = false) {
  return useQuery({ queryKey: [...CHARGE_CODES_KEY, all], queryFn: () => call(commands.listChargeCodes(all)) });
}

/** Stores a folio a write answered with and refreshes every list that shows totals. */
export function useFolioAnswer() {
  const queryClient = useQueryClient();
  return useCallback(
    async (view: FolioView) => {
      queryClient.setQueryData([...FOLIOS_KEY, "folio", view.folio.id], view);
      await queryClient.invalidateQueries({ queryKey: FOLIOS_KEY });
    },
    [queryClient],
  );
}

const PLAIN_DECIMAL = /^(-?)(\d*)(?:\.(\d*))?$/;

/**
 * An amount typed at the desk: a plain decimal with at most `digits` decimals; above zero unless `signed`
 * (adjustments), and then not zero. Checked on the digits, never through a float.
 */
export function checkAmount(field: string, value: string, digits: number, signed = false): ApiError | null {
  const v = value.trim();
  if (v === "") return clientError("errors.validation.required", { field });
  const m = PLAIN_DECIMAL.exec(v);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return clientError("errors.validation.invalid", { field });
  if ((m[3] ?? "").replace(/0+$/, "").length > digits) return clientError("folios.errors.digits", { field, digits: String(digits) });
  const nonZero = /[1-9]/.test(m[2] + (m[3] ?? ""));
  if (!nonZero || (m[1] === "-" && !signed)) return clientError(signed ? "folios.errors.nonZero" : "folios.errors.positive", { field });
  return null;
}

/** The Luhn check every payment card number passes. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Refuses text holding a Luhn-valid run of 13–19 digits (spaces or dashes between groups allowed), as Rust does. */
export function checkNoCardNumber(field: string, value: string): ApiError | null {
  for (const run of value.match(/\d(?:[ -]?\d)*/g) ?? []) {
    const digits = run.replace(/[ -]/g, "");
    if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) return clientError("errors.folio.card_number", { field });
  }
  return null;
}

/** Whether a posting kind lowers the balance when positive in the desk's eyes (shown as a credit). */
export function isCredit(kind: string): boolean {
  return kind === "payment" || kind === "deposit_apply";
}

/** a − b, exactly. */
export function subtractMoney(a: string, b: string): string {
  return addMoney(a, b.startsWith("-") ? b.slice(1) : `-${b}`);
}

/** Whether a decimal string is above zero. */
export function isPositive(amount: string): boolean {
  return !amount.trim().startsWith("-") && /[1-9]/.test(amount);
}
