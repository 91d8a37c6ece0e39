// Login: username and password (Enter submits), language switch, and in demo mode the demo accounts.
import { Alert, Button, PasswordInput, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useAppState } from "../../app/app-state";
import { LanguageSwitch } from "../../app/LanguageSwitch";
import type { AppStatus } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { CenteredPanel } from "../../shared/components/CenteredPanel";
import { useErrorText } from "../../shared/errors";
import { roleLabel } from "../../shared/roles";

export function LoginScreen({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { setSession } = useAppState();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      setSession(await call(commands.login(username.trim(), password)));
    } catch (thrown) {
      setFailure(thrown);
      setPassword("");
    } finally {
      setBusy(false);
    }
  }

  const demo = status.demo && status.demoAccounts.length > 0 && (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {t("login.demoTitle")}
      </Text>
      <Table data-testid="demo-accounts" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("fields.username")}</Table.Th>
            <Table.Th>{t("fields.password")}</Table.Th>
            <Table.Th>{t("fields.role")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {status.demoAccounts.map((account) => (
            <Table.Tr key={account.username}>
              <Table.Td>
                <Button
                  variant="subtle"
                  size="compact-xs"
                  onClick={() => {
                    setUsername(account.username);
                    setPassword(account.password);
                  }}
                >
                  {account.username}
                </Button>
              </Table.Td>
              <Table.Td>
                <code>{account.password}</code>
              </Table.Td>
              <Table.Td>{roleLabel(t, account.role, account.role)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );

  return (
    <CenteredPanel title={status.propertyName ?? t("login.title")} subtitle={t("login.subtitle")} aside={<LanguageSwitch />}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t("fields.username")}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            autoComplete="username"
            autoFocus
            data-testid="login-username"
          />
          <PasswordInput
            label={t("fields.password")}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="current-password"
            data-testid="login-password"
          />
          <div className="result-slot" aria-live="polite">
            {failure !== null && (
              <Alert color="red" variant="light" py={6} data-testid="login-error">
                {errorText(failure)}
              </Alert>
            )}
          </div>
          <Button type="submit" loading={busy} fullWidth data-testid="login-submit">
            {t("login.submit")}
          </Button>
        </Stack>
      </form>
      {demo}
    </CenteredPanel>
  );
}
