// The year's months with closed days and the year's total: room nights, occupancy, ADR, RevPAR and revenue.
import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PeriodFigures, YearReport } from "../../ipc/client";
import { Num } from "../../shared/components/Num";
import { formatCount, formatMoney } from "../../shared/money";
import { useSession } from "../../app/app-state";

/** The month's name in the locale (11, "zh-CN" → "十一月"); a fixed date, not today's. */
export function monthName(month: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

function Cells({ figures, money, count }: { figures: PeriodFigures; money: (a: string) => string; count: (n: number) => string }) {
  return (
    <>
      <Table.Td ta="right">
        <Num>{count(figures.days)}</Num>
      </Table.Td>
      <Table.Td ta="right">
        <Num>{count(figures.roomsAvailable)}</Num>
      </Table.Td>
      <Table.Td ta="right">
        <Num>{count(figures.roomsSold)}</Num>
      </Table.Td>
      <Table.Td ta="right">
        <Num>{figures.occupancy} %</Num>
      </Table.Td>
      <Table.Td ta="right">
        <Num>{money(figures.adr)}</Num>
      </Table.Td>
      <Table.Td ta="right">
        <Num>{money(figures.revpar)}</Num>
      </Table.Td>
      <Table.Td ta="right">
        <Num>{money(figures.roomRevenue)}</Num>
      </Table.Td>
      <Table.Td ta="right">
        <Num>{money(figures.otherRevenue)}</Num>
      </Table.Td>
      <Table.Td ta="right">
        <Num>{money(figures.totalRevenue)}</Num>
      </Table.Td>
    </>
  );
}

export function MonthTable({ report }: { report: YearReport }) {
  const { t, i18n } = useTranslation();
  const { currencyDigits } = useSession().property;
  const money = (amount: string) => formatMoney(amount, report.currency, i18n.language, currencyDigits);
  const count = (n: number) => formatCount(n, i18n.language);
  const columns = ["days", "roomsAvailable", "roomsSold", "occupancy", "adr", "revpar", "roomRevenue", "otherRevenue", "totalRevenue"];
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped withTableBorder fz="sm" data-testid="reports-months">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("reports.month")}</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c} ta="right">
                {t(`reports.columns.${c}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.months.map((m) => (
            <Table.Tr key={m.month} data-testid={`reports-month-${m.month}`}>
              <Table.Td>{monthName(m.month, i18n.language)}</Table.Td>
              <Cells figures={m.figures} money={money} count={count} />
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700} data-testid="reports-total">
            <Table.Td>{t("reports.total", { year: report.year })}</Table.Td>
            <Cells figures={report.total} money={money} count={count} />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
