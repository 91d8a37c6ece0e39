// The hotel's details: name, address, phone, taxpayer ID, currency, time zone, check-in/out, credit limit.
import { Alert, Button, Group, NumberInput, Select, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { SESSION_KEY } from "../../app/app-state";
import type { ApiError, PropertyView, SessionView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { clientError, errorField, errorOf, useErrorText } from "../../shared/errors";
import { formatMoney, isDecimal } from "../../shared/money";
import { CURRENCIES, currencyDigits, timeZones } from "../../shared/options";
import { checkText, collect } from "../../shared/validation";

type PropertyInput = Parameters<typeof commands.updateProperty>[0];

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Browser-side checks of the property form (Rust checks again). */
export function validateProperty(p: PropertyInput): Record<string, ApiError> {
  return collect({
    name: checkText("propertyName", p.name, 100),
    address: [...p.address].length > 300 ? clientError("errors.validation.too_long", { field: "address", max: "300" }) : null,
    phone: [...p.phone].length > 50 ? clientError("errors.validation.too_long", { field: "phone", max: "50" }) : null,
    email: p.email.trim() === "" || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(p.email.trim()) ? null : clientError("errors.validation.invalid", { field: "propertyEmail" }),
    taxpayerId: [...p.taxpayerId].length > 30 ? clientError("errors.validation.too_long", { field: "taxpayerId", max: "30" }) : null,
    currencyDigits: p.currencyDigits >= 0 && p.currencyDigits <= 4 && Number.isInteger(p.currencyDigits) ? null : clientError("errors.validation.invalid", { field: "currencyDigits" }),
    checkInTime: TIME.test(p.checkInTime) ? null : clientError("errors.validation.invalid", { field: "checkInTime" }),
    checkOutTime: TIME.test(p.checkOutTime) ? null : clientError("errors.validation.invalid", { field: "checkOutTime" }),
    folioCreditLimit: isDecimal(p.folioCreditLimit) && !p.folioCreditLimit.trim().startsWith("-") ? null : clientError("errors.validation.invalid", { field: "folioCreditLimit" }),
  });
}

export function PropertyTab() {
  const errorText = useErrorText();
  const query = useQuery({ queryKey: ["property"], queryFn: () => call(commands.getProperty()) });
  if (query.error) return <Alert color="red" variant="light">{errorText(query.error)}</Alert>;
  if (!query.data) return <div className="result-slot" aria-busy="true" />;
  return <PropertyForm key={query.data.id} initial={query.data} />;
}

function PropertyForm({ initial }: { initial: PropertyView }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const zones = useMemo(() => timeZones(), []);
  const [values, setValues] = useState<PropertyInput>(() => {
    const { id: _id, businessDate: _date, ...rest } = initial;
    return rest;
  });
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof PropertyInput>(field: K, value: PropertyInput[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field]: _, ...rest }) => rest);
  };
  const text = (field: "name" | "address" | "phone" | "email" | "taxpayerId" | "checkInTime" | "checkOutTime" | "folioCreditLimit") => ({
    value: values[field],
    onChange: (e: { currentTarget: { value: string } }) => set(field, e.currentTarget.value),
    error: errors[field] ? errorText(errors[field]) : undefined,
  });

  async function save(event: FormEvent) {
    event.preventDefault();
    const found = validateProperty(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      const saved = await call(commands.updateProperty({ ...values, name: values.name.trim(), folioCreditLimit: values.folioCreditLimit.trim() }));
      queryClient.setQueryData(["property"], saved);
      queryClient.setQueryData<SessionView | null>(SESSION_KEY, (s) => (s ? { ...s, property: saved } : s));
      notifications.show({ color: "teal", message: t("common.saved") });
    } catch (thrown) {
      const error = errorOf(thrown);
      const field = errorField(error);
      const formField = field === "propertyName" ? "name" : field === "propertyEmail" ? "email" : field;
      if (formField && formField in values) setErrors({ [formField]: error });
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const limitPreview = isDecimal(values.folioCreditLimit)
    ? formatMoney(values.folioCreditLimit, values.currency, i18n.language, values.currencyDigits)
    : undefined;

  return (
    <form onSubmit={save} noValidate>
      <Stack gap="sm" maw={720}>
        <TextInput label={t("fields.propertyName")} {...text("name")} data-testid="property-name" />
        <TextInput label={t("fields.address")} {...text("address")} />
        <Group grow align="flex-start">
          <TextInput label={t("fields.phone")} {...text("phone")} />
          <TextInput label={t("fields.propertyEmail")} type="email" {...text("email")} data-testid="property-email" />
          <TextInput label={t("fields.taxpayerId")} {...text("taxpayerId")} />
        </Group>
        <Group grow align="flex-start">
          <Select
            label={t("fields.currency")}
            data={CURRENCIES.includes(values.currency) ? CURRENCIES : [values.currency, ...CURRENCIES]}
            value={values.currency}
            onChange={(v) => {
              if (!v) return;
              set("currency", v);
              set("currencyDigits", currencyDigits(v));
            }}
            searchable
          />
          <NumberInput
            label={t("fields.currencyDigits")}
            value={values.currencyDigits}
            onChange={(v) => set("currencyDigits", typeof v === "number" ? v : Number(v))}
            min={0}
            max={4}
            allowDecimal={false}
            error={errors.currencyDigits ? errorText(errors.currencyDigits) : undefined}
          />
          <Select label={t("fields.timeZone")} data={zones} value={values.timeZone} onChange={(v) => v && set("timeZone", v)} searchable limit={50} />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={t("fields.checkInTime")} placeholder="14:00" {...text("checkInTime")} />
          <TextInput label={t("fields.checkOutTime")} placeholder="12:00" {...text("checkOutTime")} />
          <TextInput label={t("fields.folioCreditLimit")} description={limitPreview} inputWrapperOrder={["label", "input", "description", "error"]} inputMode="decimal" classNames={{ input: "num" }} {...text("folioCreditLimit")} />
        </Group>
        {failure && <Alert color="red" variant="light">{errorText(failure)}</Alert>}
        <Group justify="flex-end">
          <Button type="submit" loading={busy} data-testid="property-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
