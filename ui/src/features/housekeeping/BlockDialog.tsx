// Blocking one room out of order or out of service (kind, dates, reason), and ending its current or coming blocks.
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError, BlockKind, RoomStatusView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { formatDate } from "../../shared/dates";
import { clientError, errorField, errorOf, useErrorText } from "../../shared/errors";
import { BLOCK_KINDS } from "../../shared/roomStatus";
import { checkText, collect } from "../../shared/validation";
import { addDays, isDate } from "../reservations/queries";
import { refreshAfterChange } from "./queries";

const FIELDS = ["from", "to", "reason"];

export function BlockDialog({ room, businessDate, onClose }: { room: RoomStatusView; businessDate: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<BlockKind>("out_of_order");
  const [from, setFrom] = useState(businessDate);
  const [to, setTo] = useState(addDays(businessDate, 1));
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = (field: string) => (errors[field] ? errorText(errors[field]) : undefined);
  const day = (date: string) => formatDate(date, i18n.language);

  function check(): Record<string, ApiError> {
    return collect({
      from: !isDate(from)
        ? clientError("errors.validation.required", { field: "from" })
        : from < businessDate
          ? clientError("errors.housekeeping.block_in_past", { date: businessDate })
          : null,
      to: !isDate(to) || (isDate(from) && to <= from) ? clientError("errors.housekeeping.block_dates", {}) : null,
      reason: checkText("reason", reason, 200),
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = check();
    setErrors(problems);
    setFailure(null);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      await call(commands.blockRoom({ roomId: room.roomId, kind, from, to, reason: reason.trim() }));
      notifications.show({ color: "teal", message: t("housekeeping.blocked", { room: room.number }) });
      await refreshAfterChange(queryClient, true);
      onClose();
    } catch (thrown) {
      const error = errorOf(thrown);
      const field = errorField(error);
      if (field && FIELDS.includes(field)) setErrors({ [field]: error });
      else setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  async function unblock(blockId: number) {
    setFailure(null);
    try {
      await call(commands.unblockRoom(blockId));
      notifications.show({ color: "teal", message: t("housekeeping.unblocked", { room: room.number }) });
      await refreshAfterChange(queryClient, true);
      onClose();
    } catch (thrown) {
      setFailure(errorText(thrown));
    }
  }

  return (
    <Modal opened onClose={onClose} title={t("housekeeping.blockTitle", { room: room.number })}>
      <Stack gap="sm">
        {room.blocks.length > 0 && (
          <Table withTableBorder data-testid="hk-blocks">
            <Table.Tbody>
              {room.blocks.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>{t(`tapeChart.block.${b.kind}`)}</Table.Td>
                  <Table.Td>
                    {day(b.from)} → {day(b.to)}
                  </Table.Td>
                  <Table.Td>{b.reason}</Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="light" onClick={() => void unblock(b.id)} data-testid={`hk-unblock-${b.id}`}>
                      {t("housekeeping.unblock")}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <SegmentedControl
              value={kind}
              onChange={(v) => setKind(v === "out_of_service" ? "out_of_service" : "out_of_order")}
              data={BLOCK_KINDS.map((k) => ({ value: k, label: t(`tapeChart.block.${k}`) }))}
              data-testid="hk-block-kind"
            />
            <Text size="xs" c="dimmed">
              {t(`housekeeping.kindHint.${kind}`)}
            </Text>
            <Group grow>
              <TextInput type="date" label={t("housekeeping.blockFrom")} value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={shown("from")} data-testid="hk-block-from" />
              <TextInput type="date" label={t("housekeeping.blockTo")} value={to} onChange={(e) => setTo(e.currentTarget.value)} error={shown("to")} data-testid="hk-block-to" />
            </Group>
            <TextInput label={t("fields.reason")} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={shown("reason")} data-autofocus data-testid="hk-block-reason" />
            {failure && (
              <Alert color="red" variant="light" data-testid="hk-block-error">
                {failure}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={busy} data-testid="hk-block-save">
                {t("housekeeping.block")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Modal>
  );
}
