// The tape chart's keys as plain data: what a key press on the focused cell means, and the list the help and
// the Ctrl+K palette show.
import type { TapeBar } from "../../ipc/client";
import { addDays } from "../reservations/queries";
import { barAt, canChangeDates, departureLimit, isCellRow, isFree, reachFree, selectionStay, type CellRow, type Selection, type TapeRow } from "./layout";

export interface KeyInput {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

export interface KeyContext {
  rows: TapeRow[];
  dates: string[];
  /** The focused row's index and night (a date of `dates`). */
  row: number;
  date: string;
  selection: Selection | null;
}

export type KeyOutcome =
  /** Move the focus (the date may lie outside the dates shown: the chart pages there). */
  | { kind: "focus"; row: number; date: string; selection: Selection | null }
  | { kind: "book"; row: CellRow; arrival: string; departure: string }
  | { kind: "open"; bar: TapeBar }
  | { kind: "resize"; bar: TapeBar; departure: string }
  | { kind: "cancel" }
  | { kind: "today" }
  | { kind: "group" }
  | { kind: "help" };

/** Days PageUp / PageDown move the focus. */
export const PAGE_DAYS = 7;

function nextCellRow(rows: TapeRow[], from: number, step: number): number {
  for (let i = from + step; i >= 0 && i < rows.length; i += step) if (isCellRow(rows[i])) return i;
  return from;
}

/** The first cell row from `start` in direction `step`, or `current` when there is none. */
function edgeRow(rows: TapeRow[], current: number, start: number, step: number): number {
  for (let i = start; i >= 0 && i < rows.length; i += step) if (isCellRow(rows[i])) return i;
  return current;
}

/** Shift+←/→: a stay under the focus gets one night shorter/longer; a free night starts or grows a selection. */
function shifted(step: number, ctx: KeyContext): KeyOutcome | null {
  const row = ctx.rows[ctx.row];
  const selection = ctx.selection?.key === row?.key ? ctx.selection : null;
  if (selection) {
    const head = reachFree(row, selection.anchor, addDays(selection.head, step));
    return { kind: "focus", row: ctx.row, date: head, selection: { ...selection, head } };
  }
  const bar = barAt(row, ctx.date);
  if (bar) {
    if (!canChangeDates(bar)) return null;
    const departure = addDays(bar.departure, step);
    const limit = departureLimit(row, bar);
    if (departure <= bar.arrival || (limit !== null && departure > limit)) return null;
    return { kind: "resize", bar, departure };
  }
  if (!isFree(row, ctx.date)) return null;
  const head = reachFree(row, ctx.date, addDays(ctx.date, step));
  return { kind: "focus", row: ctx.row, date: head, selection: { key: row.key, anchor: ctx.date, head } };
}

/** What a key press means on the focused cell; null when the chart ignores the key. */
export function keyOutcome(input: KeyInput, ctx: KeyContext): KeyOutcome | null {
  const { rows, dates, row, date } = ctx;
  const ctrl = input.ctrlKey || input.metaKey;
  const focus = (r: number, d: string): KeyOutcome => ({ kind: "focus", row: r, date: d, selection: null });
  if (input.altKey) return null;
  if (input.shiftKey && (input.key === "ArrowLeft" || input.key === "ArrowRight")) return shifted(input.key === "ArrowLeft" ? -1 : 1, ctx);
  switch (input.key) {
    case "ArrowUp":
      return focus(nextCellRow(rows, row, -1), date);
    case "ArrowDown":
      return focus(nextCellRow(rows, row, 1), date);
    case "ArrowLeft":
      return focus(row, addDays(date, -1));
    case "ArrowRight":
      return focus(row, addDays(date, 1));
    case "PageUp":
      return focus(row, addDays(date, -PAGE_DAYS));
    case "PageDown":
      return focus(row, addDays(date, PAGE_DAYS));
    case "Home":
      return ctrl ? focus(edgeRow(rows, row, 0, 1), date) : focus(row, dates[0]);
    case "End":
      return ctrl ? focus(edgeRow(rows, row, rows.length - 1, -1), date) : focus(row, dates[dates.length - 1]);
    case "Escape":
      return { kind: "cancel" };
    case "Enter": {
      const current = rows[row];
      if (!isCellRow(current)) return null;
      if (ctx.selection?.key === current.key) return { kind: "book", row: current, ...selectionStay(ctx.selection) };
      const bar = barAt(current, date);
      if (bar) return { kind: "open", bar };
      return isFree(current, date) ? { kind: "book", row: current, arrival: date, departure: addDays(date, 1) } : null;
    }
  }
  if (ctrl) return null;
  if (input.key === "t" || input.key === "T") return { kind: "today" };
  if (input.key === "g" || input.key === "G") return { kind: "group" };
  if (input.key === "?") return { kind: "help" };
  return null;
}

/** The keys as the help and the palette list them: the i18n key of what they do, and the key names shown. */
export const SHORTCUTS: { id: string; keys: string[]; press?: KeyInput }[] = [
  { id: "move", keys: ["←", "→", "↑", "↓"] },
  { id: "select", keys: ["Shift+←", "Shift+→"] },
  { id: "book", keys: ["Enter"], press: { key: "Enter" } },
  { id: "longer", keys: ["Shift+→"], press: { key: "ArrowRight", shiftKey: true } },
  { id: "shorter", keys: ["Shift+←"], press: { key: "ArrowLeft", shiftKey: true } },
  { id: "cancel", keys: ["Esc"], press: { key: "Escape" } },
  { id: "week", keys: ["PageUp", "PageDown"] },
  { id: "ends", keys: ["Home", "End"] },
  { id: "firstLast", keys: ["Ctrl+Home", "Ctrl+End"] },
  { id: "today", keys: ["T"], press: { key: "t" } },
  { id: "group", keys: ["G"], press: { key: "g" } },
  { id: "help", keys: ["?"], press: { key: "?" } },
];
