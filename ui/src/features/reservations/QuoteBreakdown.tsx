// The price of the booking before it is saved: per room and night (price, discount, amount), tax and total.
import { Alert, Group, Loader, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Quote } from "../../ipc/client";
import { formatDate } from "../../shared/dates";
import { addMoney, formatMoney } from "../../shared/money";
import classes from "./reservations.module.css";

export function QuoteBreakdown({
  quotes,
  roomLabels,
  loading,
  error,
  hint,
  currency,
  digits,
}: {
  quotes: Quote[] | undefined;
  roomLabels: string[];
  loading: boolean;
  error: string | null;
  /** What is still missing before a price can be shown. */
  hint: string | null;
  currency: string;
  digits: number;
}) {
  const { t, i18n } = useTranslation();
  const money = (amount: string) => formatMoney(amount, currency, i18n.language, digits);
  const list = quotes ?? [];
  const sum = (pick: (q: Quote) => string) => addMoney("0", ...list.map(pick));

  return (
    <section className={classes.quote} aria-label={t("reservations.quote.title")} aria-busy={loading}>
      <Group justify="space-between" mb={4}>
        <Text fw={600}>{t("reservations.quote.title")}</Text>
        {loading && <Loader size="xs" aria-label={t("reservations.quote.loading")} />}
      </Group>
      {error && (
        <Alert color="red" variant="light" mb="xs" data-testid="booking-quote-error">
          {error}
        </Alert>
      )}
      {!error && hint && list.length === 0 && (
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      )}
      {list.map((quote, index) => (
        <div key={index}>
          <Text size="sm" fw={500} mt={index > 0 ? "xs" : 0}>
            {roomLabels[index] ?? t("reservations.booking.room", { number: index + 1 })}
          </Text>
          <Table data-testid={`booking-quote-room-${index}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("reservations.quote.night")}</Table.Th>
                <Table.Th className="num">{t("reservations.quote.price")}</Table.Th>
                <Table.Th className="num">{t("reservations.quote.discount")}</Table.Th>
                <Table.Th className="num">{t("reservations.quote.amount")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {quote.nights.map((night) => (
                <Table.Tr key={night.night}>
                  <Table.Td className="nowrap">{formatDate(night.night, i18n.language)}</Table.Td>
                  <Table.Td className="num">{money(night.price)}</Table.Td>
                  <Table.Td className="num">{money(night.discount)}</Table.Td>
                  <Table.Td className="num">{money(night.amount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ))}
      {list.length > 0 && (
        <div className={classes.totals}>
          {list.some((q) => q.promotion) && (
            <>
              <span>{t("fields.promotion")}</span>
              <span className="num">{list.find((q) => q.promotion)?.promotion}</span>
            </>
          )}
          <span>{t("reservations.quote.discountTotal")}</span>
          <span className="num">{money(sum((q) => q.discountTotal))}</span>
          <span>{t("reservations.quote.taxTotal")}</span>
          <span className="num" data-testid="booking-quote-tax">
            {money(sum((q) => q.taxTotal))}
          </span>
          <span className={classes.grandTotal}>{t("fields.total")}</span>
          <span className={`num ${classes.grandTotal}`} data-testid="booking-quote-total">
            {money(sum((q) => q.total))}
          </span>
        </div>
      )}
    </section>
  );
}
