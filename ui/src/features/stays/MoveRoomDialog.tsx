// Moving a guest in the house to another room: free rooms from the room board (not occupied, not out of
// order), a dirty one only after ticking the confirmation, a reason; the rate stays as booked.
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError, ReservationView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { clientError, errorOf, useErrorText } from "../../shared/errors";
import { checkText } from "../../shared/validation";
import { NO_FILTER, useBoard } from "../housekeeping/queries";
import { fieldOf, refreshAfterStayChange } from "./queries";

const FIELDS = ["roomId", "reason"] as const;

export function MoveRoomDialog({ reservation, onClose }: { reservation: ReservationView; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const board = useBoard(NO_FILTER);
  const [roomId, setRoomId] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [allowDirty, setAllowDirty] = useState(false);
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const free = useMemo(
    () =>
      (board.data?.rooms ?? []).filter(
        (r) => r.roomId !== reservation.roomId && !r.occupied && r.block?.kind !== "out_of_order",
      ),
    [board.data, reservation.roomId],
  );
  const chosen = free.find((r) => String(r.roomId) === roomId);
  const dirty = chosen?.housekeeping === "dirty";

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, ApiError> = {};
    if (!chosen) found.roomId = clientError("errors.validation.required", { field: "roomId" });
    const reasonProblem = checkText("reason", reason, 200);
    if (reasonProblem) found.reason = reasonProblem;
    setErrors(found);
    setFailure(null);
    if (!chosen || Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const moved = await call(
        commands.moveRoom({ reservationId: reservation.id, roomId: chosen.roomId, reason: reason.trim(), allowDirty: dirty && allowDirty }),
      );
      notifications.show({ color: "teal", message: t("stays.move.done", { booking: moved.bookingNo, room: moved.roomNumber ?? "" }) });
      await refreshAfterStayChange(queryClient);
      onClose();
    } catch (thrown) {
      const error = errorOf(thrown);
      const field = fieldOf(error, FIELDS);
      if (field) setErrors({ [field]: error });
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t("stays.move.title", { booking: reservation.bookingNo })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {reservation.guestName} · {t("stays.move.current", { room: reservation.roomNumber ?? "–" })}
          </Text>
          <Select
            label={t("stays.move.room")}
            placeholder={t("stays.move.roomPlaceholder")}
            data={free.map((r) => ({
              value: String(r.roomId),
              label: `${r.number} · ${r.roomTypeCode} · ${t(`housekeeping.status.${r.status}`)}`,
            }))}
            value={roomId}
            onChange={(value) => {
              setRoomId(value);
              setAllowDirty(false);
            }}
            searchable
            error={errors.roomId ? errorText(errors.roomId) : undefined}
            data-autofocus
            data-testid="move-room"
          />
          {dirty && (
            <Checkbox
              label={t("stays.move.allowDirty")}
              description={t("stays.move.dirtyHint", { room: chosen?.number })}
              checked={allowDirty}
              onChange={(e) => setAllowDirty(e.currentTarget.checked)}
              data-testid="move-allow-dirty"
            />
          )}
          <TextInput
            label={t("stays.move.reason")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason ? errorText(errors.reason) : undefined}
            data-testid="move-reason"
          />
          <Text size="xs" c="dimmed">
            {t("stays.move.keepsRate")}
          </Text>
          {failure && (
            <Alert color="red" variant="light" data-testid="move-error">
              {errorText(failure)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy} disabled={dirty && !allowDirty} data-testid="move-save">
              {t("stays.move.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
