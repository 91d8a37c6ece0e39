// Full-screen lock over the still-mounted app: only the password of the logged-in user unlocks it.
import { Alert, Button, FocusTrap, Group, Paper, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useAppState, useSession } from "../../app/app-state";
import { call, commands } from "../../ipc/client";
import { useErrorText } from "../../shared/errors";
import classes from "./auth.module.css";

export function LockOverlay() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const session = useSession();
  const { setSession } = useAppState();
  const [password, setPassword] = useState("");
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function unlock(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      setSession(await call(commands.unlockSession(password)));
    } catch (thrown) {
      setFailure(thrown);
      setPassword("");
    } finally {
      setBusy(false);
    }
  }

  async function logout() {
    try {
      await call(commands.logout());
    } finally {
      setSession(null);
    }
  }

  return (
    <div className={classes.lock} role="dialog" aria-modal="true" aria-labelledby="lock-title" data-testid="lock-screen">
      <FocusTrap active>
        <Paper withBorder shadow="md" p="lg" className={classes.lockPanel}>
          <form onSubmit={unlock} noValidate>
            <Stack gap="sm">
              <Title order={2} size="h3" id="lock-title">
                {t("lock.title")}
              </Title>
              <Text size="sm" c="dimmed">
                {t("lock.hint", { name: session.user.displayName, username: session.user.username })}
              </Text>
              <PasswordInput
                label={t("fields.password")}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                autoComplete="current-password"
                data-autofocus
                data-testid="unlock-password"
              />
              <div className="result-slot" aria-live="polite">
                {failure !== null && (
                  <Alert color="red" variant="light" py={6} data-testid="unlock-error">
                    {errorText(failure)}
                  </Alert>
                )}
              </div>
              <Group justify="space-between">
                <Button variant="subtle" onClick={() => void logout()}>
                  {t("lock.logoutInstead")}
                </Button>
                <Button type="submit" loading={busy} data-testid="unlock-submit">
                  {t("lock.unlock")}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </FocusTrap>
    </div>
  );
}
