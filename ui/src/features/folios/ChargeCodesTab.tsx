// Settings → Charge codes: what a charge is for, its department and VAT rate; codes the system posts with
// (room nights, fees) stay active, others can be retired. The code itself is fixed once created.
import { Alert, Badge, Button, Checkbox, Group, Modal, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError, ChargeCodeInput, ChargeCodeView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { Num } from "../../shared/components/Num";
import { errorOf, useErrorText } from "../../shared/errors";
import { checkText, collect } from "../../shared/validation";
import { CHARGE_CODES_KEY, checkAmount, DEPARTMENTS, useChargeCodes } from "./queries";

const BLANK: ChargeCodeInput = { id: null, code: "", nameZh: "", nameEn: "", department: "other", taxPercent: "6", active: true };

export function ChargeCodesTab() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const codes = useChargeCodes(true);
  const [editing, setEditing] = useState<{ input: ChargeCodeInput; required: boolean } | null>(null);
  const edit = (c: ChargeCodeView) =>
    setEditing({
      input: { id: c.id, code: c.code, nameZh: c.nameZh, nameEn: c.nameEn, department: c.department, taxPercent: c.taxPercent, active: c.active },
      required: c.required,
    });
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t("chargeCodes.intro")}
        </Text>
        <Button size="xs" onClick={() => setEditing({ input: BLANK, required: false })} data-testid="charge-code-new">
          {t("chargeCodes.new")}
        </Button>
      </Group>
      {codes.error && <Alert color="red">{errorText(codes.error)}</Alert>}
      <Table striped highlightOnHover withTableBorder verticalSpacing={4} fz="sm" data-testid="charge-codes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("fields.code")}</Table.Th>
            <Table.Th>{t("fields.nameZh")}</Table.Th>
            <Table.Th>{t("fields.nameEn")}</Table.Th>
            <Table.Th>{t("fields.department")}</Table.Th>
            <Table.Th className="num">{t("fields.taxPercent")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(codes.data ?? []).map((c) => (
            <Table.Tr key={c.id} tabIndex={0} style={{ cursor: "pointer" }} onClick={() => edit(c)} onKeyDown={(e) => e.key === "Enter" && edit(c)} data-testid={`charge-code-${c.code}`}>
              <Table.Td>{c.code}</Table.Td>
              <Table.Td>{c.nameZh}</Table.Td>
              <Table.Td>{c.nameEn}</Table.Td>
              <Table.Td>{t(`chargeCodes.departments.${c.department}`, { defaultValue: c.department })}</Table.Td>
              <Table.Td className="num">
                <Num>{c.taxPercent} %</Num>
              </Table.Td>
              <Table.Td>
                {c.required && (
                  <Badge size="xs" variant="light">
                    {t("chargeCodes.required")}
                  </Badge>
                )}
                {!c.active && (
                  <Badge size="xs" color="gray">
                    {t("chargeCodes.retired")}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <ChargeCodeDialog initial={editing.input} required={editing.required} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function ChargeCodeDialog({ initial, required, onClose }: { initial: ChargeCodeInput; required: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [input, setInput] = useState(initial);
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ChargeCodeInput>) => setInput((i) => ({ ...i, ...patch }));
  const err = (field: string) => (errors[field] ? errorText(errors[field]) : undefined);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = collect({
      code: input.id === null ? checkText("code", input.code, 16) : null,
      nameZh: checkText("nameZh", input.nameZh, 60),
      nameEn: checkText("nameEn", input.nameEn, 60),
      taxPercent: input.taxPercent.trim() === "0" ? null : checkAmount("taxPercent", input.taxPercent, 2),
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await call(commands.saveChargeCode(input));
      await queryClient.invalidateQueries({ queryKey: CHARGE_CODES_KEY });
      onClose();
    } catch (thrown) {
      const e = errorOf(thrown);
      setErrors({ [e.params?.field ?? "code"]: e });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened onClose={onClose} title={input.id === null ? t("chargeCodes.new") : t("chargeCodes.edit", { code: input.code })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t("fields.code")} value={input.code} onChange={(e) => set({ code: e.currentTarget.value })} disabled={input.id !== null} error={err("code")} data-autofocus data-testid="charge-code-code" />
          <Group grow>
            <TextInput label={t("fields.nameZh")} value={input.nameZh} onChange={(e) => set({ nameZh: e.currentTarget.value })} error={err("nameZh")} data-testid="charge-code-zh" />
            <TextInput label={t("fields.nameEn")} value={input.nameEn} onChange={(e) => set({ nameEn: e.currentTarget.value })} error={err("nameEn")} data-testid="charge-code-en" />
          </Group>
          <Group grow>
            <Select
              label={t("fields.department")}
              data={DEPARTMENTS.map((d) => ({ value: d, label: t(`chargeCodes.departments.${d}`) }))}
              value={input.department}
              onChange={(v) => v && set({ department: v })}
              allowDeselect={false}
            />
            <TextInput label={t("fields.taxPercent")} value={input.taxPercent} onChange={(e) => set({ taxPercent: e.currentTarget.value })} error={err("taxPercent")} inputMode="decimal" data-testid="charge-code-tax" />
          </Group>
          <Checkbox label={t("chargeCodes.active")} checked={input.active} disabled={required} onChange={(e) => set({ active: e.currentTarget.checked })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy} data-testid="charge-code-save">
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
