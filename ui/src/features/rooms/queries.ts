// Room types and rooms as the set-up screens read them, plus the small rules those screens share.
import { useQuery } from "@tanstack/react-query";
import type { RoomInput, RoomTypeInput } from "../../ipc/client";
import { call, commands } from "../../ipc/client";

export const ROOM_TYPES_KEY = ["roomTypes"] as const;
export const ROOMS_KEY = ["rooms"] as const;

/** Room features Rust accepts (core `rooms::FEATURES`), in the order the forms offer them. */
export const ROOM_FEATURES = ["smoking", "view", "quiet", "connecting", "accessible"] as const;

/** Most rooms one bulk creation may make (Rust refuses more). */
export const BULK_MAX = 500;

export function useRoomTypes() {
  return useQuery({ queryKey: ROOM_TYPES_KEY, queryFn: () => call(commands.listRoomTypes()) });
}

export function useRooms() {
  return useQuery({ queryKey: ROOMS_KEY, queryFn: () => call(commands.listRooms()) });
}

/** A room type's name in the UI language, falling back to the other name when one is empty. */
export function roomTypeName(type: Pick<RoomTypeInput, "nameZh" | "nameEn">, language: string): string {
  const [first, second] = language.startsWith("en") ? [type.nameEn, type.nameZh] : [type.nameZh, type.nameEn];
  return first.trim() || second;
}

/** "STD · 标准间" — code and localized name, for selects and group headings. */
export function roomTypeLabel(type: RoomTypeInput, language: string): string {
  return `${type.code} · ${roomTypeName(type, language)}`;
}

/** Active rooms per room type id. */
export function roomCounts(rooms: RoomInput[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const room of rooms) if (room.active) counts.set(room.roomTypeId, (counts.get(room.roomTypeId) ?? 0) + 1);
  return counts;
}

/** How many rooms `from..=to` makes, or 0 when the range is empty or not whole numbers. */
export function bulkCount(from: number | string, to: number | string): number {
  if (typeof from !== "number" || typeof to !== "number" || !Number.isInteger(from) || !Number.isInteger(to)) return 0;
  return to >= from ? to - from + 1 : 0;
}

/** Compares room numbers as people read them: "2" before "10", "A2" before "A10". */
export function compareRoomNumbers(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true });
}
