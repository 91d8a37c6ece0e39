// The board's keys and clicks as plain data: arrows move the focus and select that room (Up/Down go to the same
// place on the next floor), Shift extends a range, Ctrl moves without touching the selection and Space toggles,
// Ctrl+A selects all, Esc clears; C / D / I set the status of the selected rooms (or the focused one), B or Enter
// blocks the focused room.
import type { HousekeepingStatus } from "../../ipc/client";

/** A tile as the keys see it, in display order (by floor, then number). */
export interface KeyTile {
  roomId: number;
  floor: number;
}

export interface BoardCursor {
  /** Index of the focused tile. */
  focus: number;
  /** Where a Shift range starts. */
  anchor: number;
  /** Selected room ids. */
  selected: ReadonlySet<number>;
}

export interface KeyInput {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

export type BoardOutcome =
  | { kind: "cursor"; cursor: BoardCursor }
  | { kind: "status"; roomIds: number[]; status: HousekeepingStatus }
  | { kind: "block"; roomId: number };

/** The status keys, as shown in the help line and on the buttons. */
export const STATUS_KEYS: Record<string, HousekeepingStatus> = { c: "clean", d: "dirty", i: "inspected" };

/** The rooms a status key or button acts on: the selection, or else the focused room. */
export function targets(tiles: readonly KeyTile[], cursor: BoardCursor): number[] {
  const selected = tiles.filter((t) => cursor.selected.has(t.roomId)).map((t) => t.roomId);
  if (selected.length > 0) return selected;
  const focused = tiles[cursor.focus];
  return focused ? [focused.roomId] : [];
}

function range(tiles: readonly KeyTile[], a: number, b: number): Set<number> {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return new Set(tiles.slice(lo, hi + 1).map((t) => t.roomId));
}

/** The same place on the floor above/below (`step` −1/+1), clamped to that floor's last room. */
function verticalTarget(tiles: readonly KeyTile[], from: number, step: number): number {
  const floor = tiles[from]?.floor;
  if (floor === undefined) return from;
  let start = from;
  while (start > 0 && tiles[start - 1].floor === floor) start -= 1;
  const column = from - start;
  let i = from;
  while (i >= 0 && i < tiles.length && tiles[i].floor === floor) i += step;
  if (i < 0 || i >= tiles.length) return from;
  const other = tiles[i].floor;
  let otherStart = i;
  while (otherStart > 0 && tiles[otherStart - 1].floor === other) otherStart -= 1;
  let otherEnd = i;
  while (otherEnd + 1 < tiles.length && tiles[otherEnd + 1].floor === other) otherEnd += 1;
  return Math.min(otherStart + column, otherEnd);
}

function moved(tiles: readonly KeyTile[], cursor: BoardCursor, key: string): number | null {
  const last = tiles.length - 1;
  switch (key) {
    case "ArrowLeft":
      return Math.max(0, cursor.focus - 1);
    case "ArrowRight":
      return Math.min(last, cursor.focus + 1);
    case "ArrowUp":
      return verticalTarget(tiles, cursor.focus, -1);
    case "ArrowDown":
      return verticalTarget(tiles, cursor.focus, 1);
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return null;
  }
}

/** What a key press on the board means; null when the board ignores it (it then is not swallowed). */
export function boardKey(input: KeyInput, tiles: readonly KeyTile[], cursor: BoardCursor): BoardOutcome | null {
  if (tiles.length === 0 || input.altKey) return null;
  const ctrl = Boolean(input.ctrlKey || input.metaKey);
  const to = moved(tiles, cursor, input.key);
  if (to !== null) {
    if (input.shiftKey) return { kind: "cursor", cursor: { focus: to, anchor: cursor.anchor, selected: range(tiles, cursor.anchor, to) } };
    if (ctrl) return { kind: "cursor", cursor: { ...cursor, focus: to } };
    return { kind: "cursor", cursor: { focus: to, anchor: to, selected: new Set([tiles[to].roomId]) } };
  }
  const focused = tiles[cursor.focus];
  if (input.key === " " && focused) {
    const selected = new Set(cursor.selected);
    if (selected.has(focused.roomId)) selected.delete(focused.roomId);
    else selected.add(focused.roomId);
    return { kind: "cursor", cursor: { ...cursor, anchor: cursor.focus, selected } };
  }
  if (input.key === "Escape" && cursor.selected.size > 0) return { kind: "cursor", cursor: { ...cursor, selected: new Set() } };
  const letter = input.key.length === 1 ? input.key.toLowerCase() : "";
  if (ctrl) {
    if (letter === "a") return { kind: "cursor", cursor: { ...cursor, selected: new Set(tiles.map((t) => t.roomId)) } };
    return null;
  }
  const status = STATUS_KEYS[letter];
  if (status) return { kind: "status", roomIds: targets(tiles, cursor), status };
  if ((letter === "b" || input.key === "Enter") && focused) return { kind: "block", roomId: focused.roomId };
  return null;
}

/** A click on tile `index`: alone it focuses and selects only that room, Ctrl toggles it, Shift selects a range. */
export function boardClick(index: number, input: { shiftKey?: boolean; ctrlKey?: boolean; metaKey?: boolean }, tiles: readonly KeyTile[], cursor: BoardCursor): BoardCursor {
  const tile = tiles[index];
  if (!tile) return cursor;
  if (input.shiftKey) return { focus: index, anchor: cursor.anchor, selected: range(tiles, cursor.anchor, index) };
  if (input.ctrlKey || input.metaKey) {
    const selected = new Set(cursor.selected);
    if (selected.has(tile.roomId)) selected.delete(tile.roomId);
    else selected.add(tile.roomId);
    return { focus: index, anchor: index, selected };
  }
  return { focus: index, anchor: index, selected: new Set([tile.roomId]) };
}
