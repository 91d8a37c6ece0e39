// The tape chart's geometry as plain data: which rows (groups, unassigned lanes, rooms), which columns a bar
// spans, and which nights of a row are free to book or to stretch a stay into.
import type { TapeBar, TapeChart, TapeRoom } from "../../ipc/client";
import { addDays, nightsBetween } from "../reservations/queries";

/** Nights the chart can show, counted from its first date; the first is the default. */
export const DAY_CHOICES = [31, 90] as const;
export const DEFAULT_DAYS = DAY_CHOICES[0];
export const ROW_HEIGHT = 28;
export const COLUMN_WIDTH = 40;
export const LABEL_WIDTH = 150;
export const HEADER_HEIGHT = 40;

/** Rooms grouped under their room type or under their floor. */
export type GroupBy = "type" | "floor";

export type TapeRow =
  | { kind: "type"; key: string; roomTypeId: number }
  | { kind: "floor"; key: string; floor: number }
  /** The header over every type's unassigned lanes when rooms are grouped by floor. */
  | { kind: "waiting"; key: string }
  /** `underType`: the lane sits under its type's header (else its label names the type). */
  | { kind: "unassigned"; key: string; roomTypeId: number; bars: TapeBar[]; underType: boolean }
  | { kind: "room"; key: string; roomTypeId: number; room: TapeRoom; bars: TapeBar[] };

export type CellRow = Extract<TapeRow, { kind: "unassigned" | "room" }>;

export function isCellRow(row: TapeRow | undefined): row is CellRow {
  return row !== undefined && (row.kind === "room" || row.kind === "unassigned");
}

/** The `count` calendar dates from `from`. */
export function datesFrom(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}

/** Unassigned bars packed into as few lanes as possible, so no two stays of one lane overlap. */
export function lanes(bars: TapeBar[]): TapeBar[][] {
  const sorted = [...bars].sort((a, b) => a.arrival.localeCompare(b.arrival) || a.departure.localeCompare(b.departure));
  const out: TapeBar[][] = [];
  for (const bar of sorted) {
    const lane = out.find((l) => l[l.length - 1].departure <= bar.arrival);
    if (lane) lane.push(bar);
    else out.push([bar]);
  }
  return out;
}

/**
 * The chart's rows. By type (in `typeOrder`, then any type only the data knows): a header, the unassigned
 * lanes of the type, then its rooms in the order Rust sends them (floor, number). By floor: an "unassigned"
 * header over every type's lanes, then a header per floor with its rooms.
 */
export function buildRows(chart: TapeChart, typeOrder: number[], groupBy: GroupBy = "type"): TapeRow[] {
  const types = [...typeOrder];
  for (const id of [...chart.rooms.map((r) => r.roomTypeId), ...chart.bars.map((b) => b.roomTypeId)]) {
    if (!types.includes(id)) types.push(id);
  }
  const byRoom = new Map<number | null, TapeBar[]>();
  for (const bar of chart.bars) {
    const list = byRoom.get(bar.roomId);
    if (list) list.push(bar);
    else byRoom.set(bar.roomId, [bar]);
  }
  const unassigned = byRoom.get(null) ?? [];
  const roomRow = (room: TapeRoom): TapeRow => ({ kind: "room", key: `room-${room.id}`, roomTypeId: room.roomTypeId, room, bars: byRoom.get(room.id) ?? [] });
  const underType = groupBy === "type";
  const laneRows = (typeId: number): TapeRow[] =>
    lanes(unassigned.filter((b) => b.roomTypeId === typeId)).map((bars, i) => ({ kind: "unassigned", key: `unassigned-${typeId}-${i}`, roomTypeId: typeId, bars, underType }));

  const rows: TapeRow[] = [];
  if (groupBy === "floor") {
    if (unassigned.length > 0) rows.push({ kind: "waiting", key: "waiting" });
    for (const typeId of types) rows.push(...laneRows(typeId));
    const floors = [...new Set(chart.rooms.map((r) => r.floor))].sort((a, b) => a - b);
    for (const floor of floors) {
      rows.push({ kind: "floor", key: `floor-${floor}`, floor });
      for (const room of chart.rooms) if (room.floor === floor) rows.push(roomRow(room));
    }
    return rows;
  }
  for (const typeId of types) {
    const rooms = chart.rooms.filter((r) => r.roomTypeId === typeId);
    const lanesOfType = laneRows(typeId);
    if (rooms.length === 0 && lanesOfType.length === 0) continue;
    rows.push({ kind: "type", key: `type-${typeId}`, roomTypeId: typeId }, ...lanesOfType, ...rooms.map(roomRow));
  }
  return rows;
}

