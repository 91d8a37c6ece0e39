// Backups of the embedded database: list, back up now (with progress), schedule, restore after confirming.
// A PostgreSQL server is backed up on the server (pg_dump), so the tab only explains that.
import { Alert, Badge, Button, Code, Group, Modal, NumberInput, Progress, Stack, Switch, Table, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Channel } from "@tauri-apps/api/core";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useAppState } from "../../app/app-state";
import type { ApiError, BackupOverview, BackupProgress, BackupSchedule } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { EmptyState } from "../../shared/components/EmptyState";
import { formatBytes, formatTimestamp } from "../../shared/dates";
import { clientError, errorField, errorOf, useErrorText } from "../../shared/errors";
import { onBackupRequest, takeBackupRequest } from "./backup-request";

const OVERVIEW_KEY = ["backupOverview"];

export function BackupsTab() {
  const errorText = useErrorText();
  const query = useQuery({ queryKey: OVERVIEW_KEY, queryFn: () => call(commands.backupOverview()) });
  if (query.error) return <Alert color="red" variant="light">{errorText(query.error)}</Alert>;
  if (!query.data) return <div className="result-slot" aria-busy="true" />;
  if (query.data.backend === "postgres") return <PostgresNote />;
  return <EmbeddedBackups overview={query.data} />;
}

function PostgresNote() {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" maw={640}>
      <Text size="sm">{t("backups.postgresHint")}</Text>
      <Code block>pg_dump --format=custom --file=innkeep.dump innkeep</Code>
    </Stack>
  );
}

function useProgressLabel() {
  const { t } = useTranslation();
  return (progress: BackupProgress | null) => (progress ? `${t(`backups.steps.${progress.step}`)} · ${Math.round(progress.percent)}%` : "");
}

