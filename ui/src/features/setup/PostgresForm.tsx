// The "shared server" form: PostgreSQL connection details, Test connection and Save.
import { Alert, Button, Group, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useAppState } from "../../app/app-state";
import type { ApiError, PostgresInput } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { errorField, errorOf, useErrorText } from "../../shared/errors";
import { checkPort, checkText, collect } from "../../shared/validation";

type Field = "host" | "port" | "database" | "user" | "password";
type Values = Record<Field, string>;

/** Checks the form in the browser; the same rules run again in Rust. */
export function validatePostgres(values: Values): Record<string, ApiError> {
  return collect({
    host: checkText("host", values.host, 255),
    port: checkPort("port", values.port),
    database: checkText("database", values.database, 63),
    user: checkText("user", values.user, 63),
    password: [...values.password].length > 1024 ? checkText("password", values.password, 1024) : null,
  });
}

type Result = { ok: true } | { ok: false; error: ApiError } | null;

export function PostgresForm({ initial, onBack }: { initial?: Partial<Values>; onBack: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { setStatus } = useAppState();
  const [values, setValues] = useState<Values>({
    host: initial?.host ?? "",
    port: initial?.port ?? "5432",
    database: initial?.database ?? "innkeep",
    user: initial?.user ?? "",
    password: "",
  });
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [result, setResult] = useState<Result>(null);
  const [busy, setBusy] = useState<"test" | "save" | null>(null);

  const set = (field: Field) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field]: _, ...rest }) => rest);
  };

  function input(): PostgresInput | null {
    const found = validatePostgres(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return null;
    return { ...values, host: values.host.trim(), port: Number(values.port.trim()) };
  }

  function showFailure(thrown: unknown) {
    const error = errorOf(thrown);
    const field = errorField(error);
    if (field && field in values) setErrors((e) => ({ ...e, [field]: error }));
    else setResult({ ok: false, error });
  }

  async function test() {
    const pg = input();
    if (!pg) return;
    setBusy("test");
    setResult(null);
    try {
      await call(commands.testConnection(pg));
      setResult({ ok: true });
    } catch (thrown) {
      showFailure(thrown);
    } finally {
      setBusy(null);
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const pg = input();
    if (!pg) return;
    setBusy("save");
    setResult(null);
    try {
      setStatus(await call(commands.usePostgresDatabase(pg)));
    } catch (thrown) {
      showFailure(thrown);
    } finally {
      setBusy(null);
    }
  }

  const err = (field: Field) => (errors[field] ? errorText(errors[field]) : undefined);
  return (
    <form onSubmit={save} noValidate>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput label={t("fields.host")} value={values.host} onChange={set("host")} error={err("host")} data-testid="pg-host" data-autofocus autoComplete="off" />
          <TextInput label={t("fields.port")} value={values.port} onChange={set("port")} error={err("port")} data-testid="pg-port" inputMode="numeric" maw={120} />
        </Group>
        <TextInput label={t("fields.database")} value={values.database} onChange={set("database")} error={err("database")} data-testid="pg-database" autoComplete="off" />
        <TextInput label={t("fields.user")} value={values.user} onChange={set("user")} error={err("user")} data-testid="pg-user" autoComplete="off" />
        <PasswordInput label={t("fields.password")} value={values.password} onChange={set("password")} error={err("password")} data-testid="pg-password" description={t("setup.passwordKeyring")} />
        <div data-testid="pg-result" aria-live="polite" className="result-slot">
          {result?.ok === true && (
            <Alert color="teal" variant="light" py={6}>
              {t("setup.testOk")}
            </Alert>
          )}
          {result?.ok === false && (
            <Alert color="red" variant="light" py={6}>
              {errorText(result.error)}
            </Alert>
          )}
        </div>
        <Group justify="space-between">
          <Button variant="subtle" onClick={onBack} disabled={busy !== null}>
            {t("common.back")}
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={test} loading={busy === "test"} disabled={busy === "save"} data-testid="pg-test">
              {t("setup.testConnection")}
            </Button>
            <Button type="submit" loading={busy === "save"} disabled={busy === "test"} data-testid="pg-save">
              {t("common.save")}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
