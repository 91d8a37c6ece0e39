// The out-box: every e-mail Innkeep queued, with its status, attempts, next try and last error;
// "retry now" and "cancel" for messages still waiting or failed.
import { Alert, Badge, Button, Group, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppState } from "../../app/app-state";
import type { MailMessageView, MailStatus } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { EmptyState } from "../../shared/components/EmptyState";
import { formatBytes, formatTimestamp } from "../../shared/dates";
import { useErrorText } from "../../shared/errors";
import { MAIL_STATUS_COLOR, isWaiting } from "./mailStatus";
import classes from "./outbox.module.css";
import { OUTBOX_KEY, OUTBOX_REFRESH_MS } from "./queries";

type Shown = "all" | MailStatus;
const FILTERS: Shown[] = ["all", "queued", "failed", "sent", "cancelled"];

export function OutboxTab() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const { session, can } = useAppState();
  const [shown, setShown] = useState<Shown>("all");
  const [busy, setBusy] = useState<number | null>(null);
  const filter = { status: shown === "all" ? null : shown };
  const query = useQuery({
    queryKey: [...OUTBOX_KEY, filter],
    queryFn: () => call(commands.listOutbox(filter)),
    placeholderData: keepPreviousData,
    refetchInterval: OUTBOX_REFRESH_MS,
  });
  const zone = session?.property.timeZone;
  const when = (at: string | null) => (at ? formatTimestamp(at, i18n.language, zone) : "–");

  async function act(message: MailMessageView, action: "retry" | "cancel") {
    setBusy(message.id);
    try {
      if (action === "retry") await call(commands.retryMailMessage(message.id));
      else await call(commands.cancelMailMessage(message.id));
      notifications.show({ color: "teal", message: t(action === "retry" ? "mail.outbox.retried" : "mail.outbox.cancelled", { subject: message.subject }) });
    } catch (thrown) {
      notifications.show({ color: "red", message: errorText(thrown) });
    } finally {
      setBusy(null);
      await queryClient.invalidateQueries({ queryKey: OUTBOX_KEY });
    }
  }

  if (query.error) return <Alert color="red" variant="light">{errorText(query.error)}</Alert>;
  const messages = query.data?.messages ?? [];

  return (
    <Stack gap="sm">
      {query.data && !query.data.smtpConfigured && (
        <Alert color="yellow" variant="light" py={6} data-testid="outbox-not-configured">
          {can("settings.manage") ? t("mail.outbox.notConfiguredAdmin") : t("mail.outbox.notConfigured")}
        </Alert>
      )}
      <Group justify="space-between">
        <SegmentedControl
          size="xs"
          value={shown}
          onChange={(v) => setShown(v as Shown)}
          data={FILTERS.map((f) => ({ value: f, label: f === "all" ? t("mail.outbox.all") : t(`mail.statuses.${f}`) }))}
          data-testid="outbox-filter"
        />
        <Button size="xs" variant="default" onClick={() => void query.refetch()} loading={query.isFetching}>
          {t("mail.outbox.refresh")}
        </Button>
      </Group>
      <Table withTableBorder data-testid="outbox-list" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th className={classes.status}>{t("mail.outbox.status")}</Table.Th>
            <Table.Th>{t("mail.outbox.to")}</Table.Th>
            <Table.Th className={classes.subject}>{t("mail.outbox.subject")}</Table.Th>
            <Table.Th className="num">{t("mail.outbox.attempts")}</Table.Th>
            <Table.Th>{t("mail.outbox.nextAttempt")}</Table.Th>
            <Table.Th>{t("mail.outbox.lastError")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {messages.map((m) => (
            <Table.Tr key={m.id} data-testid={`outbox-row-${m.id}`}>
              <Table.Td className={classes.status}>
                <Badge size="sm" variant="light" color={MAIL_STATUS_COLOR[m.status]}>
                  {t(`mail.statuses.${m.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" title={m.cc ? `${m.to}; cc ${m.cc}` : m.to} truncate maw={170}>
                  {m.to}
                </Text>
              </Table.Td>
              <Table.Td className={classes.subject}>
                <Text size="sm">{m.subject}</Text>
                <Text size="xs" c="dimmed">
                  {when(m.createdAt)} · {t("mail.outbox.queuedBy", { user: m.queuedBy })}
                </Text>
                {m.attachments.map((a) => (
                  <Text key={a.fileName} size="xs" c="dimmed">
                    {a.fileName} · {formatBytes(a.sizeBytes, i18n.language)}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td className="num">{m.attempts}</Table.Td>
              <Table.Td className={`num ${classes.nowrap}`}>{m.status === "sent" ? when(m.sentAt) : when(m.nextAttemptAt)}</Table.Td>
              <Table.Td>
                {m.lastErrorKind && (
                  <>
                    <Text size="sm" c={m.status === "failed" ? "red" : undefined}>
                      {t(`mail.errorKinds.${m.lastErrorKind}`, { defaultValue: t("mail.errorKinds.other") })}
                    </Text>
                    <Text size="xs" c="dimmed" title={m.lastError} lineClamp={2} maw={220}>
                      {m.lastError}
                    </Text>
                  </>
                )}
              </Table.Td>
              <Table.Td>
                {isWaiting(m.status) && (
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="default" loading={busy === m.id} onClick={() => void act(m, "retry")}>
                      {t("mail.outbox.retry")}
                    </Button>
                    <Button size="compact-xs" variant="subtle" color="red" disabled={busy === m.id} onClick={() => void act(m, "cancel")}>
                      {t("mail.outbox.cancel")}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {query.data && messages.length === 0 && (
        <EmptyState title={shown === "all" ? t("mail.outbox.empty") : t("mail.outbox.emptyFiltered")} hint={shown === "all" ? t("mail.outbox.emptyHint") : undefined} />
      )}
    </Stack>
  );
}
