// Cancelling one or several reservations: the policy fee is fetched and shown first, then a reason confirms.
import { Alert, Button, Group, Loader, Modal, Stack, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueries, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError, ReservationView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { formatDate } from "../../shared/dates";
import { errorOf, useErrorText } from "../../shared/errors";
import { addMoney, formatMoney } from "../../shared/money";
import { checkText } from "../../shared/validation";
import { AVAILABILITY_KEY, RESERVATIONS_KEY } from "./queries";

export function CancelDialog({
  reservations,
  currency,
  digits,
  onClose,
}: {
  reservations: ReservationView[];
  currency: string;
  digits: number;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<ApiError | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ReadonlySet<number>>(new Set());
  const fees = useQueries({
    queries: reservations.map((r) => ({
      queryKey: ["cancellationFee", r.id],
      queryFn: () => call(commands.cancellationFee(r.id)),
      staleTime: 0,
    })),
  });
  const feeError = fees.find((f) => f.error)?.error;
  const loaded = fees.every((f) => f.data !== undefined);
  const total = loaded ? addMoney("0", ...fees.map((f) => f.data as string)) : null;
  const money = (amount: string) => formatMoney(amount, currency, i18n.language, digits);
  const single = reservations.length === 1;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = checkText("reason", reason, 500);
    setReasonError(problem);
    if (problem || !loaded) return;
    setBusy(true);
    setFailure(null);
    const cancelled = new Set(done);
    try {
      for (const r of reservations) {
        if (cancelled.has(r.id)) continue;
        try {
          await call(commands.cancelReservation(r.id, reason.trim()));
          cancelled.add(r.id);
        } catch (thrown) {
          const error = errorOf(thrown);
          if (error.params?.field === "reason") setReasonError(error);
          else setFailure(single ? errorText(error) : t("reservations.cancel.failedOne", { booking: r.bookingNo, error: errorText(error) }));
          return;
        }
      }
      notifications.show({ color: "teal", message: t("reservations.cancel.done", { count: cancelled.size }) });
      onClose();
    } finally {
      setDone(cancelled);
      setBusy(false);
      if (cancelled.size > 0) {
        await queryClient.invalidateQueries({ queryKey: RESERVATIONS_KEY });
        await queryClient.invalidateQueries({ queryKey: AVAILABILITY_KEY });
      }
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={single ? t("reservations.cancel.title", { booking: reservations[0]?.bookingNo }) : t("reservations.cancel.titleMany", { count: reservations.length })}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {!single && (
            <Table withTableBorder>
              <Table.Tbody>
                {reservations.map((r, i) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.bookingNo}</Table.Td>
                    <Table.Td>{r.guestName}</Table.Td>
                    <Table.Td className="num">{fees[i]?.data !== undefined ? money(fees[i].data) : "…"}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {single && (
            <Text size="sm">
              {reservations[0].guestName} · {formatDate(reservations[0].arrival, i18n.language)} → {formatDate(reservations[0].departure, i18n.language)}
            </Text>
          )}
          <Group justify="space-between" className="result-slot" align="center">
            <Text fw={600}>{t("reservations.cancel.fee")}</Text>
            {total !== null ? (
              <Text fw={700} className="num" data-testid="cancel-fee">
                {money(total)}
              </Text>
            ) : feeError ? null : (
              <Loader size="xs" aria-label={t("reservations.cancel.feeLoading")} />
            )}
          </Group>
          {feeError && <Alert color="red" variant="light">{errorText(feeError)}</Alert>}
          <TextInput
            label={t("fields.reason")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonError ? errorText(reasonError) : undefined}
            data-autofocus
            data-testid="cancel-reason"
          />
          {failure && <Alert color="red" variant="light">{failure}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("reservations.cancel.keep")}
            </Button>
            <Button type="submit" color="red" loading={busy} disabled={!loaded} data-testid="cancel-confirm">
              {single ? t("reservations.cancel.confirm") : t("reservations.cancel.confirmMany", { count: reservations.length })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
