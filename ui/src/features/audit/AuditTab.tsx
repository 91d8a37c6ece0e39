// The audit trail: who did what and when, filtered by user, action and date range, a page at a time.
import { Alert, Group, Pagination, Select, Table, Text, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppState } from "../../app/app-state";
import type { AuditFilter } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { EmptyState } from "../../shared/components/EmptyState";
import { formatTimestamp } from "../../shared/dates";
import { useErrorText } from "../../shared/errors";

export const AUDIT_PAGE_SIZE = 50;

export function AuditTab() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { can, session } = useAppState();
  const [filter, setFilter] = useState<AuditFilter>({ userId: null, action: null, from: null, to: null, offset: 0, limit: AUDIT_PAGE_SIZE });
  const page = useQuery({
    queryKey: ["audit", filter],
    queryFn: () => call(commands.listAudit(filter)),
    placeholderData: keepPreviousData,
  });
  const users = useQuery({ queryKey: ["users"], queryFn: () => call(commands.listUsers()), enabled: can("users.view") });
  const refine = (change: Partial<AuditFilter>) => setFilter((f) => ({ ...f, ...change, offset: 0 }));
  const total = page.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const entries = page.data?.entries ?? [];
  const filtered = filter.userId !== null || filter.action !== null || filter.from !== null || filter.to !== null;

  return (
    <div>
      <Group gap="sm" mb="sm" align="flex-end">
        <Select
          label={t("audit.user")}
          placeholder={t("audit.anyUser")}
          data={(users.data ?? []).map((u) => ({ value: String(u.id), label: `${u.displayName} (${u.username})` }))}
          value={filter.userId === null ? null : String(filter.userId)}
          onChange={(v) => refine({ userId: v === null ? null : Number(v) })}
          allowDeselect
          clearable
          searchable
          disabled={!can("users.view")}
          w={220}
        />
        <Select
          label={t("audit.action")}
          placeholder={t("audit.anyAction")}
          data={page.data?.actions ?? []}
          value={filter.action}
          onChange={(v) => refine({ action: v })}
          allowDeselect
          clearable
          searchable
          w={220}
        />
        <TextInput type="date" label={t("audit.from")} value={filter.from ?? ""} onChange={(e) => refine({ from: e.currentTarget.value || null })} w={160} />
        <TextInput type="date" label={t("audit.to")} value={filter.to ?? ""} onChange={(e) => refine({ to: e.currentTarget.value || null })} w={160} />
      </Group>
      {page.error && <Alert color="red" variant="light" mb="sm">{errorText(page.error)}</Alert>}
      <Table withTableBorder data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>{t("audit.at")}</Table.Th>
            <Table.Th w={120}>{t("audit.user")}</Table.Th>
            <Table.Th w={160}>{t("audit.action")}</Table.Th>
            <Table.Th w={160}>{t("audit.entity")}</Table.Th>
            <Table.Th>{t("audit.summary")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry, index) => (
            <Table.Tr key={entry.id ?? `row-${index}`}>
              <Table.Td className="num">{formatTimestamp(entry.at, i18n.language, session?.property.timeZone)}</Table.Td>
              <Table.Td>{entry.username}</Table.Td>
              <Table.Td>
                <code>{entry.action}</code>
              </Table.Td>
              <Table.Td>
                {entry.entity}
                {entry.entityId && ` #${entry.entityId}`}
              </Table.Td>
              <Table.Td>{entry.summary}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {page.data && entries.length === 0 && (
        <EmptyState title={t("audit.empty")} hint={filtered ? t("audit.emptyFiltered") : t("audit.emptyHint")} />
      )}
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed">
          {t("audit.total", { count: total })}
        </Text>
        <Pagination
          size="sm"
          total={pages}
          value={Math.floor(filter.offset / AUDIT_PAGE_SIZE) + 1}
          onChange={(n) => setFilter((f) => ({ ...f, offset: (n - 1) * AUDIT_PAGE_SIZE }))}
        />
      </Group>
    </div>
  );
}
