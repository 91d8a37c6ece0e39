// Create or edit a rate plan: price and tax, stay limits, cancellation and no-show fees, price rules.
import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Switch, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useAppState } from "../../app/app-state";
import type { ApiError, RatePlanInput, RoomTypeInput } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { clientError, errorField, errorOf, useErrorText } from "../../shared/errors";
import { formatMoney } from "../../shared/money";
import { checkText, collect } from "../../shared/validation";
import { roomTypeLabel } from "../rooms/queries";
import { FEE_KINDS, PLAN_KINDS, RATE_PLANS_KEY } from "./queries";
import { RateRulesTable } from "./RateRulesTable";
import { checkRule, fromDraft, isAmount, toDraft, type RuleDraft } from "./rules";

type Num = number | string;
type Values = Omit<RatePlanInput, "id" | "rules" | "roomTypeId" | "minStay" | "maxStay" | "cancelFreeHours"> & {
  roomTypeId: string | null;
  minStay: Num;
  maxStay: Num;
  cancelFreeHours: Num;
};

/** The rule fields Rust may name in an error (without saying which rule). */
const RULE_FIELDS = new Set(["from", "to", "price"]);

function initial(plan: RatePlanInput | null, roomTypeId: number | null): Values {
  if (plan) {
    const { id: _id, rules: _rules, ...rest } = plan;
    return { ...rest, roomTypeId: String(plan.roomTypeId), maxStay: plan.maxStay ?? "" };
  }
  return {
    roomTypeId: roomTypeId === null ? null : String(roomTypeId),
    code: "",
    nameZh: "",
    nameEn: "",
    kind: "standard",
    basePrice: "",
    taxInclusive: true,
    taxPercent: "6",
    minStay: 1,
    maxStay: "",
    cancelFreeHours: 24,
    cancelFee: "first_night",
    cancelFeePercent: "0",
    noShowFee: "first_night",
    noShowFeePercent: "0",
    active: true,
  };
}

const whole = (v: Num): v is number => typeof v === "number" && Number.isInteger(v);

function validate(v: Values): Record<string, ApiError> {
  const minStay = whole(v.minStay) && v.minStay >= 1 ? v.minStay : null;
  const maxStayBad = v.maxStay !== "" && (!whole(v.maxStay) || (minStay !== null && v.maxStay < minStay));
  const percent = (field: "taxPercent" | "cancelFeePercent" | "noShowFeePercent") =>
    isAmount(v[field]) ? null : clientError("errors.validation.invalid", { field });
  return collect({
    roomTypeId: v.roomTypeId ? null : clientError("errors.validation.required", { field: "roomTypeId" }),
    code: checkText("code", v.code, 16),
    nameZh: checkText("nameZh", v.nameZh, 80),
    nameEn: checkText("nameEn", v.nameEn, 80),
    basePrice: isAmount(v.basePrice) ? null : clientError("errors.validation.invalid", { field: "basePrice" }),
    taxPercent: percent("taxPercent"),
    minStay: minStay === null ? clientError("errors.validation.range", { field: "minStay", min: "1", max: "365" }) : null,
    maxStay: maxStayBad ? clientError("errors.validation.range", { field: "maxStay", min: String(minStay ?? 1), max: "365" }) : null,
    cancelFreeHours: whole(v.cancelFreeHours) && v.cancelFreeHours >= 0 ? null : clientError("rates.errors.cancelFreeHours"),
    cancelFeePercent: v.cancelFee === "percent" ? percent("cancelFeePercent") : null,
    noShowFeePercent: v.noShowFee === "percent" ? percent("noShowFeePercent") : null,
  });
}

