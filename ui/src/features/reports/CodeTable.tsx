// The year's revenue by charge code, tax included, with the tax it contains.
import { Table, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/app-state";
import type { YearReport } from "../../ipc/client";
import { Num } from "../../shared/components/Num";
import { formatMoney } from "../../shared/money";

export function CodeTable({ report }: { report: YearReport }) {
  const { t, i18n } = useTranslation();
  const { currencyDigits } = useSession().property;
  const money = (amount: string) => formatMoney(amount, report.currency, i18n.language, currencyDigits);
  const zh = i18n.language.startsWith("zh");
  return (
    <section aria-labelledby="reports-codes-title">
      <Title order={2} size="h4" id="reports-codes-title" mb="xs">
        {t("reports.byCode")}
      </Title>
      <Table striped withTableBorder fz="sm" maw={640} data-testid="reports-codes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("reports.code")}</Table.Th>
            <Table.Th ta="right">{t("reports.amount")}</Table.Th>
            <Table.Th ta="right">{t("reports.tax")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.total.revenue.map((c) => (
            <Table.Tr key={c.code} data-testid={`reports-code-${c.code}`}>
              <Table.Td>
                {(zh ? c.nameZh : c.nameEn) || c.code} <span className="num">({c.code})</span>
              </Table.Td>
              <Table.Td ta="right">
                <Num>{money(c.amount)}</Num>
              </Table.Td>
              <Table.Td ta="right">
                <Num>{money(c.tax)}</Num>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Td>{t("reports.totalRevenue")}</Table.Td>
            <Table.Td ta="right">
              <Num>{money(report.total.totalRevenue)}</Num>
            </Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </section>
  );
}
