// The areas of the app, who may see them, and the hash routes that select them (#/settings/users).
import { useCallback, useSyncExternalStore } from "react";
import type { Permission } from "../ipc/client";

export type AreaId =
  | "dashboard"
  | "tape-chart"
  | "reservations"
  | "front-desk"
  | "housekeeping"
  | "guests"
  | "cashier"
  | "reports"
  | "settings"
  | "night-audit";

export interface Area {
  id: AreaId;
  /** Any one of these permissions shows the area. */
  anyOf: Permission[];
  /** Alt+digit moves here. */
  shortcut: string;
  built: boolean;
}

export const SETTINGS_PERMISSIONS: Permission[] = [
  "settings.manage",
  "users.view",
  "users.manage",
  "roles.manage",
  "audit.view",
  "backups.manage",
  "connection.manage",
  "rooms.manage",
  "rates.manage",
  // The front desk opens Settings for the e-mail out-box.
  "reservations.manage",
];

export const AREAS: Area[] = [
  { id: "dashboard", anyOf: ["dashboard.view"], shortcut: "alt+1", built: true },
  { id: "tape-chart", anyOf: ["reservations.manage", "frontdesk.operate"], shortcut: "alt+2", built: false },
  { id: "reservations", anyOf: ["reservations.manage"], shortcut: "alt+3", built: true },
  { id: "front-desk", anyOf: ["frontdesk.operate"], shortcut: "alt+4", built: true },
  { id: "housekeeping", anyOf: ["housekeeping.update"], shortcut: "alt+5", built: true },
  { id: "guests", anyOf: ["guests.manage", "guests.view_documents"], shortcut: "alt+6", built: false },
  { id: "cashier", anyOf: ["folios.post", "folios.void", "invoices.issue"], shortcut: "alt+7", built: true },
  { id: "reports", anyOf: ["reports.view", "night_audit.run"], shortcut: "alt+8", built: true },
  { id: "settings", anyOf: SETTINGS_PERMISSIONS, shortcut: "alt+9", built: true },
  { id: "night-audit", anyOf: ["night_audit.run"], shortcut: "alt+0", built: true },
];

/** The areas a session with these permissions may open, in navigation order. */
export function visibleAreas(permissions: readonly Permission[]): Area[] {
  return AREAS.filter((area) => area.anyOf.some((p) => permissions.includes(p)));
}

export interface Route {
  area: AreaId;
  tab: string | null;
}

function parseHash(hash: string): Route {
  const [area, tab] = hash.replace(/^#\/?/, "").split("/");
  const known = AREAS.find((a) => a.id === area);
  return { area: known ? known.id : "dashboard", tab: tab || null };
}

function subscribe(onChange: () => void) {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/** The current route from location.hash, and a navigate function. */
export function useRoute(): [Route, (area: AreaId, tab?: string) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const navigate = useCallback((area: AreaId, tab?: string) => {
    window.location.hash = tab ? `#/${area}/${tab}` : `#/${area}`;
  }, []);
  return [parseHash(hash), navigate];
}

/** Shortcut text as shown to users ("alt+1" → "Alt+1", "mod+K" → "Ctrl+K"). */
export function shortcutLabel(shortcut: string): string {
  return shortcut
    .split("+")
    .map((k) => (k === "mod" ? "Ctrl" : k.length === 1 ? k.toUpperCase() : k[0].toUpperCase() + k.slice(1)))
    .join("+");
}
