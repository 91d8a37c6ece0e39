// The one way features talk to Rust: `call()` unwraps a command's Result or throws an ApiFailure.
import type { ApiError } from "./bindings";

export { commands } from "./bindings";
export type * from "./bindings";

/** What every generated command resolves to (tauri-specta's ErrorHandlingMode::Result). */
export type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };

/** A command answered with an ApiError; `error.key` is the i18n key to show, with `error.params`. */
export class ApiFailure extends Error {
  readonly error: ApiError;

  constructor(error: ApiError) {
    super(error.code);
    this.name = "ApiFailure";
    this.error = error;
  }

  get code(): string {
    return this.error.code;
  }
}

/** Codes that change what the whole app shows (lock overlay, back to login), whatever command hit them. */
export type SessionFailure = "session_locked" | "not_logged_in";
type SessionListener = (failure: SessionFailure) => void;
const sessionListeners = new Set<SessionListener>();

/** Subscribes to session-wide failures; returns the unsubscribe function. */
export function onSessionFailure(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => {
    sessionListeners.delete(listener);
  };
}

/** Turns anything thrown into an ApiError (a rejected invoke without a Result is an internal error). */
export function toApiError(thrown: unknown): ApiError {
  if (thrown instanceof ApiFailure) return thrown.error;
  return { code: "internal", key: "errors.internal", params: {} };
}

/**
 * Awaits a generated command and returns its data; on `{status: "error"}` throws an ApiFailure.
 * `session_locked` and `not_logged_in` are also reported to the session listeners.
 */
export async function call<T>(pending: Promise<Result<T, ApiError>>): Promise<T> {
  let result: Result<T, ApiError>;
  try {
    result = await pending;
  } catch (thrown) {
    console.error("IPC call failed", thrown);
    throw new ApiFailure(toApiError(thrown));
  }
  if (result.status === "ok") return result.data;
  const { code } = result.error;
  if (code === "session_locked" || code === "not_logged_in") {
    for (const listener of sessionListeners) listener(code);
  }
  throw new ApiFailure(result.error);
}
