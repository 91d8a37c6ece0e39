// The last setup step: the hotel's basic details and its first administrator, who is then logged in.
import { Alert, Button, Group, PasswordInput, Select, Stack, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { STATUS_KEY, useAppState } from "../../app/app-state";
import { LanguageSwitch } from "../../app/LanguageSwitch";
import type { ApiError } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { CenteredPanel } from "../../shared/components/CenteredPanel";
import { errorField, errorOf, useErrorText } from "../../shared/errors";
import { CURRENCIES, timeZones } from "../../shared/options";
import { checkNewPassword, checkText, collect } from "../../shared/validation";

type Field = "propertyName" | "currency" | "timeZone" | "username" | "displayName" | "password" | "passwordConfirm";

export function AdminForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const { setSession } = useAppState();
  const zones = useMemo(() => timeZones(), []);
  const [values, setValues] = useState<Record<Field, string>>({
    propertyName: "",
    currency: "CNY",
    timeZone: "Asia/Shanghai",
    username: "",
    displayName: "",
    password: "",
    passwordConfirm: "",
  });
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const setValue = (field: Field, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field]: _, ...rest }) => rest);
  };
  const text = (field: Field) => ({
    value: values[field],
    onChange: (e: { currentTarget: { value: string } }) => setValue(field, e.currentTarget.value),
    error: errors[field] ? errorText(errors[field]) : undefined,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      ...collect({
        propertyName: checkText("propertyName", values.propertyName, 100),
        username: checkText("username", values.username, 50),
        displayName: checkText("displayName", values.displayName, 100),
      }),
      ...checkNewPassword(values.password, values.passwordConfirm),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      const session = await call(
        commands.createAdministrator({
          propertyName: values.propertyName.trim(),
          currency: values.currency,
          timeZone: values.timeZone,
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          password: values.password,
        }),
      );
      setSession(session);
      await queryClient.invalidateQueries({ queryKey: STATUS_KEY });
    } catch (thrown) {
      const error = errorOf(thrown);
      const field = errorField(error);
      if (field && field in values) setErrors({ [field]: error });
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <CenteredPanel title={t("admin.title")} subtitle={t("admin.subtitle")} wide aside={<LanguageSwitch />}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t("fields.propertyName")} {...text("propertyName")} data-testid="admin-property-name" data-autofocus />
          <Group grow align="flex-start">
            <Select label={t("fields.currency")} data={CURRENCIES} value={values.currency} onChange={(v) => v && setValue("currency", v)} searchable />
            <Select label={t("fields.timeZone")} data={zones} value={values.timeZone} onChange={(v) => v && setValue("timeZone", v)} searchable limit={50} />
          </Group>
          <Group grow align="flex-start">
            <TextInput label={t("fields.username")} {...text("username")} data-testid="admin-username" placeholder="admin" autoComplete="off" />
            <TextInput label={t("fields.displayName")} {...text("displayName")} data-testid="admin-display-name" />
          </Group>
          <Group grow align="flex-start">
            <PasswordInput label={t("fields.password")} description={t("password.rule", { min: 10 })} {...text("password")} data-testid="admin-password" />
            <PasswordInput label={t("fields.passwordConfirm")} {...text("passwordConfirm")} data-testid="admin-password-confirm" />
          </Group>
          {failure && (
            <Alert color="red" variant="light">
              {errorText(failure)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={busy} data-testid="admin-submit">
              {t("admin.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </CenteredPanel>
  );
}
