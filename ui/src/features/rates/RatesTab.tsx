// Settings → Rates: the rate plans of each room type, with the plan editor.
import { Alert, Badge, Button, Group, Table, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppState } from "../../app/app-state";
import { useRoute } from "../../app/navigation";
import type { RatePlanInput, RoomTypeInput } from "../../ipc/client";
import { EmptyState } from "../../shared/components/EmptyState";
import { useErrorText } from "../../shared/errors";
import { formatMoney } from "../../shared/money";
import { roomTypeLabel, roomTypeName, useRoomTypes } from "../rooms/queries";
import { useRatePlans } from "./queries";
import classes from "./rates.module.css";
import { RatePlanDialog } from "./RatePlanDialog";

type Editing = { plan: RatePlanInput | null; roomTypeId: number | null };

export function RatesTab() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { can } = useAppState();
  const [, navigate] = useRoute();
  const types = useRoomTypes();
  const plans = useRatePlans();
  const [editing, setEditing] = useState<Editing | null>(null);

  const failure = types.error ?? plans.error;
  if (failure) return <Alert color="red" variant="light">{errorText(failure)}</Alert>;
  if (!types.data || !plans.data) return <div className="result-slot" aria-busy="true" />;
  const typeList = types.data;
  const planList = plans.data;

  if (typeList.length === 0) {
    return (
      <EmptyState
        title={t("rates.noTypes")}
        hint={t("rates.noTypesHint")}
        action={
          can("rooms.manage") && (
            <Button size="xs" variant="light" onClick={() => navigate("settings", "rooms")} data-testid="rates-go-rooms">
              {t("rates.goRooms")}
            </Button>
          )
        }
      />
    );
  }

  return (
    <div className={classes.sections}>
      {typeList.map((type) => (
        <TypePlans
          key={type.id}
          type={type}
          plans={planList.filter((p) => p.roomTypeId === type.id)}
          onNew={() => setEditing({ plan: null, roomTypeId: type.id })}
          onEdit={(plan) => setEditing({ plan, roomTypeId: plan.roomTypeId })}
        />
      ))}
      {editing && <RatePlanDialog plan={editing.plan} roomTypeId={editing.roomTypeId} types={typeList} onClose={() => setEditing(null)} />}
    </div>
  );
}

function TypePlans({
  type,
  plans,
  onNew,
  onEdit,
}: {
  type: RoomTypeInput;
  plans: RatePlanInput[];
  onNew: () => void;
  onEdit: (plan: RatePlanInput) => void;
}) {
  const { t, i18n } = useTranslation();
  const { session } = useAppState();
  const currency = session?.property.currency ?? "CNY";
  const digits = session?.property.currencyDigits ?? 2;
  const headingId = `rates-type-${type.id}`;

  const fee = (kind: string, percent: string) => t(`rates.feeShort.${kind}`, { percent, defaultValue: kind });
  const cancellation = (p: RatePlanInput) =>
    p.cancelFee === "none" || p.cancelFreeHours === 0
      ? fee(p.cancelFee, p.cancelFeePercent)
      : t("rates.freeThen", { hours: p.cancelFreeHours, fee: fee(p.cancelFee, p.cancelFeePercent) });

  return (
    <section aria-labelledby={headingId} data-testid={`rates-type-${type.code}`}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5" id={headingId}>
          {roomTypeLabel(type, i18n.language)}
          {!type.active && (
            <Badge ml="xs" size="sm" variant="light" color="gray">
              {t("rooms.inactive")}
            </Badge>
          )}
        </Title>
        <Button size="xs" variant="default" onClick={onNew} data-testid={`rate-new-${type.code}`}>
          {t("rates.new")}
        </Button>
      </Group>
      {plans.length === 0 ? (
        <EmptyState title={t("rates.empty", { type: roomTypeName(type, i18n.language) })} hint={t("rates.emptyHint")} />
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("fields.code")}</Table.Th>
              <Table.Th>{t("fields.name")}</Table.Th>
              <Table.Th>{t("fields.kind")}</Table.Th>
              <Table.Th className="num">{t("fields.basePrice")}</Table.Th>
              <Table.Th className="num">{t("rates.tax")}</Table.Th>
              <Table.Th className="num">{t("rates.stay")}</Table.Th>
              <Table.Th>{t("fields.cancelFee")}</Table.Th>
              <Table.Th>{t("fields.noShowFee")}</Table.Th>
              <Table.Th className="num">{t("rates.rules.title")}</Table.Th>
              <Table.Th>{t("rooms.state")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plans.map((p) => (
              <Table.Tr key={p.id} data-testid={`rate-row-${p.code}`}>
                <Table.Td className="nowrap">{p.code}</Table.Td>
                <Table.Td>{roomTypeName(p, i18n.language)}</Table.Td>
                <Table.Td className="nowrap">{t(`rates.kinds.${p.kind}`, { defaultValue: p.kind })}</Table.Td>
                <Table.Td className="num">{formatMoney(p.basePrice, currency, i18n.language, digits)}</Table.Td>
                <Table.Td className="num">{t(p.taxInclusive ? "rates.taxIncluded" : "rates.taxAdded", { percent: p.taxPercent })}</Table.Td>
                <Table.Td className="num">
                  {p.maxStay === null ? t("rates.stayMin", { min: p.minStay }) : t("rates.stayRange", { min: p.minStay, max: p.maxStay })}
                </Table.Td>
                <Table.Td>{cancellation(p)}</Table.Td>
                <Table.Td>{fee(p.noShowFee, p.noShowFeePercent)}</Table.Td>
                <Table.Td className="num">{p.rules.length}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={p.active ? "teal" : "gray"}>
                    {p.active ? t("rooms.active") : t("rooms.inactive")}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    <Button size="compact-xs" variant="default" onClick={() => onEdit(p)} aria-label={t("rates.editTitle", { code: p.code })}>
                      {t("common.edit")}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
