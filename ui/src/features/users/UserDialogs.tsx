// Dialogs for one user: create or edit (display name, role, active) and set a new password.
import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, Switch, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError, RoleView, UserView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { clientError, errorField, errorOf, useErrorText } from "../../shared/errors";
import { checkNewPassword, checkText, collect } from "../../shared/validation";
import { roleLabel } from "../../shared/roles";

const USERS_KEY = ["users"];

export function UserDialog({ user, roles, onClose }: { user: UserView | null; roles: RoleView[]; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    username: user?.username ?? "",
    displayName: user?.displayName ?? "",
    roleId: user ? String(user.roleId) : "",
    active: user?.active ?? true,
    password: "",
    passwordConfirm: "",
  });
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const text = (field: "username" | "displayName" | "password" | "passwordConfirm") => ({
    value: values[field],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [field]: value }));
    },
    error: errors[field] ? errorText(errors[field]) : undefined,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      ...collect({
        username: user ? null : checkText("username", values.username, 50),
        displayName: checkText("displayName", values.displayName, 100),
        roleId: values.roleId ? null : clientError("errors.validation.required", { field: "role" }),
      }),
      ...(user ? {} : checkNewPassword(values.password, values.passwordConfirm)),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      if (user) {
        await call(commands.updateUser({ id: user.id, displayName: values.displayName.trim(), roleId: Number(values.roleId), active: values.active }));
      } else {
        await call(
          commands.createUser({ username: values.username.trim(), displayName: values.displayName.trim(), password: values.password, roleId: Number(values.roleId) }),
        );
      }
      await queryClient.invalidateQueries({ queryKey: USERS_KEY });
      await queryClient.invalidateQueries({ queryKey: ["roles"] });
      notifications.show({ color: "teal", message: t("common.saved") });
      onClose();
    } catch (thrown) {
      const error = errorOf(thrown);
      const raw = errorField(error);
      const field = raw === "role" ? "roleId" : raw;
      if (field && field in values) setErrors({ [field]: error });
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={user ? t("users.editTitle", { username: user.username }) : t("users.new")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {!user && <TextInput label={t("fields.username")} {...text("username")} data-autofocus autoComplete="off" data-testid="user-username" />}
          <TextInput label={t("fields.displayName")} {...text("displayName")} data-testid="user-display-name" />
          <Select
            label={t("fields.role")}
            data={roles.map((r) => ({ value: String(r.id), label: roleLabel(t, r.code, r.name) }))}
            value={values.roleId || null}
            onChange={(v) => setValues((x) => ({ ...x, roleId: v ?? "" }))}
            error={errors.roleId ? errorText(errors.roleId) : undefined}
            data-testid="user-role"
          />
          {user && (
            <Switch label={t("users.active")} checked={values.active} onChange={(e) => setValues((x) => ({ ...x, active: e.currentTarget.checked }))} />
          )}
          {!user && (
            <>
              <PasswordInput label={t("fields.password")} description={t("password.rule", { min: 10 })} {...text("password")} autoComplete="new-password" />
              <PasswordInput label={t("fields.passwordConfirm")} {...text("passwordConfirm")} autoComplete="new-password" />
            </>
          )}
          {failure && <Alert color="red" variant="light">{errorText(failure)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy} data-testid="user-save">
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function ResetPasswordDialog({ user, onClose }: { user: UserView; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [values, setValues] = useState({ password: "", passwordConfirm: "" });
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkNewPassword(values.password, values.passwordConfirm);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await call(commands.resetUserPassword(user.id, values.password));
      notifications.show({ color: "teal", message: t("users.passwordReset", { username: user.username }) });
      onClose();
    } catch (thrown) {
      setFailure(errorOf(thrown));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t("users.resetTitle", { username: user.username })} size="sm">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label={t("fields.newPassword")}
            description={t("password.rule", { min: 10 })}
            value={values.password}
            onChange={(e) => setValues({ ...values, password: e.currentTarget.value })}
            error={errors.password ? errorText(errors.password) : undefined}
            autoComplete="new-password"
            data-autofocus
          />
          <PasswordInput
            label={t("fields.passwordConfirm")}
            value={values.passwordConfirm}
            onChange={(e) => setValues({ ...values, passwordConfirm: e.currentTarget.value })}
            error={errors.passwordConfirm ? errorText(errors.passwordConfirm) : undefined}
            autoComplete="new-password"
          />
          {failure && <Alert color="red" variant="light">{errorText(failure)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy}>
              {t("users.resetPassword")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
