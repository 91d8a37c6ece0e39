// Showing ApiErrors (from Rust or from client-side checks) as translated text.
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../ipc/client";
import { ApiFailure, toApiError } from "../ipc/client";

/** Builds an ApiError for a check done in the browser, with the same keys Rust uses. */
export function clientError(key: string, params: Record<string, string> = {}): ApiError {
  return { code: key.slice(key.lastIndexOf(".") + 1), key, params };
}

/** The ApiError inside anything a command threw. */
export function errorOf(thrown: unknown): ApiError {
  return thrown instanceof ApiFailure ? thrown.error : toApiError(thrown);
}

/** Returns a function that renders an ApiError in the current language; `field` params become field labels. */
export function useErrorText(): (error: ApiError | unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (raw: ApiError | unknown) => {
      const error = isApiError(raw) ? raw : errorOf(raw);
      const params: Record<string, string> = {};
      for (const [name, value] of Object.entries(error.params ?? {})) {
        if (value !== undefined) params[name] = value;
      }
      if (params.field && i18n.exists(`fields.${params.field}`)) params.field = t(`fields.${params.field}`);
      const key = i18n.exists(error.key) ? error.key : "errors.internal";
      return t(key, params);
    },
    [t, i18n],
  );
}

function isApiError(value: unknown): value is ApiError {
  return typeof value === "object" && value !== null && "key" in value && "code" in value && !(value instanceof Error);
}

/** The field an error is about (params.field), if any. */
export function errorField(error: ApiError): string | undefined {
  return error.params?.field ?? undefined;
}
