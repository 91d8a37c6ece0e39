// Rooms left per room type for 14 nights from a chosen date (the business date first); red when none is left.
import { Alert, Button, Group, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TypeNight } from "../../ipc/client";
import { useErrorText } from "../../shared/errors";
import { addDays, isDate, useAvailability, useLocalName, useRoomTypes, weekday } from "./queries";
import classes from "./reservations.module.css";

export const STRIP_NIGHTS = 14;

export function AvailabilityStrip({ businessDate }: { businessDate: string }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const localName = useLocalName();
  const [from, setFrom] = useState(businessDate);
  const to = isDate(from) ? addDays(from, STRIP_NIGHTS) : from;
  const availability = useAvailability(from, to);
  const types = useRoomTypes();
  const nights = isDate(from) ? Array.from({ length: STRIP_NIGHTS }, (_, i) => addDays(from, i)) : [];
  const byKey = new Map<string, TypeNight>();
  for (const n of availability.data ?? []) byKey.set(`${n.roomTypeId}/${n.night}`, n);
  const shownTypes = (types.data ?? []).filter((type) => type.active || (availability.data ?? []).some((n) => n.roomTypeId === type.id));
  const dayLabel = new Intl.DateTimeFormat(i18n.language, { month: "numeric", day: "numeric", timeZone: "UTC" });
  const weekdayLabel = new Intl.DateTimeFormat(i18n.language, { weekday: "short", timeZone: "UTC" });
  const asUtc = (night: string) => new Date(`${night}T00:00:00Z`);

  return (
    <section aria-label={t("reservations.availability.title")}>
      <Group justify="space-between" mb={4} align="flex-end">
        <Text fw={600}>{t("reservations.availability.title")}</Text>
        <Group gap="xs" align="flex-end">
          <Button size="compact-sm" variant="default" onClick={() => setFrom(addDays(from, -7))} disabled={!isDate(from)}>
            {t("reservations.availability.earlier")}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setFrom(businessDate)}>
            {t("reservations.availability.today")}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setFrom(addDays(from, 7))} disabled={!isDate(from)}>
            {t("reservations.availability.later")}
          </Button>
          <TextInput
            type="date"
            size="xs"
            aria-label={t("reservations.availability.from")}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value || businessDate)}
            data-testid="availability-from"
          />
        </Group>
      </Group>
      {availability.error && (
        <Alert color="red" variant="light" mb="xs">
          {errorText(availability.error)}
        </Alert>
      )}
      <div className={classes.strip}>
        <Table withTableBorder withColumnBorders striped={false} data-testid="availability-strip">
          <Table.Thead>
            <Table.Tr>
              <Table.Th className={classes.stripType}>{t("fields.roomTypeId")}</Table.Th>
              {nights.map((night) => {
                const weekend = weekday(night) === 0 || weekday(night) === 6;
                return (
                  <Table.Th key={night} className={weekend ? `num ${classes.weekend}` : "num"}>
                    <div>{dayLabel.format(asUtc(night))}</div>
                    <Text span size="xs" c="dimmed">
                      {weekdayLabel.format(asUtc(night))}
                    </Text>
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shownTypes.map((type) => (
              <Table.Tr key={type.id ?? type.code}>
                <Table.Td>{localName(type)}</Table.Td>
                {nights.map((night) => {
                  const n = byKey.get(`${type.id}/${night}`);
                  if (!n) return <Table.Td key={night} className="num">–</Table.Td>;
                  const full = n.available <= 0;
                  return (
                    <Table.Td
                      key={night}
                      className={full ? `num ${classes.full}` : "num"}
                      title={t("reservations.availability.cell", {
                        rooms: n.rooms,
                        outOfOrder: n.outOfOrder,
                        sold: n.sold,
                        sellable: n.sellable,
                      })}
                      data-testid={`availability-${type.id}-${night}`}
                      data-full={full || undefined}
                    >
                      {n.available}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {types.data && shownTypes.length === 0 && (
          <Text size="sm" c="dimmed" mt={4}>
            {t("reservations.availability.noTypes")}
          </Text>
        )}
      </div>
    </section>
  );
}
