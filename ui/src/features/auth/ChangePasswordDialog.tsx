// Change one's own password: current, new (at least 10 characters) and confirmation.
import { Alert, Button, Group, Modal, PasswordInput, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { errorOf, useErrorText } from "../../shared/errors";
import { checkNewPassword, checkText, collect } from "../../shared/validation";

export function ChangePasswordDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [values, setValues] = useState({ current: "", password: "", passwordConfirm: "" });
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);

  function close() {
    setValues({ current: "", password: "", passwordConfirm: "" });
    setErrors({});
    setFailure(null);
    onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      ...collect({ current: checkText("currentPassword", values.current, 1024) }),
      ...checkNewPassword(values.password, values.passwordConfirm),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      await call(commands.changePassword(values.current, values.password));
      notifications.show({ color: "teal", message: t("password.changed") });
      close();
    } catch (thrown) {
      const error = errorOf(thrown);
      if (error.code === "wrong_current_password") setErrors({ current: error });
      else if (error.code === "password_weak") setErrors({ password: error });
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const field = (name: keyof typeof values) => ({
    value: values[name],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [name]: value }));
    },
    error: errors[name] ? errorText(errors[name]) : undefined,
  });

  return (
    <Modal opened={opened} onClose={close} title={t("password.title")} size="sm">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PasswordInput label={t("fields.currentPassword")} {...field("current")} autoComplete="current-password" data-autofocus data-testid="password-current" />
          <PasswordInput label={t("fields.newPassword")} description={t("password.rule", { min: 10 })} {...field("password")} autoComplete="new-password" data-testid="password-new" />
          <PasswordInput label={t("fields.passwordConfirm")} {...field("passwordConfirm")} autoComplete="new-password" data-testid="password-confirm" />
          {failure && (
            <Alert color="red" variant="light">
              {errorText(failure)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy} data-testid="password-submit">
              {t("password.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
