// The reservation list: sortable columns, state badges in the shared legend's colours, multi-select.
import { Badge, Button, Checkbox, Menu, Table, Tooltip } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReservationView } from "../../ipc/client";
import { formatDate } from "../../shared/dates";
import { formatMoney } from "../../shared/money";
import { isCancellable, reservationStateColor, reservationStateKey } from "../../shared/reservationStates";
import { compareDecimal, nightsBetween } from "./queries";
import classes from "./reservations.module.css";

export type SortKey = "bookingNo" | "guest" | "type" | "room" | "arrival" | "departure" | "nights" | "state" | "source" | "total";
export interface Sort {
  key: SortKey;
  descending: boolean;
}

export type RowAction = "modify" | "confirm" | "walk" | "confirmation" | "cancel" | "folio" | "moveRoom" | "changeDeparture" | "lateCheckOut";

/** The translation key of an action's menu label (changes to a stay in the house are the stays feature's). */
function actionLabel(action: RowAction): string {
  if (action === "moveRoom") return "stays.move.action";
  if (action === "changeDeparture") return "stays.departure.action";
  if (action === "lateCheckOut") return "stays.late.action";
  return `reservations.actions.${action}`;
}

/** The actions a reservation in this state allows (Rust checks the same rules). */
export function actionsFor(state: string): RowAction[] {
  if (state === "tentative") return ["modify", "confirm", "confirmation", "cancel", "folio"];
  if (state === "confirmed") return ["modify", "walk", "confirmation", "cancel", "folio"];
  if (state === "checked_in") return ["moveRoom", "changeDeparture", "lateCheckOut", "confirmation", "folio"];
  return ["confirmation", "folio"];
}

export function StateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={reservationStateColor(state)} data-state={state}>
      {t(reservationStateKey(state), { defaultValue: state })}
    </Badge>
  );
}

/** Orders rows by a column; amounts compare exactly as decimals, names in the UI language's collation. */
export function sortReservations(
  rows: ReservationView[],
  sort: Sort,
  typeName: (id: number) => string,
  locale: string,
): ReservationView[] {
  const collator = new Intl.Collator(locale, { numeric: true });
  const text = (r: ReservationView): string => {
    switch (sort.key) {
      case "bookingNo":
        return r.bookingNo;
      case "guest":
        return r.guestName;
      case "type":
        return typeName(r.roomTypeId);
      case "room":
        return r.roomNumber ?? "";
      case "arrival":
        return r.arrival;
      case "departure":
        return r.departure;
      case "state":
        return r.state;
      case "source":
        return r.source;
      default:
        return "";
    }
  };
  const compare = (a: ReservationView, b: ReservationView): number => {
    if (sort.key === "total") return compareDecimal(a.total, b.total);
    if (sort.key === "nights") return nightsBetween(a.arrival, a.departure) - nightsBetween(b.arrival, b.departure);
    return collator.compare(text(a), text(b));
  };
  const sign = sort.descending ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * compare(a.row, b.row) || a.index - b.index)
    .map(({ row }) => row);
}

const COLUMNS: { key: SortKey; numeric?: boolean }[] = [
  { key: "bookingNo" },
  { key: "guest" },
  { key: "type" },
  { key: "room" },
  { key: "arrival" },
  { key: "departure" },
  { key: "nights", numeric: true },
  { key: "state" },
  { key: "source" },
  { key: "total", numeric: true },
];

export function ReservationTable({
  rows,
  typeName,
  currency,
  digits,
  selected,
  onSelect,
  onAction,
}: {
  rows: ReservationView[];
  typeName: (id: number) => string;
  currency: string;
  digits: number;
  selected: ReadonlySet<number>;
  onSelect: (ids: Set<number>) => void;
  onAction: (action: RowAction, reservation: ReservationView) => void;
}) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<Sort>({ key: "arrival", descending: false });
  const sorted = sortReservations(rows, sort, typeName, i18n.language);
  const cancellable = rows.filter((r) => isCancellable(r.state));
  const allChecked = cancellable.length > 0 && cancellable.every((r) => selected.has(r.id));
  const someChecked = cancellable.some((r) => selected.has(r.id));

  const toggle = (id: number) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };
  const sortBy = (key: SortKey) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }));
  const ariaSort = (key: SortKey) => (sort.key === key ? (sort.descending ? "descending" : "ascending") : "none");

  return (
    <Table withTableBorder data-testid="reservations-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th className={classes.checkCell}>
            <Checkbox
              size="xs"
              aria-label={t("reservations.selectAll")}
              checked={allChecked}
              indeterminate={someChecked && !allChecked}
              disabled={cancellable.length === 0}
              onChange={() => onSelect(allChecked ? new Set() : new Set(cancellable.map((r) => r.id)))}
            />
          </Table.Th>
          {COLUMNS.map((column) => (
            <Table.Th
              key={column.key}
              className={column.numeric ? `num ${classes.sortable}` : classes.sortable}
              aria-sort={ariaSort(column.key)}
              onClick={() => sortBy(column.key)}
              data-testid={`reservations-sort-${column.key}`}
            >
              {t(`reservations.column.${column.key}`)}
              {sort.key === column.key ? (sort.descending ? " ▼" : " ▲") : ""}
            </Table.Th>
          ))}
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((r) => (
          <Table.Tr key={r.id} data-testid={`reservation-row-${r.id}`}>
            <Table.Td>
              <Checkbox
                size="xs"
                aria-label={t("reservations.select", { booking: r.bookingNo, guest: r.guestName })}
                checked={selected.has(r.id)}
                disabled={!isCancellable(r.state)}
                onChange={() => toggle(r.id)}
              />
            </Table.Td>
            <Table.Td className="nowrap">{r.bookingNo}</Table.Td>
            <Table.Td>{r.guestName}</Table.Td>
            <Table.Td>{typeName(r.roomTypeId)}</Table.Td>
            <Table.Td>{r.roomNumber ?? "–"}</Table.Td>
            <Table.Td className="num">{formatDate(r.arrival, i18n.language)}</Table.Td>
            <Table.Td className="num">{formatDate(r.departure, i18n.language)}</Table.Td>
            <Table.Td className="num">{nightsBetween(r.arrival, r.departure)}</Table.Td>
            <Table.Td>
              <StateBadge state={r.state} />
              {r.overbooked && (
                <Tooltip label={t("reservations.overbookedHint")} withinPortal>
                  <Badge size="sm" variant="outline" color="red" ml={4}>
                    {t("reservations.overbooked")}
                  </Badge>
                </Tooltip>
              )}
            </Table.Td>
            <Table.Td>{t(`reservations.source.${r.source}`, { defaultValue: r.source })}</Table.Td>
            <Table.Td className="num">{formatMoney(r.total, currency, i18n.language, digits)}</Table.Td>
            <Table.Td>
              {actionsFor(r.state).length > 0 && (
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <Button size="compact-xs" variant="default" aria-label={t("reservations.actions.label", { booking: r.bookingNo })} data-testid="reservation-actions">
                      {t("reservations.actions.button")}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {actionsFor(r.state).map((action) => (
                      <Menu.Item key={action} color={action === "cancel" ? "red" : undefined} onClick={() => onAction(action, r)} data-testid={`reservation-${action}`}>
                        {t(actionLabel(action))}
                      </Menu.Item>
                    ))}
                  </Menu.Dropdown>
                </Menu>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
