// Create or edit a room type: code, names in both languages, size, beds, occupancy, overbooking.
import { Alert, Button, Group, Modal, NumberInput, Stack, Switch, TagsInput, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError, RoomTypeInput } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { clientError, errorField, errorOf, useErrorText } from "../../shared/errors";
import { checkText, collect } from "../../shared/validation";
import { ROOM_TYPES_KEY } from "./queries";

type Count = number | string;
type NumberField = "areaM2" | "maxAdults" | "maxChildren" | "overbookRooms" | "overbookPercent";
type Values = Omit<RoomTypeInput, "id" | NumberField> & Record<NumberField, Count>;

const LIMITS: Record<NumberField, [number, number]> = {
  areaM2: [0, 10_000],
  maxAdults: [1, 20],
  maxChildren: [0, 20],
  overbookRooms: [0, 1000],
  overbookPercent: [0, 100],
};

/** A whole number within the limits Rust applies, or the same range error Rust would send. */
export function checkCount(field: string, value: Count, [min, max]: [number, number]): ApiError | null {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max
    ? null
    : clientError("errors.validation.range", { field, min: String(min), max: String(max) });
}

function validate(v: Values): Record<string, ApiError> {
  return collect({
    code: checkText("code", v.code, 16),
    nameZh: checkText("nameZh", v.nameZh, 80),
    nameEn: checkText("nameEn", v.nameEn, 80),
    bedType: [...v.bedType].length > 32 ? clientError("errors.validation.too_long", { field: "bedType", max: "32" }) : null,
    ...Object.fromEntries((Object.keys(LIMITS) as NumberField[]).map((f) => [f, checkCount(f, v[f], LIMITS[f])])),
  });
}

export function RoomTypeDialog({ type, onClose }: { type: RoomTypeInput | null; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(() => {
    const { id: _id, ...rest } = type ?? {
      id: null,
      code: "",
      nameZh: "",
      nameEn: "",
      areaM2: 0,
      bedType: "",
      maxAdults: 2,
      maxChildren: 0,
      facilities: [],
      overbookRooms: 0,
      overbookPercent: 0,
      active: true,
    };
    return rest;
  });
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field]: _, ...rest }) => rest);
  };
  const error = (field: string) => (errors[field] ? errorText(errors[field]) : undefined);
  const text = (field: "code" | "nameZh" | "nameEn" | "bedType") => ({
    label: t(`fields.${field}`),
    value: values[field],
    onChange: (e: { currentTarget: { value: string } }) => set(field, e.currentTarget.value),
    error: error(field),
    "data-testid": `room-type-${field}`,
  });
  const count = (field: NumberField) => ({
    label: t(`fields.${field}`),
    value: values[field],
    onChange: (v: Count) => set(field, v),
    min: LIMITS[field][0],
    max: LIMITS[field][1],
    allowDecimal: false,
    allowNegative: false,
    classNames: { input: "num" },
    error: error(field),
    "data-testid": `room-type-${field}`,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      await call(
        commands.saveRoomType({
          ...values,
          id: type?.id ?? null,
          code: values.code.trim(),
          nameZh: values.nameZh.trim(),
          nameEn: values.nameEn.trim(),
          bedType: values.bedType.trim(),
          areaM2: Number(values.areaM2),
          maxAdults: Number(values.maxAdults),
          maxChildren: Number(values.maxChildren),
          overbookRooms: Number(values.overbookRooms),
          overbookPercent: Number(values.overbookPercent),
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ROOM_TYPES_KEY });
      notifications.show({ color: "teal", message: t("common.saved") });
      onClose();
    } catch (thrown) {
      const apiError = errorOf(thrown);
      const field = errorField(apiError);
      if (field && field in values) setErrors({ [field]: apiError });
      else setFailure(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} size="lg" title={type ? t("rooms.types.editTitle", { code: type.code }) : t("rooms.types.new")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput {...text("code")} description={t("rooms.types.codeHint")} inputWrapperOrder={["label", "input", "description", "error"]} data-autofocus autoComplete="off" />
            <TextInput {...text("bedType")} placeholder={t("rooms.types.bedTypePlaceholder")} />
          </Group>
          <Group grow align="flex-start">
            <TextInput {...text("nameZh")} />
            <TextInput {...text("nameEn")} />
          </Group>
          <Group grow align="flex-start">
            <NumberInput {...count("areaM2")} />
            <NumberInput {...count("maxAdults")} />
            <NumberInput {...count("maxChildren")} />
          </Group>
          <Group grow align="flex-start">
            <NumberInput {...count("overbookRooms")} />
            <NumberInput {...count("overbookPercent")} />
          </Group>
          <TagsInput
            label={t("rooms.types.facilities")}
            description={t("rooms.types.facilitiesHint")}
            inputWrapperOrder={["label", "input", "description", "error"]}
            value={values.facilities}
            onChange={(v) => set("facilities", v)}
            error={error("facilities")}
          />
          <Switch label={t("rooms.active")} checked={values.active} onChange={(e) => set("active", e.currentTarget.checked)} />
          {failure && <Alert color="red" variant="light">{errorText(failure)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy} data-testid="room-type-save">
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
