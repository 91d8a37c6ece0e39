// A late check-out fee for a guest in the house: the amount agreed at the desk, posted with charge code
// LATECO on the reservation's folio (or where LATECO is routed).
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError, ReservationView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { clientError, errorOf, useErrorText } from "../../shared/errors";
import { formatMoney, isDecimal } from "../../shared/money";
import { fieldOf, refreshAfterStayChange } from "./queries";

const FIELDS = ["amount", "description"] as const;

export function LateCheckOutDialog({
  reservation,
  currency,
  digits,
  onClose,
}: {
  reservation: ReservationView;
  currency: string;
  digits: number;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState("");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = amount.trim();
    const found: Record<string, ApiError> = {};
    if (text === "") found.amount = clientError("errors.validation.required", { field: "amount" });
    else if (!isDecimal(text) || !/[1-9]/.test(text) || text.startsWith("-")) {
      found.amount = clientError("errors.validation.invalid", { field: "amount" });
    }
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const posted = await call(commands.postLateCheckOutFee({ reservationId: reservation.id, amount: text, description: description.trim() }));
      notifications.show({
        color: "teal",
        message: t("stays.late.done", { amount: formatMoney(posted.amount, currency, i18n.language, digits), folio: posted.folioNumber }),
      });
      await refreshAfterStayChange(queryClient);
      onClose();
    } catch (thrown) {
      const error = errorOf(thrown);
      const field = fieldOf(error, FIELDS);
      if (field) setErrors({ [field]: error });
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t("stays.late.title", { booking: reservation.bookingNo })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {reservation.guestName} · {reservation.roomNumber ?? "–"}
          </Text>
          <TextInput
            label={t("stays.late.amount")}
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={errors.amount ? errorText(errors.amount) : undefined}
            inputMode="decimal"
            data-autofocus
            data-testid="late-amount"
          />
          <TextInput
            label={t("stays.late.description")}
            placeholder={t("stays.late.descriptionPlaceholder")}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description ? errorText(errors.description) : undefined}
            data-testid="late-description"
          />
          {failure && (
            <Alert color="red" variant="light" data-testid="late-error">
              {errorText(failure)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy} data-testid="late-save">
              {t("stays.late.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
