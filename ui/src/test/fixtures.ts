// Sample IPC values for component tests.
import type { AppStatus, Permission, SessionView } from "../ipc/client";
import { ALL_PERMISSIONS } from "../features/roles/permissions";

export function status(overrides: Partial<AppStatus> = {}): AppStatus {
  return {
    stage: "ready",
    backend: "embedded",
    error: null,
    language: "zh-CN",
    demo: false,
    demoAccounts: [],
    propertyName: "西湖客栈",
    dataDir: "/home/desk/.local/share/innkeep",
    logDir: "/home/desk/.local/share/innkeep/logs",
    ...overrides,
  };
}

export function session(permissions: Permission[] = ALL_PERMISSIONS, overrides: Partial<SessionView> = {}): SessionView {
  return {
    user: {
      id: 1,
      username: "admin",
      displayName: "王经理",
      roleId: 1,
      roleCode: "administrator",
      roleName: "Administrator",
      active: true,
      lockedUntil: null,
      lastLoginAt: null,
      language: "zh-CN",
    },
    permissions,
    idleLockMinutes: 5,
    property: {
      id: 1,
      name: "西湖客栈",
      address: "",
      phone: "",
      email: "",
      taxpayerId: "",
      currency: "CNY",
      currencyDigits: 2,
      timeZone: "Asia/Shanghai",
      checkInTime: "14:00",
      checkOutTime: "12:00",
      businessDate: "2026-11-23",
      folioCreditLimit: "5000.00",
    },
    locked: false,
    ...overrides,
  };
}

export function apiError(key: string, params: Record<string, string> = {}) {
  return { code: key.slice(key.lastIndexOf(".") + 1), key, params };
}
