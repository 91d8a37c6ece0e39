// The "E-mail" settings tab: the hotel's SMTP server, its sender, this computer's password (kept in the OS keyring,
// never shown) and a test e-mail sent with the saved settings.
import { Alert, Badge, Button, Group, PasswordInput, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError, Security, SmtpSettingsInput, SmtpSettingsView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { clientError, errorField, errorOf, useErrorText } from "../../shared/errors";
import { checkPort, checkText, collect } from "../../shared/validation";
import { MAIL_SETTINGS_KEY, OUTBOX_KEY } from "./queries";

const SECURITIES: Security[] = ["start_tls", "tls", "none"];
const DEFAULT_PORT: Record<Security, string> = { none: "25", start_tls: "587", tls: "465" };
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

interface Draft {
  host: string;
  port: string;
  security: Security;
  user: string;
  senderAddress: string;
  senderName: string;
  newPassword: string;
  clearPassword: boolean;
}

function draftOf(view: SmtpSettingsView): Draft {
  return {
    host: view.host,
    port: String(view.port),
    security: view.security,
    user: view.user,
    senderAddress: view.senderAddress,
    senderName: view.senderName,
    newPassword: "",
    clearPassword: false,
  };
}

function checkEmail(field: string, value: string): ApiError | null {
  return checkText(field, value, 254) ?? (EMAIL.test(value.trim()) ? null : clientError("errors.validation.invalid", { field }));
}

/** Browser-side checks of the SMTP form (Rust checks again); keys are the form's fields. */
export function validateMailSettings(d: Draft): Record<string, ApiError> {
  const hostOk = /^[A-Za-z0-9.:-]+$/.test(d.host.trim()) && !/^[.-]|[.-]$|\.\./.test(d.host.trim());
  return collect({
    host: checkText("host", d.host, 253) ?? (hostOk ? null : clientError("errors.validation.invalid", { field: "host" })),
    port: checkPort("port", d.port),
    senderAddress: checkEmail("senderAddress", d.senderAddress),
    newPassword: d.newPassword !== "" && d.user.trim() === "" ? clientError("errors.validation.required", { field: "smtpUser" }) : null,
  });
}

const FORM_FIELD: Record<string, keyof Draft> = { smtpUser: "user", smtpPassword: "newPassword" };

export function MailSettingsTab() {
  const errorText = useErrorText();
  const query = useQuery({ queryKey: MAIL_SETTINGS_KEY, queryFn: () => call(commands.getMailSettings()) });
  if (query.error) return <Alert color="red" variant="light">{errorText(query.error)}</Alert>;
  if (!query.data) return <div className="result-slot" aria-busy="true" />;
  return (
    <Stack gap="xl" maw={720}>
      <MailSettingsForm key={JSON.stringify(query.data)} saved={query.data} />
      <TestMail saved={query.data} />
    </Stack>
  );
}

function MailSettingsForm({ saved }: { saved: SmtpSettingsView }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved));
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors(({ [field]: _, ...rest }) => rest);
  };
  const text = (field: "host" | "port" | "user" | "senderAddress" | "senderName") => ({
    value: draft[field],
    onChange: (e: { currentTarget: { value: string } }) => set(field, e.currentTarget.value),
    error: errors[field] ? errorText(errors[field]) : undefined,
  });
  const chooseSecurity = (security: Security) => {
    setDraft((d) => ({
      ...d,
      security,
      port: Object.values(DEFAULT_PORT).includes(d.port.trim()) ? DEFAULT_PORT[security] : d.port,
    }));
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    const found = validateMailSettings(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const input: SmtpSettingsInput = {
      host: draft.host.trim(),
      port: Number(draft.port.trim()),
      security: draft.security,
      user: draft.user.trim(),
      senderAddress: draft.senderAddress.trim(),
      senderName: draft.senderName.trim(),
      newPassword: draft.newPassword === "" ? null : draft.newPassword,
      clearPassword: draft.clearPassword,
    };
    setBusy(true);
    setFailure(null);
    try {
      const view = await call(commands.saveMailSettings(input));
      queryClient.setQueryData(MAIL_SETTINGS_KEY, view);
      void queryClient.invalidateQueries({ queryKey: OUTBOX_KEY });
      notifications.show({ color: "teal", message: t("common.saved") });
    } catch (thrown) {
      const error = errorOf(thrown);
      const field = errorField(error);
      const formField = field ? (FORM_FIELD[field] ?? field) : undefined;
      if (formField && formField in draft) setErrors({ [formField]: error });
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const needsLogin = draft.user.trim() !== "";
  const passwordHint = draft.clearPassword ? t("mail.settings.passwordClearing") : t(`mail.settings.passwordState.${saved.password}`);

  return (
    <form onSubmit={save} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h5">
          {t("mail.settings.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("mail.settings.intro")}
        </Text>
        <Group grow align="flex-start">
          <TextInput label={t("fields.host")} placeholder="smtp.exmail.qq.com" {...text("host")} data-testid="mail-host" />
          <Select
            label={t("fields.security")}
            data={SECURITIES.map((s) => ({ value: s, label: t(`mail.settings.securities.${s}`) }))}
            value={draft.security}
            onChange={(v) => v && chooseSecurity(v as Security)}
            allowDeselect={false}
            data-testid="mail-security"
          />
          <TextInput label={t("fields.port")} inputMode="numeric" classNames={{ input: "num" }} {...text("port")} data-testid="mail-port" />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={t("fields.senderAddress")} placeholder="frontdesk@hotel.cn" {...text("senderAddress")} data-testid="mail-sender" />
          <TextInput label={t("fields.senderName")} {...text("senderName")} />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={t("fields.smtpUser")} description={t("mail.settings.userHint")} inputWrapperOrder={["label", "input", "description", "error"]} autoComplete="off" {...text("user")} data-testid="mail-user" />
          <Stack gap={4}>
            <PasswordInput
              label={
                <Group gap={6} component="span">
                  {t("fields.smtpPassword")}
                  {needsLogin && saved.password === "stored" && !draft.clearPassword && (
                    <Badge size="xs" variant="light" color="teal" data-testid="mail-password-stored">
                      {t("mail.settings.passwordStoredBadge")}
                    </Badge>
                  )}
                </Group>
              }
              description={needsLogin ? passwordHint : t("mail.settings.passwordState.not_needed")}
              inputWrapperOrder={["label", "input", "description", "error"]}
              placeholder={saved.password === "stored" ? t("mail.settings.replacePlaceholder") : ""}
              value={draft.newPassword}
              onChange={(e) => {
                set("newPassword", e.currentTarget.value);
                set("clearPassword", false);
              }}
              disabled={!needsLogin}
              autoComplete="new-password"
              error={errors.newPassword ? errorText(errors.newPassword) : undefined}
              data-testid="mail-password"
            />
            {needsLogin && saved.password === "stored" && (
              <Group gap="xs">
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color={draft.clearPassword ? "gray" : "red"}
                  onClick={() => {
                    setDraft((d) => ({ ...d, clearPassword: !d.clearPassword, newPassword: "" }));
                  }}
                  data-testid="mail-password-clear"
                >
                  {draft.clearPassword ? t("mail.settings.keepPassword") : t("mail.settings.clearPassword")}
                </Button>
              </Group>
            )}
          </Stack>
        </Group>
        {needsLogin && draft.security === "none" && (
          <Alert color="yellow" variant="light" py={6} data-testid="mail-plain-warning">
            {t("mail.settings.plainWarning")}
          </Alert>
        )}
        {failure && <Alert color="red" variant="light">{errorText(failure)}</Alert>}
        <Group justify="flex-end">
          <Button type="submit" loading={busy} data-testid="mail-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TestMail({ saved }: { saved: SmtpSettingsView }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [to, setTo] = useState(saved.senderAddress);
  const [error, setError] = useState<ApiError | null>(null);
  const [outcome, setOutcome] = useState<"sent" | ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(event: FormEvent) {
    event.preventDefault();
    const found = checkEmail("testRecipient", to);
    setError(found);
    setOutcome(null);
    if (found) return;
    setBusy(true);
    try {
      await call(commands.sendTestMail(to.trim()));
      setOutcome("sent");
    } catch (thrown) {
      const e = errorOf(thrown);
      if (errorField(e) === "testRecipient") setError(e);
      else setOutcome(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={send} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h5">
          {t("mail.settings.testTitle")}
        </Title>
        <Text size="sm" c="dimmed">
          {saved.configured ? t("mail.settings.testHint") : t("mail.settings.testNeedsSave")}
        </Text>
        <Group align="flex-start">
          <TextInput
            aria-label={t("fields.testRecipient")}
            placeholder={t("fields.testRecipient")}
            value={to}
            onChange={(e) => {
              setTo(e.currentTarget.value);
              setError(null);
            }}
            error={error ? errorText(error) : undefined}
            disabled={!saved.configured}
            w={320}
            data-testid="mail-test-to"
          />
          <Button type="submit" variant="default" loading={busy} disabled={!saved.configured} data-testid="mail-test-send">
            {t("mail.settings.testSend")}
          </Button>
        </Group>
        <div className="result-slot" aria-live="polite">
          {outcome === "sent" && (
            <Alert color="teal" variant="light" py={6} data-testid="mail-test-result">
              {t("mail.settings.testSent", { to: to.trim() })}
            </Alert>
          )}
          {outcome !== null && outcome !== "sent" && (
            <Alert color="red" variant="light" py={6} data-testid="mail-test-result">
              {errorText(outcome)}
            </Alert>
          )}
        </div>
      </Stack>
    </form>
  );
}