/** The columns [start, end) a stay (or block) covers among `days` columns from `from`; null when outside. */
export function columnSpan(arrival: string, departure: string, from: string, days: number): { start: number; end: number } | null {
  const start = Math.max(0, nightsBetween(from, arrival));
  const end = Math.min(days, nightsBetween(from, departure));
  return end > start ? { start, end } : null;
}

/** The bar of a row that covers a date's night, if any. */
export function barAt(row: TapeRow | undefined, date: string): TapeBar | undefined {
  if (!isCellRow(row)) return undefined;
  return row.bars.find((b) => b.arrival <= date && date < b.departure);
}

/** True when a room is out of order on a date's night (out of service stays sellable, as Rust counts it). */
export function blockedAt(row: TapeRow | undefined, date: string): boolean {
  return row?.kind === "room" && row.room.blocks.some(([from, to, kind]) => kind !== "out_of_service" && from <= date && date < to);
}

/** True when a night of a row can be booked: no stay there and, for a room, no block. */
export function isFree(row: TapeRow | undefined, date: string): boolean {
  return isCellRow(row) && !barAt(row, date) && !blockedAt(row, date);
}

/**
 * How far a selection anchored on a free night may reach towards `target` without crossing a stay or a block
 * of the room: the last free date on the way (the anchor itself when the next night is taken).
 */
export function reachFree(row: TapeRow | undefined, anchor: string, target: string): string {
  const step = target >= anchor ? 1 : -1;
  let reached = anchor;
  while (reached !== target) {
    const next = addDays(reached, step);
    if (!isFree(row, next)) break;
    reached = next;
  }
  return reached;
}

/** Only stays not yet checked in may change their dates (Rust refuses the others). */
export function canChangeDates(bar: TapeBar): boolean {
  return bar.state === "tentative" || bar.state === "confirmed";
}

/**
 * The latest departure a stay may be stretched to in its own row without touching the next stay or block of
 * the room; null when nothing in the row limits it (an unassigned lane, or a free room).
 */
export function departureLimit(row: TapeRow | undefined, bar: TapeBar): string | null {
  if (row?.kind !== "room") return null;
  const starts = [
    ...row.bars.filter((b) => b !== bar && b.arrival >= bar.departure).map((b) => b.arrival),
    ...row.room.blocks.filter(([from, , kind]) => kind !== "out_of_service" && from >= bar.departure).map(([from]) => from),
  ];
  return starts.length === 0 ? null : starts.reduce((a, b) => (a < b ? a : b));
}

/** The keyboard focus: a row (by key, and its last index should the key vanish) and a night. */
export interface GridFocus {
  key: string;
  row: number;
  date: string;
}

/** A selection of nights in one row, from the night it started on to the night it reaches (either order). */
export interface Selection {
  key: string;
  anchor: string;
  head: string;
}

/** The stay a selection stands for: arrival on its first night, departure the morning after its last. */
export function selectionStay(selection: Selection): { arrival: string; departure: string } {
  const [first, last] = selection.anchor <= selection.head ? [selection.anchor, selection.head] : [selection.head, selection.anchor];
  return { arrival: first, departure: addDays(last, 1) };
}
