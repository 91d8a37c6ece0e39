// Every permission the Rust side knows, grouped for the role editor's checkboxes.
import type { Permission } from "../../ipc/client";

export const PERMISSION_GROUPS: { id: string; permissions: Permission[] }[] = [
  { id: "dashboard", permissions: ["dashboard.view"] },
  { id: "reservations", permissions: ["reservations.manage", "overbook"] },
  { id: "frontdesk", permissions: ["frontdesk.operate"] },
  { id: "cashier", permissions: ["folios.post", "folios.void", "invoices.issue"] },
  { id: "guests", permissions: ["guests.manage", "guests.view_documents"] },
  { id: "housekeeping", permissions: ["housekeeping.update"] },
  { id: "inventory", permissions: ["rooms.manage", "rates.manage"] },
  { id: "reports", permissions: ["reports.view", "night_audit.run"] },
  { id: "administration", permissions: ["users.view", "users.manage", "roles.manage", "audit.view", "settings.manage", "backups.manage", "connection.manage"] },
];

export const ALL_PERMISSIONS: Permission[] = PERMISSION_GROUPS.flatMap((g) => g.permissions);

/** i18n key of a permission's label ("folios.post" → "permissions.folios_post"). */
export function permissionKey(permission: Permission): string {
  return `permissions.${permission.replace(".", "_")}`;
}
