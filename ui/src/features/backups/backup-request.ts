// "Back up now" asked for from outside the Backups tab (the command palette): a one-shot request the tab
// picks up when it is mounted, or at once if it already is.

let pending = false;
const listeners = new Set<() => void>();

export function requestBackup(): void {
  pending = true;
  for (const l of listeners) l();
}

/** Returns true once per request and clears it. */
export function takeBackupRequest(): boolean {
  const was = pending;
  pending = false;
  return was;
}

/** Calls `listener` for every request (and soon after subscribing, for one made before); returns unsubscribe. */
export function onBackupRequest(listener: () => void): () => void {
  listeners.add(listener);
  const early = window.setTimeout(() => pending && listener(), 0);
  return () => {
    window.clearTimeout(early);
    listeners.delete(listener);
  };
}