export function RatePlanDialog({
  plan,
  roomTypeId,
  types,
  onClose,
}: {
  plan: RatePlanInput | null;
  roomTypeId: number | null;
  types: RoomTypeInput[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const { session } = useAppState();
  const currency = session?.property.currency ?? "CNY";
  const digits = session?.property.currencyDigits ?? 2;
  const [values, setValues] = useState<Values>(() => initial(plan, roomTypeId));
  const [rules, setRules] = useState<RuleDraft[]>(() => (plan?.rules ?? []).map(toDraft));
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [ruleErrors, setRuleErrors] = useState<Record<number, Record<string, ApiError>>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field]: _, ...rest }) => rest);
  };
  const error = (field: string) => (errors[field] ? errorText(errors[field]) : undefined);
  const text = (field: "code" | "nameZh" | "nameEn" | "basePrice" | "taxPercent" | "cancelFeePercent" | "noShowFeePercent") => ({
    label: t(`fields.${field}`),
    value: values[field],
    onChange: (e: { currentTarget: { value: string } }) => set(field, e.currentTarget.value),
    error: error(field),
    "data-testid": `plan-${field}`,
  });
  const count = (field: "minStay" | "maxStay" | "cancelFreeHours") => ({
    value: values[field],
    onChange: (v: Num) => set(field, v),
    allowDecimal: false,
    allowNegative: false,
    classNames: { input: "num" },
    error: error(field),
    "data-testid": `plan-${field}`,
  });
  const feeOptions = FEE_KINDS.map((f) => ({ value: f, label: t(`rates.fees.${f}`) }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate(values);
    const foundRules: Record<number, Record<string, ApiError>> = {};
    for (const rule of rules) {
      const problems = checkRule(rule);
      if (Object.keys(problems).length > 0) foundRules[rule.key] = problems;
    }
    setErrors(found);
    setRuleErrors(foundRules);
    if (Object.keys(found).length > 0 || Object.keys(foundRules).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      await call(
        commands.saveRatePlan({
          ...values,
          id: plan?.id ?? null,
          roomTypeId: Number(values.roomTypeId),
          code: values.code.trim(),
          nameZh: values.nameZh.trim(),
          nameEn: values.nameEn.trim(),
          basePrice: values.basePrice.trim(),
          taxPercent: values.taxPercent.trim(),
          minStay: Number(values.minStay),
          maxStay: values.maxStay === "" ? null : Number(values.maxStay),
          cancelFreeHours: Number(values.cancelFreeHours),
          cancelFeePercent: values.cancelFee === "percent" ? values.cancelFeePercent.trim() : "0",
          noShowFeePercent: values.noShowFee === "percent" ? values.noShowFeePercent.trim() : "0",
          rules: rules.map(fromDraft),
        }),
      );
      await queryClient.invalidateQueries({ queryKey: RATE_PLANS_KEY });
      notifications.show({ color: "teal", message: t("common.saved") });
      onClose();
    } catch (thrown) {
      const apiError = errorOf(thrown);
      const field = errorField(apiError);
      if (field && field in values && !RULE_FIELDS.has(field)) setErrors({ [field]: apiError });
      else setFailure(apiError);
    } finally {
      setBusy(false);
    }
  }

  const pricePreview = isAmount(values.basePrice) ? formatMoney(values.basePrice, currency, i18n.language, digits) : undefined;

  return (
    <Modal opened onClose={onClose} size="64rem" title={plan ? t("rates.editTitle", { code: plan.code }) : t("rates.new")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <Select
              label={t("fields.roomTypeId")}
              data={types.map((x) => ({ value: String(x.id), label: roomTypeLabel(x, i18n.language) }))}
              value={values.roomTypeId}
              onChange={(v) => set("roomTypeId", v)}
              error={error("roomTypeId")}
              allowDeselect={false}
              data-testid="plan-roomTypeId"
            />
            <TextInput {...text("code")} autoComplete="off" data-autofocus />
            <Select
              label={t("fields.kind")}
              data={PLAN_KINDS.map((k) => ({ value: k, label: t(`rates.kinds.${k}`) }))}
              value={values.kind}
              onChange={(v) => v && set("kind", v)}
              error={error("kind")}
              allowDeselect={false}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput {...text("nameZh")} />
            <TextInput {...text("nameEn")} />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              {...text("basePrice")}
              inputMode="decimal"
              classNames={{ input: "num" }}
              description={pricePreview}
              inputWrapperOrder={["label", "input", "description", "error"]}
            />
            <TextInput {...text("taxPercent")} inputMode="decimal" classNames={{ input: "num" }} />
            <Switch
              mt={28}
              label={t("rates.taxInclusive")}
              checked={values.taxInclusive}
              onChange={(e) => set("taxInclusive", e.currentTarget.checked)}
              data-testid="plan-taxInclusive"
            />
          </Group>
          <Group grow align="flex-start">
            <NumberInput label={t("fields.minStay")} min={1} {...count("minStay")} />
            <NumberInput label={t("fields.maxStay")} placeholder={t("rates.noLimit")} min={1} {...count("maxStay")} />
            <NumberInput label={t("rates.cancelFreeHours")} min={0} {...count("cancelFreeHours")} />
          </Group>
          <Group grow align="flex-start">
            <Select
              label={t("fields.cancelFee")}
              data={feeOptions}
              value={values.cancelFee}
              onChange={(v) => v && set("cancelFee", v)}
              error={error("cancelFee")}
              allowDeselect={false}
              data-testid="plan-cancelFee"
            />
            {values.cancelFee === "percent" ? <TextInput {...text("cancelFeePercent")} inputMode="decimal" classNames={{ input: "num" }} /> : <div />}
            <Select
              label={t("fields.noShowFee")}
              data={feeOptions}
              value={values.noShowFee}
              onChange={(v) => v && set("noShowFee", v)}
              error={error("noShowFee")}
              allowDeselect={false}
              data-testid="plan-noShowFee"
            />
            {values.noShowFee === "percent" ? <TextInput {...text("noShowFeePercent")} inputMode="decimal" classNames={{ input: "num" }} /> : <div />}
          </Group>
          <Switch label={t("rates.active")} checked={values.active} onChange={(e) => set("active", e.currentTarget.checked)} />
          <RateRulesTable rules={rules} errors={ruleErrors} onChange={setRules} />
          {failure && <Alert color="red" variant="light">{errorText(failure)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy} data-testid="plan-save">
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
