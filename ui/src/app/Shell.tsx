// The logged-in window: header, permitted navigation, the current area, idle lock, palette and dialogs.
import { Button, Group, Kbd, Menu, NavLink, Text } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { spotlight } from "@mantine/spotlight";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ChangePasswordDialog } from "../features/auth/ChangePasswordDialog";
import { LockOverlay } from "../features/auth/LockOverlay";
import { requestBackup } from "../features/backups/backup-request";
import { CashierArea } from "../features/cashier/CashierArea";
import { Dashboard } from "../features/dashboard/Dashboard";
import { ReservationsArea } from "../features/reservations/ReservationsArea";
import { SettingsArea } from "../features/settings/SettingsArea";
import { TapeChartArea } from "../features/tape-chart/TapeChartArea";
import { HousekeepingArea } from "../features/housekeeping/HousekeepingArea";
import { FrontDeskArea } from "../features/front-desk/FrontDeskArea";
import { NightAuditArea } from "../features/night-audit";
import { ReportsArea } from "../features/reports";
import { applyLanguage } from "../i18n";
import { call, commands } from "../ipc/client";
import { EmptyState } from "../shared/components/EmptyState";
import { formatDate } from "../shared/dates";
import { useAppState, useSession } from "./app-state";
import { ComingLater } from "./ComingLater";
import { useIdleLock } from "./idle-lock";
import { LanguageSwitch } from "./LanguageSwitch";
import { shortcutLabel, useRoute, visibleAreas, type AreaId } from "./navigation";
import { Palette, PALETTE_SHORTCUT, type PaletteAction } from "./Palette";
import classes from "./shell.module.css";
import { roleLabel } from "../shared/roles";

const LOCK_SHORTCUT = "mod+shift+L";

export function Shell() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const { setSession, setStatus, markLocked, can } = useAppState();
  const [route, navigate] = useRoute();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const areas = visibleAreas(session.permissions);
  const locked = session.locked;

  const lock = () => {
    markLocked();
    call(commands.lockSession()).catch(() => undefined);
  };
  const logout = async () => {
    try {
      await call(commands.logout());
    } finally {
      setSession(null);
    }
  };
  const switchLanguage = async () => {
    const next = i18n.language === "zh-CN" ? "en-US" : "zh-CN";
    await applyLanguage(next);
    call(commands.setLanguage(next)).then(setStatus, () => undefined);
  };

  useIdleLock({
    minutes: session.idleLockMinutes,
    active: !locked,
    onIdle: lock,
    onTouch: () => void call(commands.touchSession()).catch(() => undefined),
  });

  useHotkeys(
    locked
      ? []
      : [
          ...areas.map((area) => [area.shortcut, () => navigate(area.id)] as [string, () => void]),
          [LOCK_SHORTCUT, lock],
        ],
    [],
  );

  const actions: PaletteAction[] = [
    { id: "lock", label: t("menu.lock"), shortcut: LOCK_SHORTCUT, run: lock },
    { id: "logout", label: t("menu.logout"), run: () => void logout() },
    { id: "change-password", label: t("menu.changePassword"), run: () => setPasswordOpen(true) },
    { id: "language", label: t("palette.switchLanguage"), run: () => void switchLanguage() },
  ];
  if (can("backups.manage")) {
    actions.push({
      id: "backup-now",
      label: t("backups.now"),
      run: () => {
        requestBackup();
        navigate("settings", "backups");
      },
    });
  }

  const current = areas.find((a) => a.id === route.area) ?? areas[0];
  const content = (area: AreaId | undefined) => {
    if (!area) return <EmptyState title={t("shell.noAreas")} hint={t("shell.noAreasHint")} />;
    if (area === "dashboard") return <Dashboard />;
    if (area === "tape-chart") return <TapeChartArea />;
    if (area === "reservations") return <ReservationsArea />;
    if (area === "settings") return <SettingsArea tab={route.tab} />;
    if (area === "housekeeping") return <HousekeepingArea />;
    if (area === "cashier") return <CashierArea />;
    if (area === "front-desk") return <FrontDeskArea />;
    if (area === "night-audit") return <NightAuditArea />;
    if (area === "reports") return <ReportsArea />;
    return <ComingLater area={area} />;
  };

  return (
    <>
      <div className={locked ? `${classes.shell} ${classes.locked}` : classes.shell} data-testid="app-shell" inert={locked}>
        <header className={classes.header}>
          <Group gap="md" wrap="nowrap">
            <Text fw={700} c="teal.8">
              Innkeep
            </Text>
            <Text fw={600} truncate data-testid="header-property">
              {session.property.name}
            </Text>
            <Text size="sm" c="dimmed" data-testid="header-business-date">
              {t("shell.businessDate", { date: formatDate(session.property.businessDate, i18n.language) })}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Button variant="default" size="xs" onClick={() => spotlight.open()} rightSection={<Kbd size="xs">{shortcutLabel(PALETTE_SHORTCUT)}</Kbd>}>
              {t("palette.open")}
            </Button>
            <LanguageSwitch />
            <Menu position="bottom-end" width={220} withinPortal>
              <Menu.Target>
                <Button variant="subtle" size="xs" data-testid="user-menu">
                  {session.user.displayName || session.user.username}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  {session.user.username} · {roleLabel(t, session.user.roleCode, session.user.roleName)}
                </Menu.Label>
                <Menu.Item onClick={() => setPasswordOpen(true)} data-testid="menu-change-password">
                  {t("menu.changePassword")}
                </Menu.Item>
                <Menu.Item onClick={lock} rightSection={<Kbd size="xs">{shortcutLabel(LOCK_SHORTCUT)}</Kbd>} data-testid="menu-lock">
                  {t("menu.lock")}
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item color="red" onClick={() => void logout()} data-testid="menu-logout">
                  {t("menu.logout")}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </header>
        <nav className={classes.nav} aria-label={t("shell.navigation")}>
          {areas.map((area) => (
            <NavLink
              key={area.id}
              href={`#/${area.id}`}
              label={t(`nav.${area.id}`)}
              rightSection={<span className={classes.shortcut}>{shortcutLabel(area.shortcut)}</span>}
              active={current?.id === area.id}
              aria-current={current?.id === area.id ? "page" : undefined}
              data-testid={`nav-${area.id}`}
            />
          ))}
        </nav>
        <main className={classes.main}>{content(current?.id)}</main>
      </div>
      {locked && <LockOverlay />}
      <Palette areas={areas} navigate={(area) => navigate(area)} actions={actions} disabled={locked} />
      <ChangePasswordDialog opened={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </>
  );
}
