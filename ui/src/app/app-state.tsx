// The app-wide state that decides which screen shows: appStatus() (setup stage) and the Rust-held session.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from "react";
import { applyLanguage } from "../i18n";
import type { AppStatus, Permission, SessionView } from "../ipc/client";
import { call, commands, onSessionFailure } from "../ipc/client";

export const STATUS_KEY = ["appStatus"] as const;
export const SESSION_KEY = ["session"] as const;

interface AppState {
  status: AppStatus | undefined;
  statusError: unknown;
  session: SessionView | null | undefined;
  setStatus: (status: AppStatus) => void;
  /** Stores a fresh session (login, unlock) or null (logged out); clears cached data on logout. */
  setSession: (session: SessionView | null) => void;
  /** Shows the lock overlay (Rust already locked, or we just called lockSession). */
  markLocked: () => void;
  can: (permission: Permission) => boolean;
}

const Context = createContext<AppState | null>(null);

export function AppStateProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const statusQuery = useQuery({ queryKey: STATUS_KEY, queryFn: () => call(commands.appStatus()), staleTime: Infinity });
  const status = statusQuery.data;
  const sessionQuery = useQuery({
    queryKey: SESSION_KEY,
    queryFn: () => call(commands.currentSession()),
    enabled: status?.stage === "ready",
    staleTime: Infinity,
  });

  useEffect(() => {
    if (status) void applyLanguage(status.language);
  }, [status]);

  const setStatus = useCallback(
    (next: AppStatus) => queryClient.setQueryData(STATUS_KEY, next),
    [queryClient],
  );
  const setSession = useCallback(
    (next: SessionView | null) => {
      if (next === null) {
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== STATUS_KEY[0] && q.queryKey[0] !== SESSION_KEY[0] });
      }
      queryClient.setQueryData(SESSION_KEY, next);
    },
    [queryClient],
  );
  const markLocked = useCallback(() => {
    queryClient.setQueryData<SessionView | null>(SESSION_KEY, (s) => (s ? { ...s, locked: true } : s));
  }, [queryClient]);

  useEffect(
    () =>
      onSessionFailure((failure) => {
        if (failure === "session_locked") markLocked();
        else setSession(null);
      }),
    [markLocked, setSession],
  );

  const session = status?.stage === "ready" ? sessionQuery.data : null;
  const value = useMemo<AppState>(
    () => ({
      status,
      statusError: statusQuery.error,
      session,
      setStatus,
      setSession,
      markLocked,
      can: (permission) => session?.permissions.includes(permission) ?? false,
    }),
    [status, statusQuery.error, session, setStatus, setSession, markLocked],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useAppState(): AppState {
  const state = useContext(Context);
  if (!state) throw new Error("useAppState outside AppStateProvider");
  return state;
}

/** The logged-in session; only for components rendered inside the shell. */
export function useSession(): SessionView {
  const { session } = useAppState();
  if (!session) throw new Error("useSession without a session");
  return session;
}
