// Staff accounts: list, create, edit role/active, reset password, unlock after failed logins.
import { Alert, Badge, Button, Group, Table } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppState } from "../../app/app-state";
import type { UserView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { EmptyState } from "../../shared/components/EmptyState";
import { formatTimestamp } from "../../shared/dates";
import { useErrorText } from "../../shared/errors";
import { ResetPasswordDialog, UserDialog } from "./UserDialogs";
import { roleLabel } from "../../shared/roles";

export const USERS_KEY = ["users"] as const;

export function UsersTab() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { can, session } = useAppState();
  const queryClient = useQueryClient();
  const manage = can("users.manage");
  const users = useQuery({ queryKey: USERS_KEY, queryFn: () => call(commands.listUsers()) });
  const roles = useQuery({ queryKey: ["roles"], queryFn: () => call(commands.listRoles()) });
  const [editing, setEditing] = useState<UserView | "new" | null>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const timeZone = session?.property.timeZone;

  async function unlock(user: UserView) {
    try {
      await call(commands.unlockUser(user.id));
      await queryClient.invalidateQueries({ queryKey: USERS_KEY });
      notifications.show({ color: "teal", message: t("users.unlocked", { username: user.username }) });
    } catch (thrown) {
      notifications.show({ color: "red", message: errorText(thrown) });
    }
  }

  if (users.error) return <Alert color="red" variant="light">{errorText(users.error)}</Alert>;
  const list = users.data ?? [];
  const now = users.dataUpdatedAt;

  return (
    <div>
      {manage && (
        <Group justify="flex-end" mb="sm">
          <Button onClick={() => setEditing("new")} data-testid="user-new">
            {t("users.new")}
          </Button>
        </Group>
      )}
      <Table data-testid="users-table" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("fields.username")}</Table.Th>
            <Table.Th>{t("fields.displayName")}</Table.Th>
            <Table.Th>{t("fields.role")}</Table.Th>
            <Table.Th>{t("users.state")}</Table.Th>
            <Table.Th>{t("users.lastLogin")}</Table.Th>
            {manage && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((user) => {
            const locked = user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > now;
            return (
              <Table.Tr key={user.id}>
                <Table.Td>{user.username}</Table.Td>
                <Table.Td>{user.displayName}</Table.Td>
                <Table.Td>{roleLabel(t, user.roleCode, user.roleName)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge size="sm" variant="light" color={user.active ? "teal" : "gray"}>
                      {user.active ? t("users.active") : t("users.inactive")}
                    </Badge>
                    {locked && (
                      <Badge size="sm" variant="light" color="red">
                        {t("users.locked")}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td className="num">{user.lastLoginAt ? formatTimestamp(user.lastLoginAt, i18n.language, timeZone) : "–"}</Table.Td>
                {manage && (
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button size="compact-xs" variant="default" onClick={() => setEditing(user)}>
                        {t("common.edit")}
                      </Button>
                      <Button size="compact-xs" variant="default" onClick={() => setResetting(user)}>
                        {t("users.resetPassword")}
                      </Button>
                      {locked && (
                        <Button size="compact-xs" variant="light" onClick={() => void unlock(user)}>
                          {t("users.unlock")}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {users.data && list.length === 0 && <EmptyState title={t("users.empty")} hint={t("users.emptyHint")} />}
      {editing && (
        <UserDialog user={editing === "new" ? null : editing} roles={roles.data ?? []} onClose={() => setEditing(null)} />
      )}
      {resetting && <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />}
    </div>
  );
}
