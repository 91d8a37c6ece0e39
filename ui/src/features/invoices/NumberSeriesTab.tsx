// Settings → Number series: prefix, next number and width of the invoice and credit note series, with the
// next number as it will print. Rust refuses a next number below the current one or one already issued; the
// form checks the same before a round trip.
import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError, SeriesView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { clientError, errorOf, useErrorText } from "../../shared/errors";

export const NUMBERING_KEY = ["invoiceNumbering"] as const;

/** How Rust formats a number of a series: the prefix, then the number zero-padded to the width. */
export function formatSeriesNumber(prefix: string, next: number, width: number): string {
  return `${prefix.trim().toUpperCase()}${String(next).padStart(width, "0")}`;
}

const PREFIX = /^[A-Za-z0-9-]*$/;

/** The form's own checks, the same rules as core `invoices::save_series`. */
export function checkSeries(prefix: string, next: string, width: string, current: number): Record<string, ApiError> {
  const found: Record<string, ApiError> = {};
  const p = prefix.trim();
  if (p.length > 10) found.prefix = clientError("errors.validation.too_long", { field: "prefix", max: "10" });
  else if (!PREFIX.test(p)) found.prefix = clientError("numberSeries.prefixFormat");
  if (!/^\d+$/.test(width.trim()) || Number(width) < 1 || Number(width) > 12) {
    found.width = clientError("errors.validation.range", { field: "width", min: "1", max: "12" });
  }
  if (!/^\d+$/.test(next.trim())) found.nextNumber = clientError("errors.validation.invalid", { field: "nextNumber" });
  else if (Number(next) < current) found.nextNumber = clientError("numberSeries.belowCurrent", { min: String(current) });
  return found;
}

export function NumberSeriesTab() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const numbering = useQuery({ queryKey: NUMBERING_KEY, queryFn: () => call(commands.invoiceNumbering()) });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t("numberSeries.intro")}
      </Text>
      {numbering.error && <Alert color="red">{errorText(numbering.error)}</Alert>}
      {numbering.data && (
        <Group grow align="flex-start">
          <SeriesForm key={`INV-${numbering.data.invoice.nextFormatted}`} series={numbering.data.invoice} />
          <SeriesForm key={`CN-${numbering.data.creditNote.nextFormatted}`} series={numbering.data.creditNote} />
        </Group>
      )}
    </Stack>
  );
}

function SeriesForm({ series }: { series: SeriesView }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  // Rust sends the number as a JSON number (f64 in the bindings, null only for NaN).
  const floor = series.nextNumber ?? 1;
  const [prefix, setPrefix] = useState(series.prefix);
  const [next, setNext] = useState(String(floor));
  const [width, setWidth] = useState(String(series.width));
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const id = series.code.toLowerCase();
  const valid = Object.keys(checkSeries(prefix, next, width, floor)).length === 0;
  const err = (field: string) => (errors[field] ? errorText(errors[field]) : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkSeries(prefix, next, width, floor);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const saved = await call(
        commands.saveInvoiceSeries({ code: series.code, prefix: prefix.trim(), nextNumber: Number(next), width: Number(width) }),
      );
      notifications.show({ color: "teal", message: t("numberSeries.saved", { next: saved.nextFormatted }) });
      await queryClient.invalidateQueries({ queryKey: NUMBERING_KEY });
    } catch (thrown) {
      const e = errorOf(thrown);
      const field = e.params?.field;
      if (field === "nextNumber" && e.code === "range") setErrors({ nextNumber: clientError("numberSeries.belowCurrent", { min: e.params.min ?? "" }) });
      else if (field && ["prefix", "nextNumber", "width"].includes(field)) setErrors({ [field]: e });
      else setFailure(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder padding="sm" data-testid={`series-${id}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Title order={2} size="h5">
            {t(`numberSeries.names.${series.code}`, { defaultValue: series.code })}
          </Title>
          <Group grow align="flex-start">
            <TextInput label={t("fields.prefix")} value={prefix} onChange={(e) => setPrefix(e.currentTarget.value)} error={err("prefix")} data-testid={`series-${id}-prefix`} />
            <TextInput label={t("fields.nextNumber")} value={next} onChange={(e) => setNext(e.currentTarget.value)} error={err("nextNumber")} inputMode="numeric" data-testid={`series-${id}-next`} />
            <TextInput label={t("fields.width")} value={width} onChange={(e) => setWidth(e.currentTarget.value)} error={err("width")} inputMode="numeric" data-testid={`series-${id}-width`} />
          </Group>
          <Text size="sm">
            {t("numberSeries.preview")}{" "}
            <Text span ff="monospace" fw={700} data-testid={`series-${id}-preview`}>
              {valid ? formatSeriesNumber(prefix, Number(next), Number(width)) : "–"}
            </Text>
          </Text>
          <Text size="xs" c="dimmed">
            {t("numberSeries.floor", { next: series.nextFormatted })}
          </Text>
          {failure && <Alert color="red" variant="light">{errorText(failure)}</Alert>}
          <Group justify="flex-end">
            <Button type="submit" size="xs" loading={busy} data-testid={`series-${id}-save`}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
