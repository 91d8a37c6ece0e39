// A new departure for a guest in the house: Rust's quote (nights added and released, the stay before and
// after, the difference) shows before saving; a shorter stay may carry an early-departure fee.
import { Alert, Button, Checkbox, Group, Loader, Modal, Stack, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError, ReservationView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { formatDate } from "../../shared/dates";
import { clientError, errorOf, useErrorText } from "../../shared/errors";
import { formatMoney, isDecimal } from "../../shared/money";
import { isDate } from "../reservations/queries";
import { fieldOf, refreshAfterStayChange } from "./queries";

const FIELDS = ["departure", "earlyDepartureFee", "reason"] as const;

export function ChangeDepartureDialog({
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
  const [departure, setDeparture] = useState(reservation.departure);
  const [fee, setFee] = useState("");
  const [reason, setReason] = useState("");
  const [overbook, setOverbook] = useState(false);
  const [askOverbook, setAskOverbook] = useState(false);
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const changed = isDate(departure) && departure !== reservation.departure;
  const quote = useQuery({
    queryKey: ["departureQuote", reservation.id, departure],
    queryFn: () => call(commands.quoteDepartureChange(reservation.id, departure)),
    enabled: changed,
    staleTime: 0,
    retry: false,
  });
  const money = (amount: string) => formatMoney(amount, currency, i18n.language, digits);
  const dates = (days: string[]) => days.map((d) => formatDate(d, i18n.language)).join(t("common.listSeparator"));
  const early = quote.data?.early ?? false;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, ApiError> = {};
    if (!changed) found.departure = clientError("errors.validation.invalid", { field: "departure" });
    if (early && fee.trim() !== "" && !isDecimal(fee.trim())) {
      found.earlyDepartureFee = clientError("errors.validation.invalid", { field: "earlyDepartureFee" });
    }
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0 || !quote.data) return;
    setBusy(true);
    try {
      const saved = await call(
        commands.changeDeparture({
          reservationId: reservation.id,
          departure,
          earlyDepartureFee: early ? fee.trim() : "",
          reason: reason.trim(),
          confirmOverbooking: overbook,
        }),
      );
      notifications.show({ color: "teal", message: t("stays.departure.done", { booking: saved.bookingNo, date: formatDate(saved.departure, i18n.language) }) });
      await refreshAfterStayChange(queryClient);
      onClose();
    } catch (thrown) {
      const error = errorOf(thrown);
      if (error.code === "overbook_not_confirmed") setAskOverbook(true);
      const field = fieldOf(error, FIELDS);
      if (field) setErrors({ [field]: error });
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const quoteError = quote.error ? errorOf(quote.error) : null;
  return (
    <Modal opened onClose={onClose} title={t("stays.departure.title", { booking: reservation.bookingNo })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {reservation.guestName} · {reservation.roomNumber ?? "–"} · {t("stays.departure.current", { date: formatDate(reservation.departure, i18n.language) })}
          </Text>
          <TextInput
            type="date"
            label={t("stays.departure.newDeparture")}
            value={departure}
            onChange={(e) => setDeparture(e.currentTarget.value)}
            error={errors.departure ? errorText(errors.departure) : quoteError ? errorText(quoteError) : undefined}
            data-autofocus
            data-testid="departure-date"
          />
          <div className="result-slot">
            {changed && quote.isFetching && <Loader size="xs" />}
            {changed && quote.data && (
              <Table withTableBorder data-testid="departure-quote">
                <Table.Tbody>
                  {quote.data.added.length > 0 && (
                    <Table.Tr>
                      <Table.Td>{t("stays.departure.added")}</Table.Td>
                      <Table.Td>{dates(quote.data.added)}</Table.Td>
                    </Table.Tr>
                  )}
                  {quote.data.removed.length > 0 && (
                    <Table.Tr>
                      <Table.Td>{t("stays.departure.removed")}</Table.Td>
                      <Table.Td>{dates(quote.data.removed)}</Table.Td>
                    </Table.Tr>
                  )}
                  <Table.Tr>
                    <Table.Td>{t("stays.departure.before")}</Table.Td>
                    <Table.Td className="num">{money(quote.data.before.total)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Td>{t("stays.departure.after")}</Table.Td>
                    <Table.Td className="num" data-testid="departure-after">
                      {money(quote.data.after.total)}
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Td fw={600}>{t("stays.departure.difference")}</Table.Td>
                    <Table.Td className="num" fw={700} data-testid="departure-difference">
                      {money(quote.data.difference)}
                    </Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            )}
          </div>
          {early && (
            <TextInput
              label={t("stays.departure.fee")}
              description={t("stays.departure.feeHint")}
              value={fee}
              onChange={(e) => setFee(e.currentTarget.value)}
              error={errors.earlyDepartureFee ? errorText(errors.earlyDepartureFee) : undefined}
              inputMode="decimal"
              data-testid="departure-fee"
            />
          )}
          <TextInput
            label={t("stays.departure.reason")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason ? errorText(errors.reason) : undefined}
            data-testid="departure-reason"
          />
          {askOverbook && (
            <Checkbox
              label={t("stays.departure.overbook")}
              checked={overbook}
              onChange={(e) => setOverbook(e.currentTarget.checked)}
              data-testid="departure-overbook"
            />
          )}
          {failure && (
            <Alert color="red" variant="light" data-testid="departure-error">
              {errorText(failure)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy} disabled={!quote.data || !changed} data-testid="departure-save">
              {t("stays.departure.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
