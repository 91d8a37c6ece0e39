// "Create rooms in bulk": numbers from–to on one floor, of one type, with the same features.
import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError, RoomTypeInput } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { clientError, errorField, errorOf, useErrorText } from "../../shared/errors";
import { collect } from "../../shared/validation";
import { FeaturePicker } from "./FeaturePicker";
import { BULK_MAX, bulkCount, ROOMS_KEY, roomTypeLabel } from "./queries";

type Num = number | string;
interface Values {
  from: Num;
  to: Num;
  floor: Num;
  roomTypeId: string | null;
  features: string[];
}

const whole = (v: Num): v is number => typeof v === "number" && Number.isInteger(v);

/** "The last number must be between …": worded for this dialog, where `fields.to` ("To") reads badly. */
const rangeError = (min: string, max: string) => clientError("rooms.bulk.range", { min, max, limit: String(BULK_MAX) });

/** Checks mirroring Rust's: a range of whole numbers, at most BULK_MAX rooms, a floor and a type. */
export function validateBulk(v: Values): Record<string, ApiError> {
  const from = whole(v.from) && v.from >= 1 ? v.from : null;
  let to: ApiError | null = null;
  if (!whole(v.to)) to = clientError("rooms.bulk.toRequired");
  else if (from !== null && (v.to < from || v.to - from >= BULK_MAX)) to = rangeError(String(from), String(from + BULK_MAX - 1));
  return collect({
    from: from === null ? clientError("rooms.bulk.fromRequired") : null,
    to,
    floor: whole(v.floor) ? null : clientError("errors.validation.required", { field: "floor" }),
    roomTypeId: v.roomTypeId ? null : clientError("errors.validation.required", { field: "roomTypeId" }),
  });
}

export function BulkRoomsDialog({ types, onClose }: { types: RoomTypeInput[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const active = types.filter((x) => x.active);
  const [values, setValues] = useState<Values>({
    from: "",
    to: "",
    floor: "",
    roomTypeId: active.length === 1 ? String(active[0].id) : null,
    features: [],
  });
  // Until the user types a floor, it follows the first number: 201 → floor 2.
  const [floorTouched, setFloorTouched] = useState(false);
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((v) => {
      const next = { ...v, [field]: value };
      if (field === "from" && !floorTouched) next.floor = whole(value as Num) && (value as number) >= 100 ? Math.floor((value as number) / 100) : "";
      return next;
    });
    setErrors(({ [field]: _, ...rest }) => rest);
  };
  const error = (field: string) => (errors[field] ? errorText(errors[field]) : undefined);
  const count = bulkCount(values.from, values.to);
  const type = types.find((x) => String(x.id) === values.roomTypeId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateBulk(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      const created = await call(
        commands.createRooms({
          from: Number(values.from),
          to: Number(values.to),
          floor: Number(values.floor),
          roomTypeId: Number(values.roomTypeId),
          features: values.features,
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ROOMS_KEY });
      notifications.show({ color: "teal", message: t("rooms.bulk.created", { count: created.length }) });
      onClose();
    } catch (thrown) {
      const apiError = errorOf(thrown);
      // A number already taken is about the range the user typed.
      const raw = errorField(apiError);
      const field = raw === "number" ? "from" : raw;
      if (field === "to" && apiError.code === "range") setErrors({ to: rangeError(apiError.params.min ?? "", apiError.params.max ?? "") });
      else if (field && field in values) setErrors({ [field]: apiError });
      else setFailure(apiError);
    } finally {
      setBusy(false);
    }
  }

  const number = (field: "from" | "to" | "floor", extra: { "data-autofocus"?: boolean } = {}) => ({
    label: t(field === "floor" ? "fields.floor" : `rooms.bulk.${field}`),
    value: values[field],
    onChange: (v: Num) => {
      if (field === "floor") setFloorTouched(true);
      set(field, v);
    },
    allowDecimal: false,
    allowNegative: field === "floor",
    classNames: { input: "num" },
    error: error(field),
    "data-testid": `bulk-${field}`,
    ...extra,
  });

  return (
    <Modal opened onClose={onClose} title={t("rooms.bulk.title")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <NumberInput {...number("from", { "data-autofocus": true })} />
            <NumberInput {...number("to")} />
            <NumberInput {...number("floor")} />
          </Group>
          <Select
            label={t("fields.roomTypeId")}
            data={active.map((x) => ({ value: String(x.id), label: roomTypeLabel(x, i18n.language) }))}
            value={values.roomTypeId}
            onChange={(v) => set("roomTypeId", v)}
            error={error("roomTypeId")}
            allowDeselect={false}
            searchable
            data-testid="bulk-type"
          />
          <FeaturePicker value={values.features} onChange={(v) => set("features", v)} error={error("features")} />
          <div className="result-slot">
            <Text size="sm" fw={count > 0 ? 600 : undefined} c={count > 0 ? undefined : "dimmed"} aria-live="polite" data-testid="bulk-count">
              {count > 0
                ? t("rooms.bulk.preview", {
                    count,
                    from: values.from,
                    to: values.to,
                    floor: whole(values.floor) ? values.floor : "?",
                    type: type?.code ?? "?",
                  })
                : t("rooms.bulk.previewEmpty")}
            </Text>
          </div>
          {failure && <Alert color="red" variant="light">{errorText(failure)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy} data-testid="bulk-save">
              {count > 0 ? t("rooms.bulk.submit", { count }) : t("rooms.bulk.submitEmpty")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
