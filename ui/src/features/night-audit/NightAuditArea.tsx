// The night audit (manager): the open business date, the pre-check findings to acknowledge, the run with its
// progress, and the closed day's figures and audit report. The core refuses a second run of the same date, also
// from another terminal, and says so here.
import { Alert, Button, Checkbox, Group, Loader, Progress, Stack, Text, Title } from "@mantine/core";
import { Channel } from "@tauri-apps/api/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppState, useSession } from "../../app/app-state";
import type { ApiError, AuditOutcome, AuditProgress } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { formatDate } from "../../shared/dates";
import { errorOf, useErrorText } from "../../shared/errors";
import { AuditResult } from "./AuditResult";
import { Findings } from "./Findings";

export const NIGHT_AUDIT_KEY = ["nightAudit"];

/** The day before an ISO date ("2026-11-23" → "2026-11-22"). */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function percent(p: AuditProgress): number {
  const steps = ["checks", "room_charges", "no_shows", "closing", "done"];
  const at = steps.indexOf(p.step);
  const within = p.total > 0 ? p.done / p.total : 1;
  return Math.round(((at + within) / (steps.length - 1)) * 100);
}

export function NightAuditArea() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const { session, setSession } = useAppState();
  const property = useSession().property;
  const [acknowledged, setAcknowledged] = useState(false);
  const [progress, setProgress] = useState<AuditProgress | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [outcome, setOutcome] = useState<AuditOutcome | null>(null);
  const checks = useQuery({ queryKey: [...NIGHT_AUDIT_KEY, "checks"], queryFn: () => call(commands.nightAuditChecks()) });
  const date = checks.data?.businessDate ?? property.businessDate;
  const last = useQuery({
    queryKey: [...NIGHT_AUDIT_KEY, "summary", dayBefore(date)],
    queryFn: () => call(commands.nightAuditSummary(dayBefore(date))),
    enabled: !outcome,
    retry: false,
  });
  const findings = checks.data
    ? checks.data.arrivals.length + checks.data.departures.length + checks.data.zeroRates.length + checks.data.overLimit.length
    : 0;
  const running = progress !== null;

  async function run() {
    if (!checks.data) return;
    setFailure(null);
    setProgress({ step: "checks", done: 0, total: 1 });
    try {
      const channel = new Channel<AuditProgress>((p) => setProgress(p));
      const done = await call(commands.runNightAudit({ businessDate: checks.data.businessDate, acknowledged }, channel));
      setOutcome(done);
      setAcknowledged(false);
      if (session) setSession({ ...session, property: { ...session.property, businessDate: done.businessDate } });
    } catch (thrown) {
      setFailure(errorOf(thrown));
    } finally {
      setProgress(null);
      // The business date moved: every list, chart and count of the app is of the new day.
      await queryClient.invalidateQueries();
    }
  }

  return (
    <section aria-labelledby="night-audit-title">
      <Title order={1} size="h3" id="night-audit-title" mb="xs">
        {t("nav.night-audit")}
      </Title>
      <Text mb="md" data-testid="night-audit-date">
        {t("nightAudit.businessDate", { date: formatDate(date, i18n.language) })}
      </Text>
      <Stack gap="md" maw={960}>
        {outcome && <AuditResult summary={outcome.summary} nextDate={outcome.businessDate} />}
        {!outcome && last.data && <AuditResult summary={last.data} />}
        {checks.isLoading && <Loader size="sm" />}
        {checks.error && (
          <Alert color="red" variant="light">
            {errorText(checks.error)}
          </Alert>
        )}
        {checks.data && (
          <>
            <Title order={2} size="h4">
              {t("nightAudit.preChecks")}
            </Title>
            <Findings checks={checks.data} />
            {findings > 0 && (
              <Checkbox
                checked={acknowledged}
                onChange={(e) => setAcknowledged(e.currentTarget.checked)}
                label={t("nightAudit.acknowledge", { count: findings })}
                disabled={running}
                data-testid="night-audit-ack"
              />
            )}
            {failure && (
              <Alert color="red" variant="light" data-testid="night-audit-error">
                {errorText(failure)}
              </Alert>
            )}
            {progress && (
              <div data-testid="night-audit-progress">
                <Text size="sm" mb={4}>
                  {t(`nightAudit.step.${progress.step}`, { done: progress.done, total: progress.total })}
                </Text>
                <Progress value={percent(progress)} animated />
              </div>
            )}
            <Group>
              <Button
                onClick={() => void run()}
                loading={running}
                disabled={findings > 0 && !acknowledged}
                data-testid="night-audit-run"
              >
                {t("nightAudit.run", { date: formatDate(checks.data.businessDate, i18n.language) })}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </section>
  );
}
