// Create or edit a promotion: code, percentage or amount off per night, the booking dates it is valid on,
// and an optional limit of uses.
import { Alert, Button, Group, Modal, NumberInput, Radio, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/app-state";
import type { ApiError, PromotionInput } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { clientError, errorField, errorOf, useErrorText } from "../../shared/errors";
import { formatCount, formatMoney } from "../../shared/money";
import { collect } from "../../shared/validation";
import classes from "./promotions.module.css";
import { checkCode, checkValue, normalizeCode, PROMOTION_KINDS, PROMOTIONS_KEY, USAGE_LIMIT_MAX } from "./queries";

interface Values {
  code: string;
  kind: string;
  value: string;
  validFrom: string;
  validTo: string;
  /** "" for no limit. */
  usageLimit: number | string;
}

function initial(promotion: PromotionInput | null, businessDate: string): Values {
  if (promotion) {
    const { code, kind, value, validFrom, validTo, usageLimit } = promotion;
    return { code, kind, value, validFrom, validTo, usageLimit: usageLimit ?? "" };
  }
  return { code: "", kind: "percent", value: "", validFrom: businessDate, validTo: "", usageLimit: "" };
}

function validate(v: Values, usedCount: number, currencyDigits: number): Record<string, ApiError> {
  const lowest = Math.max(1, usedCount);
  const limit = v.usageLimit;
  const limitBad = limit !== "" && (typeof limit !== "number" || !Number.isInteger(limit) || limit < lowest || limit > USAGE_LIMIT_MAX);
  return collect({
    code: checkCode(v.code),
    value: checkValue(v.kind, v.value, currencyDigits),
    validFrom: v.validFrom ? null : clientError("errors.validation.required", { field: "validFrom" }),
    validTo: !v.validTo
      ? clientError("errors.validation.required", { field: "validTo" })
      : v.validFrom && v.validTo < v.validFrom
        ? clientError("promotions.errors.toBeforeFrom")
        : null,
    usageLimit: limitBad ? clientError("errors.validation.range", { field: "usageLimit", min: String(lowest), max: String(USAGE_LIMIT_MAX) }) : null,
  });
}

/**
 * Rust's generic "invalid"/"range" on these fields has one meaning here; say it plainly: the last date comes
 * before the first, or the discount is not a usable percentage or amount.
 */
function explained(error: ApiError, kind: string, currencyDigits: number): ApiError {
  const field = errorField(error);
  if (field === "validTo" && error.code === "invalid") return clientError("promotions.errors.toBeforeFrom");
  if (field === "value" && (error.code === "invalid" || error.code === "range")) {
    return kind === "percent" ? clientError("promotions.errors.percent") : clientError("promotions.errors.amount", { digits: String(currencyDigits) });
  }
  return error;
}

export function PromotionDialog({ promotion, onClose }: { promotion: PromotionInput | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const { businessDate, currency, currencyDigits } = useSession().property;
  const usedCount = promotion?.usedCount ?? 0;
  const [values, setValues] = useState<Values>(() => initial(promotion, businessDate));
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field]: _, ...rest }) => rest);
  };
  const changeKind = (kind: string) => {
    set("kind", kind);
    setErrors(({ value: _, ...rest }) => rest);
  };
  const error = (field: string) => (errors[field] ? errorText(errors[field]) : undefined);
  const date = (field: "validFrom" | "validTo") => ({
    type: "date",
    label: t(`fields.${field}`),
    value: values[field],
    onChange: (e: { currentTarget: { value: string } }) => set(field, e.currentTarget.value),
    error: error(field),
    "data-testid": `promotion-${field}`,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate(values, usedCount, currencyDigits);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      const saved = await call(
        commands.savePromotion({
          id: promotion?.id ?? null,
          code: normalizeCode(values.code),
          kind: values.kind,
          value: values.value.trim(),
          validFrom: values.validFrom,
          validTo: values.validTo,
          usageLimit: values.usageLimit === "" ? null : Number(values.usageLimit),
          usedCount,
        }),
      );
      await queryClient.invalidateQueries({ queryKey: PROMOTIONS_KEY });
      notifications.show({ color: "teal", message: t("promotions.saved", { code: saved.code }) });
      onClose();
    } catch (thrown) {
      const apiError = explained(errorOf(thrown), values.kind, currencyDigits);
      const field = errorField(apiError);
      if (field && field in values) setErrors({ [field]: apiError });
      else setFailure(apiError);
    } finally {
      setBusy(false);
    }
  }

  const valueOk = checkValue(values.kind, values.value, currencyDigits) === null;
  const preview = !valueOk
    ? undefined
    : values.kind === "percent"
      ? t("promotions.previewPercent", { percent: values.value.trim() })
      : t("promotions.previewAmount", { amount: formatMoney(values.value, currency, i18n.language, currencyDigits) });

  return (
    <Modal opened onClose={onClose} size="40rem" title={promotion ? t("promotions.editTitle", { code: promotion.code }) : t("promotions.new")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput
              label={t("fields.code")}
              description={t("promotions.codeHint")}
              inputWrapperOrder={["label", "input", "description", "error"]}
              value={values.code}
              onChange={(e) => set("code", e.currentTarget.value)}
              error={error("code")}
              classNames={{ input: classes.code }}
              autoComplete="off"
              data-autofocus
              data-testid="promotion-code"
            />
            <Radio.Group label={t("fields.kind")} value={values.kind} onChange={changeKind} error={error("kind")}>
              <Group gap="md" mt={8}>
                {PROMOTION_KINDS.map((k) => (
                  <Radio key={k} value={k} label={t(`promotions.kinds.${k}`)} data-testid={`promotion-kind-${k}`} />
                ))}
              </Group>
            </Radio.Group>
          </Group>
          <TextInput
            label={values.kind === "percent" ? t("promotions.valuePercent") : t("promotions.valueAmount", { currency })}
            value={values.value}
            onChange={(e) => set("value", e.currentTarget.value)}
            error={error("value")}
            description={preview}
            inputWrapperOrder={["label", "input", "description", "error"]}
            inputMode="decimal"
            classNames={{ input: "num" }}
            autoComplete="off"
            data-testid="promotion-value"
          />
          <div>
            <Group grow align="flex-start">
              <TextInput {...date("validFrom")} />
              <TextInput {...date("validTo")} />
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              {t("promotions.validityHint")}
            </Text>
          </div>
          <NumberInput
            label={t("fields.usageLimit")}
            placeholder={t("promotions.noLimit")}
            description={promotion ? t("promotions.usedSoFar", { used: formatCount(usedCount, i18n.language) }) : t("promotions.limitHint")}
            inputWrapperOrder={["label", "input", "description", "error"]}
            value={values.usageLimit}
            onChange={(v) => set("usageLimit", v)}
            min={Math.max(1, usedCount)}
            max={USAGE_LIMIT_MAX}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            classNames={{ input: "num" }}
            error={error("usageLimit")}
            data-testid="promotion-usageLimit"
          />
          {failure && <Alert color="red" variant="light">{errorText(failure)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy} data-testid="promotion-save">
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
