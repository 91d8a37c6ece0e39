// Roles: list with their permissions; create, edit (grouped checkboxes) and delete unused custom roles.
import { Alert, Badge, Button, Checkbox, Group, Modal, Stack, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useAppState } from "../../app/app-state";
import type { ApiError, Permission, RoleView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { EmptyState } from "../../shared/components/EmptyState";
import { errorOf, useErrorText } from "../../shared/errors";
import { checkText } from "../../shared/validation";
import { PERMISSION_GROUPS, permissionKey } from "./permissions";
import classes from "./roles.module.css";
import { roleLabel } from "../../shared/roles";

const ROLES_KEY = ["roles"];

export function RolesTab() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { can } = useAppState();
  const queryClient = useQueryClient();
  const manage = can("roles.manage");
  const roles = useQuery({ queryKey: ROLES_KEY, queryFn: () => call(commands.listRoles()) });
  const [editing, setEditing] = useState<RoleView | "new" | null>(null);
  const [deleting, setDeleting] = useState<RoleView | null>(null);
  const [deleteError, setDeleteError] = useState<ApiError | null>(null);

  async function remove(role: RoleView) {
    try {
      await call(commands.deleteRole(role.id));
      await queryClient.invalidateQueries({ queryKey: ROLES_KEY });
      setDeleting(null);
      notifications.show({ color: "teal", message: t("roles.deleted", { name: roleLabel(t, role.code, role.name) }) });
    } catch (thrown) {
      setDeleteError(errorOf(thrown));
    }
  }

  if (roles.error) return <Alert color="red" variant="light">{errorText(roles.error)}</Alert>;
  const list = roles.data ?? [];
  return (
    <div>
      {manage && (
        <Group justify="flex-end" mb="sm">
          <Button onClick={() => setEditing("new")} data-testid="role-new">
            {t("roles.new")}
          </Button>
        </Group>
      )}
      <Table withTableBorder data-testid="roles-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th className="nowrap">{t("fields.roleName")}</Table.Th>
            <Table.Th className="num nowrap">{t("roles.users")}</Table.Th>
            <Table.Th>{t("roles.permissions")}</Table.Th>
            {manage && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((role) => (
            <Table.Tr key={role.id}>
              <Table.Td className="nowrap">
                {roleLabel(t, role.code, role.name)}{" "}
                {role.builtin && (
                  <Badge size="xs" variant="light" color="gray">
                    {t("roles.builtin")}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td className="num">{role.userCount}</Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {role.permissions.map((p) => t(permissionKey(p))).join(t("common.listSeparator"))}
                </Text>
              </Table.Td>
              {manage && (
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-xs" variant="default" onClick={() => setEditing(role)}>
                      {t("common.edit")}
                    </Button>
                    {!role.builtin && (
                      <Button
                        size="compact-xs"
                        variant="default"
                        color="red"
                        onClick={() => {
                          setDeleteError(null);
                          setDeleting(role);
                        }}
                      >
                        {t("common.delete")}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {roles.data && list.length === 0 && <EmptyState title={t("roles.empty")} hint={t("roles.emptyHint")} />}
      {editing && <RoleDialog role={editing === "new" ? null : editing} readOnly={!manage} onClose={() => setEditing(null)} />}
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={t("roles.deleteTitle")} size="sm">
        {deleting && (
          <Stack gap="sm">
            <Text size="sm">{t("roles.deleteConfirm", { name: deleting.name })}</Text>
            {deleteError && <Alert color="red" variant="light">{errorText(deleteError)}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)} data-autofocus>
                {t("common.cancel")}
              </Button>
              <Button color="red" onClick={() => void remove(deleting)}>
                {t("common.delete")}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </div>
  );
}

function RoleDialog({ role, readOnly, onClose }: { role: RoleView | null; readOnly: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [name, setName] = useState(role?.name ?? "");
  const [permissions, setPermissions] = useState<Permission[]>(role?.permissions ?? ["dashboard.view"]);
  const [nameError, setNameError] = useState<ApiError | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (permission: Permission, on: boolean) =>
    setPermissions((list) => (on ? [...list, permission] : list.filter((p) => p !== permission)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const error = checkText("roleName", name, 50);
    setNameError(error);
    if (error) return;
    setBusy(true);
    setFailure(null);
    try {
      await call(commands.saveRole({ id: role?.id ?? null, name: name.trim(), permissions }));
      await queryClient.invalidateQueries({ queryKey: ROLES_KEY });
      notifications.show({ color: "teal", message: t("common.saved") });
      onClose();
    } catch (thrown) {
      const error = errorOf(thrown);
      if (error.params?.field === "name" || error.code === "duplicate") setNameError(error);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={role ? t("roles.editTitle", { name: roleLabel(t, role.code, role.name) }) : t("roles.new")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t("fields.roleName")}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={nameError ? errorText(nameError) : undefined}
            disabled={readOnly || role?.builtin}
            data-autofocus
            data-testid="role-name"
          />
          <div className={classes.groups}>
            {PERMISSION_GROUPS.map((group) => (
              <fieldset key={group.id} className={classes.group}>
                <legend className={classes.legend}>{t(`permissionGroups.${group.id}`)}</legend>
                <Stack gap={6}>
                  {group.permissions.map((permission) => (
                    <Checkbox
                      key={permission}
                      size="xs"
                      label={t(permissionKey(permission))}
                      checked={permissions.includes(permission)}
                      onChange={(e) => toggle(permission, e.currentTarget.checked)}
                      disabled={readOnly}
                      data-testid={`perm-${permission}`}
                    />
                  ))}
                </Stack>
              </fieldset>
            ))}
          </div>
          {failure && <Alert color="red" variant="light">{errorText(failure)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {readOnly ? t("common.close") : t("common.cancel")}
            </Button>
            {!readOnly && (
              <Button type="submit" loading={busy} data-testid="role-save">
                {t("common.save")}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
