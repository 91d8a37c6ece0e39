// The tape chart's geometry as plain data: which rows (type groups, unassigned lanes, rooms) and which columns a bar spans.
import type { TapeBar, TapeChart, TapeRoom } from "../../ipc/client";
import { addDays, nightsBetween } from "../reservations/queries";

/** Nights shown when the chart opens, counted from the business date. */
export const DEFAULT_DAYS = 31;
export const ROW_HEIGHT = 28;
export const COLUMN_WIDTH = 40;
export const LABEL_WIDTH = 150;
export const HEADER_HEIGHT = 40;

export type TapeRow =
  | { kind: "type"; key: string; roomTypeId: number }
  | { kind: "unassigned"; key: string; roomTypeId: number; bars: TapeBar[] }
  | { kind: "room"; key: string; roomTypeId: number; room: TapeRoom; bars: TapeBar[] };

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
 * Rows grouped by room type (in `typeOrder`, then any type only the data knows): a header, the unassigned
 * lanes of the type, then its rooms in the order Rust sends them (floor, number).
 */
export function buildRows(chart: TapeChart, typeOrder: number[]): TapeRow[] {
  const types = [...typeOrder];
  for (const id of [...chart.rooms.map((r) => r.roomTypeId), ...chart.bars.map((b) => b.roomTypeId)]) {
    if (!types.includes(id)) types.push(id);
  }
  const rows: TapeRow[] = [];
  for (const typeId of types) {
    const rooms = chart.rooms.filter((r) => r.roomTypeId === typeId);
    const unassigned = chart.bars.filter((b) => b.roomId === null && b.roomTypeId === typeId);
    if (rooms.length === 0 && unassigned.length === 0) continue;
    rows.push({ kind: "type", key: `type-${typeId}`, roomTypeId: typeId });
    lanes(unassigned).forEach((bars, i) => rows.push({ kind: "unassigned", key: `unassigned-${typeId}-${i}`, roomTypeId: typeId, bars }));
    for (const room of rooms) {
      rows.push({ kind: "room", key: `room-${room.id}`, roomTypeId: typeId, room, bars: chart.bars.filter((b) => b.roomId === room.id) });
    }
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
export function barAt(row: TapeRow, date: string): TapeBar | undefined {
  if (row.kind === "type") return undefined;
  return row.bars.find((b) => b.arrival <= date && date < b.departure);
}
