// Settings → Promotions: the hotel's promotion codes with their discount, validity, uses and status today.
import { Alert, Badge, Button, Group, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/app-state";
import type { PromotionInput } from "../../ipc/client";
import { EmptyState } from "../../shared/components/EmptyState";
import { formatDate } from "../../shared/dates";
import { useErrorText } from "../../shared/errors";
import { formatCount, formatMoney } from "../../shared/money";
import { PromotionDialog } from "./PromotionDialog";
import { promotionStatus, usePromotions, type PromotionStatus } from "./queries";

/** Badge colours: green may be used today, blue not yet, grey and orange no longer. */
const STATUS_COLOR: Record<PromotionStatus, string> = {
  active: "teal",
  upcoming: "blue",
  expired: "gray",
  usedUp: "orange",
};

export function PromotionsTab() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { businessDate, currency, currencyDigits } = useSession().property;
  const promotions = usePromotions();
  const [editing, setEditing] = useState<PromotionInput | "new" | null>(null);

  if (promotions.error) return <Alert color="red" variant="light">{errorText(promotions.error)}</Alert>;
  if (!promotions.data) return <div className="result-slot" aria-busy="true" />;
  const list = promotions.data;
  const locale = i18n.language;

  const discount = (p: PromotionInput) =>
    p.kind === "percent"
      ? t("promotions.percentOff", { percent: p.value })
      : t("promotions.amountOff", { amount: formatMoney(p.value, currency, locale, currencyDigits) });
  const uses = (p: PromotionInput) =>
    t("promotions.uses", { used: formatCount(p.usedCount, locale), limit: p.usageLimit === null ? "∞" : formatCount(p.usageLimit, locale) });

  return (
    <section aria-labelledby="promotions-title">
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={2} size="h5" id="promotions-title">
            {t("promotions.title")}
          </Title>
          <Text size="xs" c="dimmed">
            {t("promotions.intro")}
          </Text>
        </div>
        <Button size="xs" onClick={() => setEditing("new")} data-testid="promotion-new">
          {t("promotions.new")}
        </Button>
      </Group>
      {list.length === 0 ? (
        <EmptyState title={t("promotions.empty")} hint={t("promotions.emptyHint")} />
      ) : (
        <Table withTableBorder data-testid="promotions-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("fields.code")}</Table.Th>
              <Table.Th className="num">{t("promotions.discount")}</Table.Th>
              <Table.Th>{t("fields.validFrom")}</Table.Th>
              <Table.Th>{t("fields.validTo")}</Table.Th>
              <Table.Th className="num">{t("promotions.usesTitle")}</Table.Th>
              <Table.Th>{t("rooms.state")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((p) => {
              const status = promotionStatus(p, businessDate);
              return (
                <Table.Tr key={p.id} data-testid={`promotion-row-${p.code}`}>
                  <Table.Td className="nowrap">{p.code}</Table.Td>
                  <Table.Td className="num">{discount(p)}</Table.Td>
                  <Table.Td className="nowrap">{formatDate(p.validFrom, locale)}</Table.Td>
                  <Table.Td className="nowrap">{formatDate(p.validTo, locale)}</Table.Td>
                  <Table.Td className="num">{uses(p)}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={STATUS_COLOR[status]} data-testid={`promotion-status-${p.code}`}>
                      {t(`promotions.status.${status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">
                      <Button size="compact-xs" variant="default" onClick={() => setEditing(p)} aria-label={t("promotions.editTitle", { code: p.code })}>
                        {t("common.edit")}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {editing && <PromotionDialog promotion={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
    </section>
  );
}
