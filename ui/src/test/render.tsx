// Renders the real app (or one screen) with providers over a mocked Tauri IPC.
import { render } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import type { ReactElement } from "react";
import { vi } from "vitest";
import { App } from "../app/App";
import { createQueryClient, Providers } from "../app/Providers";
import { applyLanguage } from "../i18n";

/** Command name (snake_case, as Rust registers it) → handler; throw an ApiError object to fail. */
export type Handlers = Record<string, (args: Record<string, unknown>) => unknown>;

export function mockCommands(handlers: Handlers) {
  const calls = vi.fn<(cmd: string, args: Record<string, unknown>) => void>();
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls(cmd, args);
    const handler = handlers[cmd];
    if (!handler) throw { code: "internal", key: "errors.internal", params: {} };
    return handler(args);
  });
  return calls;
}

export async function renderWithIpc(handlers: Handlers, ui: ReactElement = <App />, language = "zh-CN") {
  await applyLanguage(language);
  const calls = mockCommands(handlers);
  const result = render(<Providers queryClient={createQueryClient()}>{ui}</Providers>);
  return { ...result, calls };
}
