// First run: choose where the data lives — this computer (embedded) or a shared PostgreSQL server.
import { Alert, Stack, Text, UnstyledButton } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppState } from "../../app/app-state";
import { LanguageSwitch } from "../../app/LanguageSwitch";
import { call, commands } from "../../ipc/client";
import { CenteredPanel } from "../../shared/components/CenteredPanel";
import { useErrorText } from "../../shared/errors";
import { PostgresForm } from "./PostgresForm";
import classes from "./setup.module.css";

export function SetupWizard({
  startWithServer = false,
  initialServer,
  onCancel,
}: {
  startWithServer?: boolean;
  initialServer?: { host?: string; port?: string; database?: string; user?: string };
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { setStatus } = useAppState();
  const [choice, setChoice] = useState<"pick" | "server">(startWithServer ? "server" : "pick");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function embedded() {
    setBusy(true);
    setFailure(null);
    try {
      setStatus(await call(commands.useEmbeddedDatabase()));
    } catch (thrown) {
      setFailure(thrown);
    } finally {
      setBusy(false);
    }
  }

  if (choice === "server") {
    return (
      <CenteredPanel title={t("setup.serverTitle")} subtitle={t("setup.serverHint")} aside={<LanguageSwitch />}>
        <PostgresForm initial={initialServer} onBack={() => (onCancel && startWithServer ? onCancel() : setChoice("pick"))} />
      </CenteredPanel>
    );
  }

  return (
    <CenteredPanel title={t("setup.title")} subtitle={t("setup.subtitle")} aside={<LanguageSwitch />}>
      <Stack gap="sm">
        <UnstyledButton className={classes.choice} onClick={embedded} disabled={busy} data-testid="wizard-embedded">
          <Text fw={600}>{t("setup.embeddedTitle")}</Text>
          <Text size="sm" c="dimmed">
            {t("setup.embeddedHint")}
          </Text>
        </UnstyledButton>
        <UnstyledButton className={classes.choice} onClick={() => setChoice("server")} disabled={busy} data-testid="wizard-shared">
          <Text fw={600}>{t("setup.sharedTitle")}</Text>
          <Text size="sm" c="dimmed">
            {t("setup.sharedHint")}
          </Text>
        </UnstyledButton>
        {failure !== null && (
          <Alert color="red" variant="light">
            {errorText(failure)}
          </Alert>
        )}
        {onCancel && (
          <UnstyledButton className={classes.link} onClick={onCancel}>
            {t("common.back")}
          </UnstyledButton>
        )}
      </Stack>
    </CenteredPanel>
  );
}
