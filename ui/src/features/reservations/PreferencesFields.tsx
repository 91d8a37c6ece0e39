// A guest's room preferences (floor, smoking, quiet side, bed), which auto-assignment follows where it can.
import { Checkbox, Fieldset, Group, NumberInput, Select, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Preferences } from "../../ipc/client";

const SMOKING = ["any", "no", "yes"] as const;

export function PreferencesFields({
  value,
  onChange,
  errors,
}: {
  value: Preferences;
  onChange: (value: Preferences) => void;
  errors: { floor?: string; bed?: string };
}) {
  const { t } = useTranslation();
  const smoking = value.smoking === null ? "any" : value.smoking ? "yes" : "no";
  return (
    <Fieldset legend={t("reservations.preferences.title")} variant="filled" data-testid="guest-preferences">
      <Group gap="sm" align="flex-end" grow>
        <NumberInput
          label={t("fields.floor")}
          placeholder={t("reservations.preferences.anyFloor")}
          allowDecimal={false}
          value={value.floor ?? ""}
          onChange={(v) => onChange({ ...value, floor: typeof v === "number" ? v : null })}
          error={errors.floor}
          data-testid="preferences-floor"
        />
        <Select
          label={t("reservations.preferences.smoking")}
          data={SMOKING.map((s) => ({ value: s, label: t(`reservations.preferences.smoking_${s}`) }))}
          value={smoking}
          allowDeselect={false}
          onChange={(v) => onChange({ ...value, smoking: v === "yes" ? true : v === "no" ? false : null })}
          data-testid="preferences-smoking"
        />
        <TextInput
          label={t("fields.bed")}
          placeholder={t("reservations.preferences.bedHint")}
          value={value.bed}
          onChange={(e) => onChange({ ...value, bed: e.currentTarget.value })}
          error={errors.bed}
        />
      </Group>
      <Checkbox
        mt="sm"
        label={t("reservations.preferences.quiet")}
        checked={value.quiet}
        onChange={(e) => onChange({ ...value, quiet: e.currentTarget.checked })}
        data-testid="preferences-quiet"
      />
    </Fieldset>
  );
}
