// The night audit's pre-check findings, grouped, each naming the booking, guest and room so the desk can act
// on it before closing the day.
import { Badge, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AuditChecks, Finding } from "../../ipc/client";
import { useSession } from "../../app/app-state";
import { formatDate } from "../../shared/dates";
import { formatMoney } from "../../shared/money";

type Group = "arrivals" | "departures" | "zeroRates" | "overLimit";

function Rows({ rows, extra }: { rows: Finding[]; extra?: (i: number) => string }) {
  const { t, i18n } = useTranslation();
  return (
    <Table striped withTableBorder fz="sm" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("nightAudit.booking")}</Table.Th>
          <Table.Th>{t("nightAudit.guest")}</Table.Th>
          <Table.Th>{t("nightAudit.room")}</Table.Th>
          <Table.Th>{t("nightAudit.stay")}</Table.Th>
          {extra && <Table.Th>{t("nightAudit.balance")}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((f, i) => (
          <Table.Tr key={`${f.reservationId}-${i}`}>
            <Table.Td>{f.bookingNo}</Table.Td>
            <Table.Td>{f.guest}</Table.Td>
            <Table.Td>{f.room || t("nightAudit.noRoom")}</Table.Td>
            <Table.Td>
              {formatDate(f.arrival, i18n.language)} – {formatDate(f.departure, i18n.language)}
            </Table.Td>
            {extra && <Table.Td>{extra(i)}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function Findings({ checks }: { checks: AuditChecks }) {
  const { t, i18n } = useTranslation();
  const { currency, currencyDigits } = useSession().property;
  const money = (amount: string) => formatMoney(amount, currency, i18n.language, currencyDigits);
  const groups: [Group, Finding[]][] = [
    ["arrivals", checks.arrivals],
    ["departures", checks.departures],
    ["zeroRates", checks.zeroRates],
    ["overLimit", checks.overLimit.map((o) => o.finding)],
  ];
  const found = groups.filter(([, rows]) => rows.length > 0);
  if (found.length === 0) {
    return (
      <Text c="teal" data-testid="night-audit-clean">
        {t("nightAudit.noFindings")}
      </Text>
    );
  }
  return (
    <Stack gap="md" data-testid="night-audit-findings">
      {found.map(([group, rows]) => (
        <section key={group} data-testid={`night-audit-${group}`}>
          <Group gap="xs" mb={4}>
            <Title order={2} size="h5">
              {t(`nightAudit.findings.${group}`)}
            </Title>
            <Badge color="orange" variant="light">
              {rows.length}
            </Badge>
          </Group>
          <Rows
            rows={rows}
            extra={
              group === "overLimit"
                ? (i) => t("nightAudit.overLimit", { balance: money(checks.overLimit[i].balance), limit: money(checks.overLimit[i].limit) })
                : undefined
            }
          />
        </section>
      ))}
    </Stack>
  );
}
