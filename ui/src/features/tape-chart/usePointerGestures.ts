// The tape chart's pointer gestures: press on free nights and drag to select them (let go to book), drag a
// stay to another row to move it, drag a stay's right end to change its departure; Escape cancels any of them.
// One set of listeners on the grid reads rows, stays and columns from data attributes and coordinates.
import { useEffect, useState, type PointerEvent, type RefObject } from "react";
import type { TapeBar, TapeRoom } from "../../ipc/client";
import { addDays } from "../reservations/queries";
import { COLUMN_WIDTH, departureLimit, HEADER_HEIGHT, isCellRow, isFree, LABEL_WIDTH, reachFree, ROW_HEIGHT, selectionStay, type CellRow, type GridFocus, type Selection, type TapeRow } from "./layout";

/** Pixels a pointer must travel before a press on a bar becomes a drag. */
const DRAG_THRESHOLD = 4;

export type Gesture =
  | { kind: "move"; bar: TapeBar; startY: number; moved: boolean; over: number | null }
  | { kind: "resize"; bar: TapeBar; row: number; departure: string }
  | { kind: "select"; row: number };

export function usePointerGestures(deps: {
  scroller: RefObject<HTMLDivElement | null>;
  rows: TapeRow[];
  dates: string[];
  selection: Selection | null;
  setSelection: (selection: Selection | null) => void;
  setFocus: (focus: GridFocus) => void;
  onStart: () => void;
  onBar: (bar: TapeBar) => void;
  onDrop: (bar: TapeBar, room: TapeRoom) => void;
  onResize: (bar: TapeBar, departure: string) => void;
  onBook: (row: CellRow, arrival: string, departure: string) => void;
}) {
  const { scroller, rows, dates, selection, setSelection, setFocus } = deps;
  const [gesture, setGesture] = useState<Gesture | null>(null);
  const days = dates.length;

  const cancel = () => {
    setGesture(null);
    setSelection(null);
  };

  // Escape ends a drag even when the keyboard focus is elsewhere.
  useEffect(() => {
    if (!gesture) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setGesture(null);
      setSelection(null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [gesture, setSelection]);

  /** The column under a pointer, clamped to the dates shown. */
  function colAt(clientX: number): number {
    const el = scroller.current;
    const left = el ? el.getBoundingClientRect().left - el.scrollLeft : 0;
    return Math.min(days - 1, Math.max(0, Math.floor((clientX - left - LABEL_WIDTH) / COLUMN_WIDTH)));
  }

  function rowAt(clientY: number): number | null {
    const el = scroller.current;
    if (!el) return null;
    const y = clientY - el.getBoundingClientRect().top + el.scrollTop - HEADER_HEIGHT;
    const index = Math.floor(y / ROW_HEIGHT);
    return index >= 0 && index < rows.length ? index : null;
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (event.button !== 0 || !(event.target instanceof Element)) return;
    const rowEl = event.target.closest<HTMLElement>("[data-row]");
    if (!rowEl) return;
    const index = Number(rowEl.dataset.row);
    const row = rows[index];
    if (!isCellRow(row)) return;
    const barEl = event.target.closest<HTMLElement>("[data-bar]");
    const bar = barEl ? row.bars.find((b) => String(b.reservationId) === barEl.dataset.bar) : undefined;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    deps.onStart();
    if (bar && event.target.closest("[data-handle]")) {
      setGesture({ kind: "resize", bar, row: index, departure: bar.departure });
    } else if (bar) {
      setGesture({ kind: "move", bar, startY: event.clientY, moved: false, over: null });
    } else {
      const cellEl = event.target.closest<HTMLElement>("[data-col]");
      const date = dates[cellEl ? Number(cellEl.dataset.col) : colAt(event.clientX)];
      setFocus({ key: row.key, row: index, date });
      if (!isFree(row, date)) return setSelection(null);
      setSelection({ key: row.key, anchor: date, head: date });
      setGesture({ kind: "select", row: index });
    }
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    if (!gesture) return;
    if (gesture.kind === "move") {
      const moved = gesture.moved || Math.abs(event.clientY - gesture.startY) > DRAG_THRESHOLD;
      setGesture({ ...gesture, moved, over: moved ? rowAt(event.clientY) : null });
    } else if (gesture.kind === "resize") {
      const { bar } = gesture;
      const limit = departureLimit(rows[gesture.row], bar);
      let departure = addDays(dates[colAt(event.clientX)], 1);
      if (departure <= bar.arrival) departure = addDays(bar.arrival, 1);
      if (limit !== null && departure > limit) departure = limit;
      if (departure !== gesture.departure) setGesture({ ...gesture, departure });
    } else if (selection) {
      const head = reachFree(rows[gesture.row], selection.anchor, dates[colAt(event.clientX)]);
      if (head !== selection.head) {
        setSelection({ ...selection, head });
        setFocus({ key: selection.key, row: gesture.row, date: head });
      }
    }
  }

  function onPointerUp() {
    if (!gesture) return;
    setGesture(null);
    if (gesture.kind === "move") {
      if (!gesture.moved) return deps.onBar(gesture.bar);
      const target = gesture.over === null ? undefined : rows[gesture.over];
      if (target?.kind === "room" && target.room.id !== gesture.bar.roomId) deps.onDrop(gesture.bar, target.room);
    } else if (gesture.kind === "resize") {
      if (gesture.departure !== gesture.bar.departure) deps.onResize(gesture.bar, gesture.departure);
    } else if (selection) {
      const row = rows[gesture.row];
      setSelection(null);
      if (isCellRow(row)) {
        const stay = selectionStay(selection);
        deps.onBook(row, stay.arrival, stay.departure);
      }
    }
  }

  return { gesture, cancel, handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: cancel } };
}
