// Reports (manager, finance): one year of occupancy and revenue over the days the night audit closed — a row per
// month, the year's total and revenue by charge code. The year starts at the one of the last closed business date.
import { Alert, Group, Loader, Select, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/app-state";
import { call, commands } from "../../ipc/client";
import { formatDate } from "../../shared/dates";
import { useErrorText } from "../../shared/errors";
import { EmptyState } from "../../shared/components/EmptyState";
import { CodeTable } from "./CodeTable";
import { MonthTable } from "./MonthTable";

export const REPORTS_KEY = ["reports"];

/** How many years back the picker offers. */
const YEARS_SHOWN = 10;

/** The year of the last closed business date: the day before the open one ("2027-01-01" → 2026). */
export function lastClosedYear(businessDate: string): number {
  const [year, month, day] = businessDate.split("-").map(Number);
  return month === 1 && day === 1 ? year - 1 : year;
}

export function ReportsArea() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { businessDate } = useSession().property;
  const latest = lastClosedYear(businessDate);
  const [year, setYear] = useState(latest);
  const report = useQuery({ queryKey: [...REPORTS_KEY, "year", year], queryFn: () => call(commands.yearReport(year)) });
  const years = Array.from({ length: YEARS_SHOWN }, (_, i) => String(latest - i));
  const data = report.data;

  return (
    <section aria-labelledby="reports-title">
      <Title order={1} size="h3" id="reports-title" mb="xs">
        {t("reports.title")}
      </Title>
      <Group align="flex-end" mb="md">
        <Select
          label={t("fields.year")}
          data={years}
          value={String(year)}
          onChange={(v) => v && setYear(Number(v))}
          allowDeselect={false}
          w={140}
          data-testid="reports-year"
        />
        {data?.closedThrough && (
          <Text size="sm" c="dimmed" data-testid="reports-through">
            {t("reports.through", { date: formatDate(data.closedThrough, i18n.language) })}
          </Text>
        )}
      </Group>
      <Stack gap="lg" maw={1200}>
        {report.isLoading && <Loader size="sm" />}
        {report.error && (
          <Alert color="red" variant="light" data-testid="reports-error">
            {errorText(report.error)}
          </Alert>
        )}
        {data && data.months.length === 0 && (
          <div data-testid="reports-empty">
            <EmptyState title={t("reports.empty", { year: data.year })} hint={t("reports.emptyHint")} />
          </div>
        )}
        {data && data.months.length > 0 && (
          <>
            <MonthTable report={data} />
            <CodeTable report={data} />
          </>
        )}
      </Stack>
    </section>
  );
}
