// An ID document on a form: the kind and the number, checked by Rust when the number field is left.
import { Group, Select, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError, IdDocumentKind, IdDocumentView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { errorOf, useErrorText } from "../../shared/errors";
import { ID_KINDS, useCheckedSummary } from "./documents";

export interface IdDocumentValue {
  kind: IdDocumentKind;
  number: string;
}

export function IdDocumentFields({
  value,
  onChange,
  onChecked,
  error,
}: {
  value: IdDocumentValue;
  onChange: (value: IdDocumentValue) => void;
  /** Called with what Rust read from a valid number (region, birth date, sex…). */
  onChecked?: (view: IdDocumentView) => void;
  /** An error about the number from the form's own save, shown until the number changes. */
  error?: ApiError | null;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const summary = useCheckedSummary();
  const [checkError, setCheckError] = useState<ApiError | null>(null);
  const [checked, setChecked] = useState<IdDocumentView | null>(null);
  const [checking, setChecking] = useState(false);

  async function check(kind: IdDocumentKind, number: string) {
    if (number.trim() === "") return;
    setChecking(true);
    try {
      const view = await call(commands.checkIdDocument({ kind, number }));
      setChecked(view);
      setCheckError(null);
      if (view.number !== number) onChange({ kind, number: view.number });
      onChecked?.(view);
    } catch (thrown) {
      setChecked(null);
      setCheckError(errorOf(thrown));
    } finally {
      setChecking(false);
    }
  }

  function change(next: IdDocumentValue) {
    setChecked(null);
    setCheckError(null);
    onChange(next);
  }

  const shown = checkError ?? error ?? null;
  const description = checking ? t("guests.checking") : checked ? summary(checked) : undefined;
  return (
    <Group gap="sm" align="flex-start" grow>
      <Select
        label={t("fields.idType")}
        data={ID_KINDS.map((kind) => ({ value: kind, label: t(`guests.idKind.${kind}`) }))}
        value={value.kind}
        allowDeselect={false}
        onChange={(kind) => {
          if (!kind) return;
          const next = { kind: kind as IdDocumentKind, number: value.number };
          change(next);
          void check(next.kind, next.number);
        }}
        data-testid="id-kind"
      />
      <TextInput
        label={t("fields.idNumber")}
        value={value.number}
        onChange={(e) => change({ kind: value.kind, number: e.currentTarget.value })}
        onBlur={() => void check(value.kind, value.number)}
        error={shown ? errorText(shown) : undefined}
        description={description}
        inputWrapperOrder={["label", "input", "description", "error"]}
        autoComplete="off"
        spellCheck={false}
        data-testid="id-number"
        data-checked={checked ? "true" : undefined}
      />
    </Group>
  );
}

