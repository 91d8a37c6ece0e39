// Client-side field checks that mirror the Rust validation, producing the same error keys.
import type { ApiError } from "../ipc/client";
import { clientError } from "./errors";

export const PASSWORD_MIN = 10;

/** Required text with a maximum length (counted in characters, as Rust counts chars). */
export function checkText(field: string, value: string, max = 200): ApiError | null {
  if (value.trim() === "") return clientError("errors.validation.required", { field });
  if ([...value].length > max) return clientError("errors.validation.too_long", { field, max: String(max) });
  return null;
}

/** A TCP port 1–65535 typed as text. */
export function checkPort(field: string, value: string): ApiError | null {
  if (value.trim() === "") return clientError("errors.validation.required", { field });
  if (!/^\d{1,5}$/.test(value.trim())) return clientError("errors.validation.port", { field });
  const port = Number(value.trim());
  return port >= 1 && port <= 65535 ? null : clientError("errors.validation.port", { field });
}

/** A new password: long enough, and typed the same twice. */
export function checkNewPassword(password: string, confirm: string): Record<string, ApiError> {
  const errors: Record<string, ApiError> = {};
  if ([...password].length < PASSWORD_MIN) {
    errors.password = clientError("errors.validation.password_weak", { min: String(PASSWORD_MIN) });
  }
  if (confirm !== password) errors.passwordConfirm = clientError("errors.validation.mismatch", { field: "passwordConfirm" });
  return errors;
}

/** Collects the non-null errors of a form by field name. */
export function collect(checks: Record<string, ApiError | null>): Record<string, ApiError> {
  const out: Record<string, ApiError> = {};
  for (const [field, error] of Object.entries(checks)) if (error) out[field] = error;
  return out;
}
