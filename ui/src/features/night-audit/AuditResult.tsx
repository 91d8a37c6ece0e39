// What a finished night audit shows: the closed date and the new business date, the day's key figures and the
// audit report, previewed like every other document.
import { Alert, Button, Group, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/app-state";
import type { AuditSummary } from "../../ipc/client";
import { formatDate } from "../../shared/dates";
import { formatMoney } from "../../shared/money";
import { DocumentPreview } from "../documents";

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

export function AuditResult({ summary, nextDate }: { summary: AuditSummary; nextDate?: string }) {
  const { t, i18n } = useTranslation();
  const { currencyDigits } = useSession().property;
  const [preview, setPreview] = useState(false);
  const money = (amount: string) => formatMoney(amount, summary.currency, i18n.language, currencyDigits);
  const closed = formatDate(summary.businessDate, i18n.language);
  return (
    <Alert color="teal" variant="light" data-testid="night-audit-result" title={nextDate ? t("nightAudit.done", { closed, next: formatDate(nextDate, i18n.language) }) : t("nightAudit.lastClosed", { closed })}>
      <Group gap="xl" my="sm">
        <Figure label={t("nightAudit.occupancy")} value={`${summary.occupancy} %`} testId="night-audit-occupancy" />
        <Figure label={t("nightAudit.adr")} value={money(summary.adr)} />
        <Figure label={t("nightAudit.revpar")} value={money(summary.revpar)} />
        <Figure label={t("nightAudit.roomCharges")} value={String(summary.roomCharges)} testId="night-audit-room-charges" />
        <Figure label={t("nightAudit.noShows")} value={String(summary.noShows.length)} />
        <Figure label={t("nightAudit.revenue")} value={money(summary.revenueTotal)} />
      </Group>
      <Group>
        <Button size="xs" variant="default" onClick={() => setPreview(true)} data-testid="night-audit-report">
          {t("nightAudit.report")}
        </Button>
      </Group>
      {preview && (
        <DocumentPreview
          document={{ kind: "audit_report", businessDate: summary.businessDate }}
          title={t("documents.auditReport.title", { date: closed })}
          onClose={() => setPreview(false)}
        />
      )}
    </Alert>
  );
}
