// The buyer's taxpayer ID checked as Rust checks it: an 18-character unified social credit code
// (GB 32100-2015) with its check character, or an older 15- or 20-character number; empty for a
// personal invoice.
import type { ApiError } from "../../ipc/client";
import { clientError } from "../../shared/errors";

const CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The ID as it is stored: spaces removed, upper case. */
export function normaliseTaxpayerId(text: string): string {
  return text.replace(/\s+/g, "").toUpperCase();
}

export function checkTaxpayerId(text: string): ApiError | null {
  const id = normaliseTaxpayerId(text);
  if (id === "") return null;
  const invalid = clientError("errors.validation.invalid", { field: "taxpayerId" });
  if (id.length === 18) {
    const values = [...id].map((c) => CODE_CHARS.indexOf(c));
    if (values.some((v) => v < 0)) return invalid;
    const sum = WEIGHTS.reduce((acc, w, i) => acc + w * values[i], 0);
    return values[17] === (31 - (sum % 31)) % 31 ? null : invalid;
  }
  if ((id.length === 15 || id.length === 20) && /^[0-9A-Z]+$/.test(id)) return null;
  return invalid;
}
