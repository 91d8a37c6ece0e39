// The screens for a database that cannot be reached and for a damaged settings file.
import { Alert, Button, Code, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppState } from "../../app/app-state";
import { LanguageSwitch } from "../../app/LanguageSwitch";
import type { AppStatus } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { CenteredPanel } from "../../shared/components/CenteredPanel";
import { useErrorText } from "../../shared/errors";

export function ConnectionFailed({ status, onChange }: { status: AppStatus; onChange: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { setStatus } = useAppState();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function retry() {
    setBusy(true);
    setFailure(null);
    try {
      setStatus(await call(commands.retryConnection()));
    } catch (thrown) {
      setFailure(thrown);
    } finally {
      setBusy(false);
    }
  }

  return (
    <CenteredPanel title={t("setup.failedTitle")} subtitle={t("setup.failedHint")} aside={<LanguageSwitch />}>
      <Alert color="red" variant="light" data-testid="connection-error">
        {errorText(failure ?? status.error ?? { code: "failed", key: "errors.db.failed", params: {} })}
      </Alert>
      <Text size="xs" c="dimmed">
        {t("setup.logDir", { dir: status.logDir })}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onChange} disabled={busy} data-testid="connection-change">
          {t("setup.changeConnection")}
        </Button>
        <Button onClick={retry} loading={busy} data-testid="connection-retry" data-autofocus>
          {t("common.retry")}
        </Button>
      </Group>
    </CenteredPanel>
  );
}

export function ConfigDamaged({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { setStatus } = useAppState();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const path = status.error?.params?.path ?? status.dataDir;

  async function reset() {
    setBusy(true);
    setFailure(null);
    try {
      setStatus(await call(commands.resetConfiguration()));
    } catch (thrown) {
      setFailure(thrown);
    } finally {
      setBusy(false);
    }
  }

  return (
    <CenteredPanel title={t("setup.damagedTitle")} aside={<LanguageSwitch />}>
      <Stack gap="xs">
        <Text size="sm">{t("setup.damagedHint")}</Text>
        <Code block>{path}</Code>
        <Text size="sm" c="dimmed">
          {t("setup.damagedAside")}
        </Text>
      </Stack>
      {failure !== null && (
        <Alert color="red" variant="light">
          {errorText(failure)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button color="orange" onClick={reset} loading={busy} data-testid="config-reset">
          {t("setup.damagedReset")}
        </Button>
      </Group>
    </CenteredPanel>
  );
}
