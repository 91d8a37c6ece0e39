// Check-out: the stay's open folios with what is due after the deposit (押金) is applied, how each is paid,
// how the rest of the deposit goes back, and the invoice (发票 title and taxpayer ID) — settled in one step.
import { Alert, Button, Checkbox, Group, Loader, Modal, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useAppState, useSession } from "../../app/app-state";
import type { ApiError, CheckedOut, FolioSummary, ReservationView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { Num } from "../../shared/components/Num";
import { errorOf, useErrorText } from "../../shared/errors";
import { addMoney, compareMoney, formatMoney, negateMoney } from "../../shared/money";
import { METHODS, useReservationFolios } from "../folios/queries";

/** What remains to pay on a folio once the deposit is applied, and what of the deposit goes back. */
export function dueAfterDeposit(f: FolioSummary, apply: boolean, extra: string): { due: string; refund: string } {
  const balance = addMoney(f.totals.balance, extra);
  const held = f.totals.depositHeld;
  if (!apply || compareMoney(balance, "0") <= 0) return { due: balance, refund: held };
  const applied = compareMoney(held, balance) < 0 ? held : balance;
  return { due: addMoney(balance, negateMoney(applied)), refund: addMoney(held, negateMoney(applied)) };
}

export function CheckOutDialog({
  reservation,
  onClose,
  onDone,
  onChangeDeparture,
}: {
  reservation: ReservationView;
  onClose: () => void;
  onDone: (done: CheckedOut) => void;
  /** An early check-out: change the departure first (the early-departure fee is set there). */
  onChangeDeparture: () => void;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { can } = useAppState();
  const { currency, currencyDigits } = useSession().property;
  const folios = useReservationFolios(reservation.id);
  const quote = useQuery({
    queryKey: ["checkOutQuote", reservation.id],
    queryFn: () => call(commands.checkOutQuote(reservation.id)),
    staleTime: 0,
  });
  const [applyDeposit, setApplyDeposit] = useState(true);
  const [refundMethod, setRefundMethod] = useState("cash");
  const [methods, setMethods] = useState<Record<number, string>>({});
  const [invoice, setInvoice] = useState(can("invoices.issue"));
  const [buyerName, setBuyerName] = useState(reservation.guestName);
  const [taxpayerId, setTaxpayerId] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const money = (amount: string) => formatMoney(amount, currency, i18n.language, currencyDigits);

  const open = (folios.data ?? []).filter((f) => f.state === "open");
  const tonight = quote.data?.tonight ?? null;
  const rows = open.map((f, i) => ({ folio: f, ...dueAfterDeposit(f, applyDeposit, i === 0 && tonight ? tonight : "0") }));
  const anyRefund = rows.some((r) => compareMoney(r.refund, "0") !== 0);
  const methodOf = (folioId: number) => methods[folioId] ?? "wechat_pay";

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const done = await call(
        commands.checkOut({
          reservationId: reservation.id,
          applyDeposit,
          depositRefundMethod: anyRefund ? refundMethod : null,
          settlements: open.map((f) => ({ folioId: f.id, method: methodOf(f.id), cardBrand: "", cardLast4: "", authCode: "", reference: "" })),
          invoice: invoice ? { name: buyerName, taxpayerId } : null,
        }),
      );
      onDone(done);
    } catch (thrown) {
      setError(errorOf(thrown));
    } finally {
      setBusy(false);
    }
  }

  const loading = !folios.data || !quote.data;
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t("frontDesk.checkOutTitle", { booking: reservation.bookingNo, guest: reservation.guestName, room: reservation.roomNumber ?? "" })}
    >
      {loading ? (
        <Loader size="sm" aria-label={t("folios.loading")} />
      ) : (
        <form onSubmit={submit} noValidate data-testid="check-out-form">
          <Stack gap="sm">
            {quote.data?.early && (
              <Alert color="orange" data-testid="check-out-early">
                <Group justify="space-between">
                  {t("frontDesk.earlyHint", { departure: reservation.departure })}
                  <Button size="xs" color="orange" onClick={onChangeDeparture} data-testid="check-out-change-departure">
                    {t("stays.departure.action")}
                  </Button>
                </Group>
              </Alert>
            )}
            {tonight && (
              <Text size="sm" data-testid="check-out-tonight">
                {t("frontDesk.tonightCharge", { amount: money(tonight) })}
              </Text>
            )}
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("frontDesk.columns.folio")}</Table.Th>
                  <Table.Th ta="right">{t("folios.totals.charges")}</Table.Th>
                  <Table.Th ta="right">{t("folios.totals.depositHeld")}</Table.Th>
                  <Table.Th ta="right">{t("frontDesk.due")}</Table.Th>
                  <Table.Th>{t("fields.method")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map(({ folio: f, due }) => (
                  <Table.Tr key={f.id} data-testid={`check-out-folio-${f.number}`}>
                    <Table.Td>
                      {f.number}
                      {(f.label || f.payerName) && ` · ${f.label || f.payerName}`}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Num>{money(f.totals.charges)}</Num>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Num>{money(f.totals.depositHeld)}</Num>
                    </Table.Td>
                    <Table.Td ta="right" data-testid={`check-out-due-${f.number}`}>
                      <Num>{money(due)}</Num>
                    </Table.Td>
                    <Table.Td>
                      {compareMoney(due, "0") !== 0 ? (
                        <Select
                          size="xs"
                          aria-label={t("fields.method")}
                          data={METHODS.map((m) => ({ value: m, label: t(`folios.methods.${m}`) }))}
                          value={methodOf(f.id)}
                          onChange={(v) => setMethods({ ...methods, [f.id]: v ?? "cash" })}
                          allowDeselect={false}
                          data-testid={`check-out-method-${f.number}`}
                        />
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t("frontDesk.settled")}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {rows.some((r) => compareMoney(r.folio.totals.depositHeld, "0") !== 0) && (
              <Group gap="sm" align="flex-end">
                <Checkbox
                  label={t("frontDesk.applyDeposit")}
                  checked={applyDeposit}
                  onChange={(e) => setApplyDeposit(e.currentTarget.checked)}
                  data-testid="check-out-apply-deposit"
                />
                {anyRefund && (
                  <Select
                    label={t("frontDesk.refundDeposit", { amount: money(addMoney(...rows.map((r) => r.refund))) })}
                    data={METHODS.map((m) => ({ value: m, label: t(`folios.methods.${m}`) }))}
                    value={refundMethod}
                    onChange={(v) => setRefundMethod(v ?? "cash")}
                    allowDeselect={false}
                    data-testid="check-out-refund-method"
                  />
                )}
              </Group>
            )}
            {can("invoices.issue") && (
              <Stack gap={4}>
                <Checkbox
                  label={t("frontDesk.issueInvoice")}
                  checked={invoice}
                  onChange={(e) => setInvoice(e.currentTarget.checked)}
                  data-testid="check-out-invoice"
                />
                {invoice && (
                  <Group gap="sm" grow>
                    <TextInput
                      label={t("fields.buyerName")}
                      value={buyerName}
                      onChange={(e) => setBuyerName(e.currentTarget.value)}
                      data-testid="check-out-buyer"
                    />
                    <TextInput
                      label={t("fields.taxpayerId")}
                      description={t("frontDesk.taxpayerHint")}
                      inputWrapperOrder={["label", "input", "description", "error"]}
                      value={taxpayerId}
                      onChange={(e) => setTaxpayerId(e.currentTarget.value)}
                      data-testid="check-out-taxpayer"
                    />
                  </Group>
                )}
              </Stack>
            )}
            {error && (
              <Alert color="red" data-testid="check-out-error">
                {errorText(error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={busy} data-autofocus data-testid="check-out-save">
                {t("frontDesk.checkOut")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
