// The reservation list's filters: stays overlapping a date range, state, source, room type and guest text.
import { Button, Kbd, Select, TextInput } from "@mantine/core";
import { forwardRef } from "react";
import { useTranslation } from "react-i18next";
import type { ReservationFilter, RoomTypeInput } from "../../ipc/client";
import { RESERVATION_STATES, reservationStateKey } from "../../shared/reservationStates";
import { SOURCES, useLocalName } from "./queries";
import classes from "./reservations.module.css";

export interface FilterValues extends Omit<ReservationFilter, "guest"> {
  /** What is typed; the list asks Rust with it once typing pauses. */
  guestText: string;
}

export const ReservationFilters = forwardRef<
  HTMLInputElement,
  { values: FilterValues; onChange: (change: Partial<FilterValues>) => void; onReset: () => void; roomTypes: RoomTypeInput[] }
>(function ReservationFilters({ values, onChange, onReset, roomTypes }, guestRef) {
  const { t } = useTranslation();
  const localName = useLocalName();
  return (
    <div className={classes.toolbar} role="search">
      <TextInput
        ref={guestRef}
        label={t("reservations.filter.guest")}
        placeholder={t("reservations.filter.guestPlaceholder")}
        value={values.guestText}
        onChange={(e) => onChange({ guestText: e.currentTarget.value })}
        rightSection={<Kbd size="xs">Ctrl+F</Kbd>}
        rightSectionWidth={56}
        w={220}
        data-testid="reservations-guest-filter"
      />
      <TextInput
        type="date"
        label={t("reservations.filter.from")}
        value={values.from ?? ""}
        onChange={(e) => onChange({ from: e.currentTarget.value || null })}
        className={classes.date}
        data-testid="reservations-filter-from"
      />
      <TextInput
        type="date"
        label={t("reservations.filter.to")}
        value={values.to ?? ""}
        onChange={(e) => onChange({ to: e.currentTarget.value || null })}
        className={classes.date}
        data-testid="reservations-filter-to"
      />
      <Select
        label={t("reservations.column.state")}
        placeholder={t("reservations.filter.any")}
        data={RESERVATION_STATES.map((s) => ({ value: s, label: t(reservationStateKey(s)) }))}
        value={values.state}
        onChange={(v) => onChange({ state: v })}
        allowDeselect
        clearable
        w={140}
        data-testid="reservations-filter-state"
      />
      <Select
        label={t("fields.source")}
        placeholder={t("reservations.filter.any")}
        data={SOURCES.map((s) => ({ value: s, label: t(`reservations.source.${s}`) }))}
        value={values.source}
        onChange={(v) => onChange({ source: v })}
        allowDeselect
        clearable
        w={140}
        data-testid="reservations-filter-source"
      />
      <Select
        label={t("fields.roomTypeId")}
        placeholder={t("reservations.filter.any")}
        data={roomTypes.filter((type) => type.id !== null).map((type) => ({ value: String(type.id), label: localName(type) }))}
        value={values.roomTypeId === null ? null : String(values.roomTypeId)}
        onChange={(v) => onChange({ roomTypeId: v === null ? null : Number(v) })}
        allowDeselect
        clearable
        w={160}
        data-testid="reservations-filter-type"
      />
      <Button variant="subtle" onClick={onReset}>
        {t("reservations.filter.reset")}
      </Button>
    </div>
  );
});
