// The room features as a row of checkboxes, translated.
import { Checkbox, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ROOM_FEATURES } from "./queries";

export function FeaturePicker({ value, onChange, error }: { value: string[]; onChange: (v: string[]) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group label={t("fields.features")} value={value} onChange={onChange} error={error}>
      <Group gap="md" mt={4}>
        {ROOM_FEATURES.map((f) => (
          <Checkbox key={f} size="xs" value={f} label={t(`rooms.features.${f}`)} data-testid={`feature-${f}`} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

/** Features as a short translated list for tables: "吸烟、景观". */
export function useFeatureList(): (features: string[]) => string {
  const { t } = useTranslation();
  return (features) => features.map((f) => t(`rooms.features.${f}`, { defaultValue: f })).join(t("rooms.listSeparator"));
}
