// General settings: idle lock minutes (settings.manage) and this computer's language.
import { Alert, Button, Group, Input, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { SESSION_KEY, useAppState } from "../../app/app-state";
import { LanguageSwitch } from "../../app/LanguageSwitch";
import type { ApiError, SessionView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { clientError, errorOf, useErrorText } from "../../shared/errors";

export function GeneralTab() {
  const { t } = useTranslation();
  const { can } = useAppState();
  return (
    <Stack gap="lg" maw={520}>
      {can("settings.manage") && <IdleLockForm />}
      <Input.Wrapper label={t("general.language")} description={t("general.languageHint")}>
        <div>
          <LanguageSwitch />
        </div>
      </Input.Wrapper>
    </Stack>
  );
}

function IdleLockForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ["settings"], queryFn: () => call(commands.getSettings()) });
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const value = draft ?? (query.data ? String(query.data.idleLockMinutes) : "");

  async function save(event: FormEvent) {
    event.preventDefault();
    const minutes = Number(value);
    if (!/^\d+$/.test(value) || minutes < 1 || minutes > 240) {
      setError(clientError("errors.validation.invalid", { field: "idleLockMinutes" }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await call(commands.updateSettings({ idleLockMinutes: minutes }));
      queryClient.setQueryData(["settings"], saved);
      queryClient.setQueryData<SessionView | null>(SESSION_KEY, (s) => (s ? { ...s, idleLockMinutes: saved.idleLockMinutes } : s));
      setDraft(null);
      notifications.show({ color: "teal", message: t("common.saved") });
    } catch (thrown) {
      setError(errorOf(thrown));
    } finally {
      setBusy(false);
    }
  }

  if (query.error) return <Alert color="red" variant="light">{errorText(query.error)}</Alert>;
  return (
    <form onSubmit={save} noValidate>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t("fields.idleLockMinutes")}
          description={t("general.idleLockHint")}
          value={value}
          onChange={(e) => setDraft(e.currentTarget.value)}
          error={error ? errorText(error) : undefined}
          inputMode="numeric"
          w={260}
          data-testid="settings-idle-minutes"
        />
        <Button type="submit" loading={busy} disabled={!query.data}>
          {t("common.save")}
        </Button>
      </Group>
    </form>
  );
}
