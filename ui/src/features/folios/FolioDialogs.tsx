// The folio's dialogs: charge, payment / refund / deposit by method, void, adjustment, transfer, applying the
// deposit and opening another folio. Each submits on Enter and answers with the updated folio.
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError, FolioSummary, FolioView, PostingView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { errorOf, useErrorText } from "../../shared/errors";
import { collect, checkText } from "../../shared/validation";
import { checkAmount, checkNoCardNumber, isPositive, METHODS, subtractMoney, useChargeCodes } from "./queries";
import { useFolioForm } from "./useFolioForm";

interface Common {
  folio: FolioSummary;
  digits: number;
  onClose: () => void;
  onDone: (view: FolioView) => void;
}

function Footer({ busy, failure, onClose, label, testId }: { busy: boolean; failure: ApiError | null; onClose: () => void; label: string; testId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <>
      {failure && (
        <Alert color="red" variant="light" data-testid="folio-dialog-error">
          {errorText(failure)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" loading={busy} data-testid={testId}>
          {label}
        </Button>
      </Group>
    </>
  );
}

export function ChargeDialog({ folio, digits, onClose, onDone }: Common) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const codes = useChargeCodes();
  const [code, setCode] = useState<string | null>(null);
  const [amount, setAmount] = useState("");
  const [quantity, setQuantity] = useState("1");
  const [description, setDescription] = useState("");
  const { errors, failure, busy, submit } = useFolioForm(onDone);
  const err = (field: string) => (errors[field] ? errorText(errors[field]) : undefined);
  const options = (codes.data ?? []).map((c) => ({ value: c.code, label: `${c.code} · ${i18n.language === "zh-CN" ? c.nameZh : c.nameEn}` }));
  const onSubmit = submit(
    () =>
      collect({
        chargeCode: code ? null : { code: "required", key: "errors.validation.required", params: { field: "chargeCode" } },
        amount: checkAmount("amount", amount, digits),
        quantity: /^\d{1,3}$/.test(quantity.trim()) && Number(quantity) >= 1 ? null : { code: "range", key: "errors.validation.range", params: { field: "quantity", min: "1", max: "999" } },
        description: checkNoCardNumber("description", description),
      }),
    () => call(commands.postCharge(folio.id, { chargeCode: code ?? "", amount: amount.trim(), quantity: Number(quantity), description, night: null })),
  );
  return (
    <Modal opened onClose={onClose} title={t("folios.charge.title", { folio: folio.number })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Select label={t("fields.chargeCode")} data={options} value={code} onChange={setCode} searchable error={err("chargeCode")} data-autofocus data-testid="charge-code" />
          <Group grow>
            <TextInput label={t("fields.amount")} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={err("amount")} inputMode="decimal" data-testid="charge-amount" />
            <TextInput label={t("fields.quantity")} value={quantity} onChange={(e) => setQuantity(e.currentTarget.value)} error={err("quantity")} inputMode="numeric" data-testid="charge-quantity" />
          </Group>
          <TextInput label={t("fields.description")} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={err("description")} data-testid="charge-description" />
          <Footer busy={busy} failure={failure} onClose={onClose} label={t("folios.charge.submit")} testId="charge-submit" />
        </Stack>
      </form>
    </Modal>
  );
}

/** Which money movement a method dialog records. */
export type MethodMode = "payment" | "refund" | "deposit" | "depositRefund";

export function MethodDialog({ folio, digits, onClose, onDone, mode }: Common & { mode: MethodMode }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [method, setMethod] = useState<string>("cash");
  const [amount, setAmount] = useState(mode === "depositRefund" ? folio.totals.depositHeld : "");
  const [cardBrand, setCardBrand] = useState("");
  const [cardLast4, setCardLast4] = useState("");
  const [authCode, setAuthCode] = useState("");
  const [reference, setReference] = useState("");
  const { errors, failure, busy, submit } = useFolioForm(onDone);
  const err = (field: string) => (errors[field] ? errorText(errors[field]) : undefined);
  const card = method === "bank_card";
  const onSubmit = submit(
    () =>
      collect({
        amount: checkAmount("amount", amount, digits),
        reference: checkNoCardNumber("reference", reference),
        cardBrand: card ? (checkNoCardNumber("cardBrand", cardBrand) ?? checkText("cardBrand", cardBrand, 16)) : null,
        cardLast4: card && !/^\d{4}$/.test(cardLast4.trim()) ? { code: "invalid", key: "errors.validation.invalid", params: { field: "cardLast4" } } : null,
        authCode: card ? (checkNoCardNumber("authCode", authCode) ?? checkText("authCode", authCode, 16)) : null,
      }),
    () => {
      const input = { method, amount: amount.trim(), cardBrand: card ? cardBrand : "", cardLast4: card ? cardLast4.trim() : "", authCode: card ? authCode : "", reference };
      if (mode === "payment") return call(commands.postPayment(folio.id, input));
      if (mode === "refund") return call(commands.refundPayment(folio.id, input));
      if (mode === "deposit") return call(commands.collectDeposit(folio.id, input));
      return call(commands.refundDeposit(folio.id, input));
    },
  );
  return (
    <Modal opened onClose={onClose} title={t(`folios.${mode}.title`, { folio: folio.number })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Select
            label={t("fields.method")}
            data={METHODS.map((m) => ({ value: m, label: t(`folios.methods.${m}`) }))}
            value={method}
            onChange={(v) => v && setMethod(v)}
            allowDeselect={false}
            data-testid="method"
          />
          <TextInput label={t("fields.amount")} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={err("amount")} inputMode="decimal" data-autofocus data-testid="method-amount" />
          {card && (
            <Group grow align="flex-start">
              <TextInput label={t("fields.cardBrand")} value={cardBrand} onChange={(e) => setCardBrand(e.currentTarget.value)} error={err("cardBrand")} data-testid="card-brand" />
              <TextInput label={t("fields.cardLast4")} value={cardLast4} onChange={(e) => setCardLast4(e.currentTarget.value)} error={err("cardLast4")} maxLength={4} inputMode="numeric" data-testid="card-last4" />
              <TextInput label={t("fields.authCode")} value={authCode} onChange={(e) => setAuthCode(e.currentTarget.value)} error={err("authCode")} data-testid="auth-code" />
            </Group>
          )}
          <TextInput label={t("fields.reference")} value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={err("reference")} data-testid="method-reference" />
          {card && (
            <Text size="xs" c="dimmed">
              {t("folios.cardHint")}
            </Text>
          )}
          <Footer busy={busy} failure={failure} onClose={onClose} label={t(`folios.${mode}.submit`)} testId="method-submit" />
        </Stack>
      </form>
    </Modal>
  );
}

export function CorrectDialog({ folio, digits, onClose, onDone, posting, mode }: Common & { posting: PostingView; mode: "void" | "adjust" }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const { errors, failure, busy, submit } = useFolioForm(onDone);
  const err = (field: string) => (errors[field] ? errorText(errors[field]) : undefined);
  const onSubmit = submit(
    () =>
      collect({
        amount: mode === "adjust" ? checkAmount("amount", amount, digits, true) : null,
        reason: checkText("reason", reason, 500),
      }),
    () => (mode === "void" ? call(commands.voidPosting(posting.id, reason.trim())) : call(commands.adjustPosting(posting.id, amount.trim(), reason.trim()))),
  );
  return (
    <Modal opened onClose={onClose} title={t(`folios.${mode}.title`, { folio: folio.number })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm" data-testid="correct-target">
            {posting.businessDate} · {posting.chargeCode ?? t(`folios.kinds.${posting.kind}`)} · <span className="num">{posting.amount}</span>
          </Text>
          {mode === "adjust" && (
            <TextInput
              label={t("fields.adjustment")}
              description={t("folios.adjust.hint")}
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              error={err("amount")}
              inputMode="decimal"
              data-autofocus
              data-testid="adjust-amount"
            />
          )}
          <TextInput label={t("fields.reason")} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={err("reason")} data-autofocus={mode === "void" || undefined} data-testid="correct-reason" />
          <Footer busy={busy} failure={failure} onClose={onClose} label={t(`folios.${mode}.submit`)} testId="correct-submit" />
        </Stack>
      </form>
    </Modal>
  );
}

export function TransferDialog({ folio, onClose, onDone, folios }: Common & { folios: FolioSummary[] }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const targets = folios.filter((f) => f.id !== folio.id && f.state === "open");
  const [target, setTarget] = useState<string | null>(targets[0] ? String(targets[0].id) : null);
  const { errors, failure, busy, submit } = useFolioForm(onDone);
  const onSubmit = submit(
    () => collect({ target: target ? null : { code: "required", key: "errors.validation.required", params: { field: "targetFolio" } } }),
    () => call(commands.transferBalance(folio.id, Number(target))),
  );
  return (
    <Modal opened onClose={onClose} title={t("folios.transfer.title", { folio: folio.number })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t("folios.transfer.what", { amount: folio.totals.balance })}</Text>
          <Select
            label={t("fields.targetFolio")}
            data={targets.map((f) => ({ value: String(f.id), label: `${f.number} ${f.label || f.payerName}`.trim() }))}
            value={target}
            onChange={setTarget}
            error={errors.target ? errorText(errors.target) : undefined}
            data-autofocus
            data-testid="transfer-target"
          />
          <Footer busy={busy} failure={failure} onClose={onClose} label={t("folios.transfer.submit")} testId="transfer-submit" />
        </Stack>
      </form>
    </Modal>
  );
}

export function ApplyDepositDialog({ folio, digits, onClose, onDone }: Common) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { balance, depositHeld } = folio.totals;
  const suggested = isPositive(balance) && isPositive(subtractMoney(depositHeld, balance)) ? balance : depositHeld;
  const [amount, setAmount] = useState(suggested);
  const { errors, failure, busy, submit } = useFolioForm(onDone);
  const onSubmit = submit(
    () => collect({ amount: checkAmount("amount", amount, digits) }),
    () => call(commands.applyDeposit(folio.id, amount.trim())),
  );
  return (
    <Modal opened onClose={onClose} title={t("folios.apply.title", { folio: folio.number })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t("folios.apply.held", { amount: depositHeld })}</Text>
          <TextInput label={t("fields.amount")} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={errors.amount ? errorText(errors.amount) : undefined} data-autofocus data-testid="apply-amount" />
          <Footer busy={busy} failure={failure} onClose={onClose} label={t("folios.apply.submit")} testId="apply-submit" />
        </Stack>
      </form>
    </Modal>
  );
}

export function OpenFolioDialog({ reservationId, digits, onClose, onOpened }: { reservationId: number; digits: number; onClose: () => void; onOpened: (folios: FolioSummary[]) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [label, setLabel] = useState("");
  const [payerName, setPayerName] = useState("");
  const [companyAccount, setCompanyAccount] = useState(false);
  const [creditLimit, setCreditLimit] = useState("");
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [busy, setBusy] = useState(false);
  const err = (field: string) => (errors[field] ? errorText(errors[field]) : undefined);
  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const found = collect({
      payerName: checkNoCardNumber("payerName", payerName),
      creditLimit: creditLimit.trim() === "" ? null : checkAmount("creditLimit", creditLimit, digits),
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      onOpened(await call(commands.openFolio({ reservationId, label, payerName, companyAccount, creditLimit })));
    } catch (thrown) {
      const e = errorOf(thrown);
      setErrors({ [e.params?.field ?? "label"]: e });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened onClose={onClose} title={t("folios.open.title")}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <TextInput label={t("fields.folioLabel")} value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={err("label")} data-autofocus data-testid="open-label" />
          <TextInput label={t("fields.payerName")} value={payerName} onChange={(e) => setPayerName(e.currentTarget.value)} error={err("payerName")} />
          <Checkbox label={t("fields.companyAccount")} checked={companyAccount} onChange={(e) => setCompanyAccount(e.currentTarget.checked)} />
          <TextInput label={t("fields.creditLimit")} value={creditLimit} onChange={(e) => setCreditLimit(e.currentTarget.value)} error={err("creditLimit")} inputMode="decimal" />
          <Footer busy={busy} failure={null} onClose={onClose} label={t("folios.open.submit")} testId="open-submit" />
        </Stack>
      </form>
    </Modal>
  );
}
