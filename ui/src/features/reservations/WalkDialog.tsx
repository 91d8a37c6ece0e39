// Walking a guest: the hotel cannot house a confirmed booking and sends the guest to a partner hotel;
// partner, cost to the hotel and reason are recorded and the room nights released.
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError, ReservationView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { errorOf, useErrorText } from "../../shared/errors";
import { AVAILABILITY_KEY, RESERVATIONS_KEY } from "./queries";

const FIELDS = ["partnerHotel", "cost", "reason"] as const;
type Field = (typeof FIELDS)[number];

export function WalkDialog({ reservation, onClose }: { reservation: ReservationView; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<Field, string>>({ partnerHotel: "", cost: "0", reason: "" });
  const [errors, setErrors] = useState<Partial<Record<Field, ApiError>>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      await call(commands.walkReservation(reservation.id, { partnerHotel: values.partnerHotel, cost: values.cost.trim(), reason: values.reason }));
      await queryClient.invalidateQueries({ queryKey: RESERVATIONS_KEY });
      await queryClient.invalidateQueries({ queryKey: AVAILABILITY_KEY });
      await queryClient.invalidateQueries({ queryKey: ["tapeChart"] });
      notifications.show({ color: "teal", message: t("reservations.walk.done", { booking: reservation.bookingNo, partner: values.partnerHotel.trim() }) });
      onClose();
    } catch (thrown) {
      const error = errorOf(thrown);
      const field = FIELDS.find((f) => f === error.params?.field);
      if (field) setErrors({ [field]: error });
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const input = (field: Field) => ({
    label: t(`fields.${field}`),
    value: values[field],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [field]: value }));
    },
    error: errors[field] ? errorText(errors[field]) : undefined,
    "data-testid": `walk-${field}`,
  });

  return (
    <Modal opened onClose={onClose} title={t("reservations.walk.title", { booking: reservation.bookingNo, guest: reservation.guestName })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("reservations.walk.hint")}
          </Text>
          <TextInput {...input("partnerHotel")} data-autofocus />
          <TextInput {...input("cost")} description={t("reservations.walk.costHint")} inputMode="decimal" />
          <TextInput {...input("reason")} />
          {failure && <Alert color="red" variant="light">{errorText(failure)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color="orange" loading={busy} data-testid="walk-confirm">
              {t("reservations.walk.confirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
