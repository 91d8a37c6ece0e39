// Edit one room: number, floor, type, features, active. Rust refuses to deactivate a room with stays ahead.
import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Switch, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError, RoomInput, RoomTypeInput } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { clientError, errorField, errorOf, useErrorText } from "../../shared/errors";
import { checkText, collect } from "../../shared/validation";
import { FeaturePicker } from "./FeaturePicker";
import { ROOMS_KEY, roomTypeLabel } from "./queries";

type Values = Omit<RoomInput, "id" | "floor" | "roomTypeId"> & { floor: number | string; roomTypeId: string | null };

export function RoomDialog({ room, types, onClose }: { room: RoomInput; types: RoomTypeInput[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>({
    number: room.number,
    floor: room.floor,
    roomTypeId: String(room.roomTypeId),
    features: room.features,
    active: room.active,
  });
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field]: _, ...rest }) => rest);
  };
  const error = (field: string) => (errors[field] ? errorText(errors[field]) : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = collect({
      number: checkText("number", values.number, 16),
      floor: typeof values.floor === "number" && Number.isInteger(values.floor) ? null : clientError("errors.validation.invalid", { field: "floor" }),
      roomTypeId: values.roomTypeId ? null : clientError("errors.validation.required", { field: "roomTypeId" }),
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      await call(
        commands.saveRoom({
          id: room.id,
          number: values.number.trim(),
          floor: Number(values.floor),
          roomTypeId: Number(values.roomTypeId),
          features: values.features,
          active: values.active,
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ROOMS_KEY });
      notifications.show({ color: "teal", message: t("common.saved") });
      onClose();
    } catch (thrown) {
      const apiError = errorOf(thrown);
      // Deactivation refused because of bookings ahead: the problem belongs to the "active" switch.
      const field = apiError.code === "has_stays" ? "active" : errorField(apiError);
      if (field && field in values) setErrors({ [field]: apiError });
      else setFailure(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t("rooms.rooms.editTitle", { number: room.number })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput
              label={t("fields.number")}
              value={values.number}
              onChange={(e) => set("number", e.currentTarget.value)}
              error={error("number")}
              data-autofocus
              autoComplete="off"
              data-testid="room-number"
            />
            <NumberInput
              label={t("fields.floor")}
              value={values.floor}
              onChange={(v) => set("floor", v)}
              allowDecimal={false}
              classNames={{ input: "num" }}
              error={error("floor")}
              data-testid="room-floor"
            />
          </Group>
          <Select
            label={t("fields.roomTypeId")}
            data={types.map((x) => ({ value: String(x.id), label: roomTypeLabel(x, i18n.language) }))}
            value={values.roomTypeId}
            onChange={(v) => set("roomTypeId", v)}
            error={error("roomTypeId")}
            allowDeselect={false}
            data-testid="room-type"
          />
          <FeaturePicker value={values.features} onChange={(v) => set("features", v)} error={error("features")} />
          <Switch
            label={t("rooms.active")}
            description={t("rooms.rooms.activeHint")}
            checked={values.active}
            onChange={(e) => set("active", e.currentTarget.checked)}
            error={error("active")}
            data-testid="room-active"
          />
          {failure && <Alert color="red" variant="light">{errorText(failure)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy} data-testid="room-save">
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