function EmbeddedBackups({ overview }: { overview: BackupOverview }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const progressLabel = useProgressLabel();
  const queryClient = useQueryClient();
  const { session, setSession, setStatus } = useAppState();
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [running, setRunning] = useState<"backup" | "restore" | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [restoring, setRestoring] = useState<{ path: string; label: string } | null>(null);

  async function chooseFile() {
    setFailure(null);
    try {
      const path = await call(commands.pickBackupFile());
      if (path) setRestoring({ path, label: path });
    } catch (thrown) {
      setFailure(errorOf(thrown));
    }
  }

  async function backupNow() {
    setRunning("backup");
    setFailure(null);
    setProgress({ step: "snapshot", percent: 0 });
    try {
      const channel = new Channel<BackupProgress>((p) => setProgress(p));
      const made = await call(commands.backupNow(channel));
      await queryClient.invalidateQueries({ queryKey: OVERVIEW_KEY });
      notifications.show({ color: "teal", message: t("backups.done", { file: made.path }) });
    } catch (thrown) {
      setFailure(errorOf(thrown));
    } finally {
      setRunning(null);
      setProgress(null);
    }
  }

  async function restore(path: string) {
    setRestoring(null);
    setRunning("restore");
    setFailure(null);
    setProgress({ step: "safety_copy", percent: 0 });
    try {
      const channel = new Channel<BackupProgress>((p) => setProgress(p));
      const status = await call(commands.restoreBackup(path, channel));
      setStatus(status);
      setSession(null);
    } catch (thrown) {
      setFailure(errorOf(thrown));
      setRunning(null);
      setProgress(null);
    }
  }

  const backupNowRef = useRef(backupNow);
  useEffect(() => {
    backupNowRef.current = backupNow;
  });
  useEffect(
    () =>
      onBackupRequest(() => {
        if (takeBackupRequest()) void backupNowRef.current();
      }),
    [],
  );

  return (
    <Stack gap="lg">
      <div>
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h5">
            {t("backups.listTitle")}
          </Title>
          <Group gap="xs">
            <Button variant="default" onClick={() => void chooseFile()} disabled={running !== null}>
              {t("backups.restoreFile")}
            </Button>
            <Button onClick={() => void backupNow()} loading={running === "backup"} disabled={running !== null} data-testid="backup-now">
              {t("backups.now")}
            </Button>
          </Group>
        </Group>
        <div className="result-slot" aria-live="polite">
          {progress && (
            <Stack gap={4} data-testid="backup-progress">
              <Progress value={progress.percent} animated size="md" />
              <Text size="xs" c="dimmed">
                {progressLabel(progress)}
              </Text>
            </Stack>
          )}
          {failure && <Alert color="red" variant="light" py={6}>{errorText(failure)}</Alert>}
        </div>
        <Table withTableBorder data-testid="backup-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("backups.createdAt")}</Table.Th>
              <Table.Th>{t("backups.kind")}</Table.Th>
              <Table.Th className="num">{t("backups.size")}</Table.Th>
              <Table.Th>{t("backups.checksum")}</Table.Th>
              <Table.Th>{t("backups.verified")}</Table.Th>
              <Table.Th>{t("backups.byUser")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {overview.backups.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td className="num" title={b.path}>
                  {formatTimestamp(b.createdAt, i18n.language, session?.property.timeZone)}
                </Table.Td>
                <Table.Td>{t(`backups.kinds.${b.kind}`)}</Table.Td>
                <Table.Td className="num">{b.sizeBytes === null ? "–" : formatBytes(b.sizeBytes, i18n.language)}</Table.Td>
                <Table.Td>
                  <code title={b.sha256}>{b.sha256.slice(0, 12)}</code>
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={b.verified ? "teal" : "red"}>
                    {b.verified ? t("backups.verifiedYes") : t("backups.verifiedNo")}
                  </Badge>
                </Table.Td>
                <Table.Td>{b.byUser}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="default" disabled={running !== null || !b.verified} onClick={() => setRestoring({ path: b.path, label: formatTimestamp(b.createdAt, i18n.language, session?.property.timeZone) })}>
                    {t("backups.restore")}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {overview.backups.length === 0 && <EmptyState title={t("backups.empty")} hint={t("backups.emptyHint")} />}
      </div>
      <ScheduleForm overview={overview} />
      <Modal opened={restoring !== null} onClose={() => setRestoring(null)} title={t("backups.restoreTitle")}>
        {restoring && (
          <Stack gap="sm">
            <Text size="sm">
              {t("backups.restoreConfirm", { date: restoring.label })}
            </Text>
            <Text size="sm" c="dimmed">
              {t("backups.restoreSafety")}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRestoring(null)} data-autofocus>
                {t("common.cancel")}
              </Button>
              <Button color="orange" onClick={() => void restore(restoring.path)} data-testid="restore-confirm">
                {t("backups.restore")}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

function ScheduleForm({ overview }: { overview: BackupOverview }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [schedule, setSchedule] = useState<BackupSchedule>(() => ({
    ...overview.schedule,
    folder: overview.schedule.folder || overview.defaultFolder,
  }));
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose() {
    try {
      const folder = await call(commands.pickFolder());
      if (folder) setSchedule((s) => ({ ...s, folder }));
    } catch (thrown) {
      setFailure(errorOf(thrown));
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, ApiError> = {};
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(schedule.time)) found.time = clientError("errors.validation.invalid", { field: "backupTime" });
    if (schedule.folder.trim() === "") found.folder = clientError("errors.validation.required", { field: "backupFolder" });
    if (!(schedule.keep >= 1 && schedule.keep <= 365)) found.keep = clientError("errors.validation.invalid", { field: "backupKeep" });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      queryClient.setQueryData(OVERVIEW_KEY, await call(commands.saveBackupSchedule(schedule)));
      notifications.show({ color: "teal", message: t("common.saved") });
    } catch (thrown) {
      const error = errorOf(thrown);
      const field = errorField(error);
      if (field === "time" || field === "folder" || field === "keep") setErrors({ [field]: error });
      else if (error.code === "folder") setErrors({ folder: error });
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} noValidate>
      <Title order={2} size="h5" mb="sm">
        {t("backups.scheduleTitle")}
      </Title>
      <Stack gap="sm" maw={720}>
        <Switch label={t("backups.scheduleEnabled")} checked={schedule.enabled} onChange={(e) => setSchedule({ ...schedule, enabled: e.currentTarget.checked })} />
        <Group align="flex-start" gap="sm">
          <TextInput
            label={t("fields.backupTime")}
            placeholder="03:00"
            value={schedule.time}
            onChange={(e) => setSchedule({ ...schedule, time: e.currentTarget.value })}
            error={errors.time ? errorText(errors.time) : undefined}
            w={120}
          />
          <NumberInput
            label={t("fields.backupKeep")}
            value={schedule.keep}
            onChange={(v) => setSchedule({ ...schedule, keep: typeof v === "number" ? v : Number(v) })}
            min={1}
            max={365}
            allowDecimal={false}
            error={errors.keep ? errorText(errors.keep) : undefined}
            w={140}
          />
        </Group>
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            label={t("fields.backupFolder")}
            value={schedule.folder}
            onChange={(e) => setSchedule({ ...schedule, folder: e.currentTarget.value })}
            error={errors.folder ? errorText(errors.folder) : undefined}
            flex={1}
          />
          <Button variant="default" onClick={() => void choose()}>
            {t("backups.choose")}
          </Button>
        </Group>
        {failure && <Alert color="red" variant="light">{errorText(failure)}</Alert>}
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
