// Reservation data from Rust (query keys and hooks), plus the small pure helpers the screens share.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { RatePlanInput, RoomTypeInput } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { addMoney } from "../../shared/money";

/** Where a booking came from, as Rust accepts them. */
export const SOURCES = ["walk_in", "phone", "email", "website", "ota", "travel_agent", "company"] as const;

export const RESERVATIONS_KEY = ["reservations"] as const;
export const AVAILABILITY_KEY = ["availability"] as const;

export function useRoomTypes() {
  return useQuery({ queryKey: ["roomTypes"], queryFn: () => call(commands.listRoomTypes()) });
}

export function useRatePlans() {
  return useQuery({ queryKey: ["ratePlans"], queryFn: () => call(commands.listRatePlans()) });
}

export function useAvailability(from: string, to: string) {
  return useQuery({
    queryKey: [...AVAILABILITY_KEY, from, to],
    queryFn: () => call(commands.availability(from, to)),
    enabled: isDate(from) && isDate(to),
  });
}

/** A room type's or rate plan's name in the UI language. */
export function useLocalName(): (named: Pick<RoomTypeInput | RatePlanInput, "nameZh" | "nameEn"> | undefined) => string {
  const { i18n } = useTranslation();
  return (named) => (named ? (i18n.language === "en-US" ? named.nameEn || named.nameZh : named.nameZh || named.nameEn) : "–");
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDate(text: string): boolean {
  return DATE.test(text);
}

function toUtc(date: string): number {
  const m = DATE.exec(date);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** Calendar arithmetic without time zones: addDays("2026-11-30", 1) === "2026-12-01". */
export function addDays(date: string, days: number): string {
  const at = toUtc(date);
  if (Number.isNaN(at)) return date;
  return new Date(at + days * 86_400_000).toISOString().slice(0, 10);
}

/** Nights between arrival and departure (departure − arrival). */
export function nightsBetween(arrival: string, departure: string): number {
  return Math.round((toUtc(departure) - toUtc(arrival)) / 86_400_000);
}

/** The weekday of a calendar date, 0 = Sunday. */
export function weekday(date: string): number {
  return new Date(toUtc(date)).getUTCDay();
}

/** Compares two decimal amounts exactly (BigInt through addMoney, never a float): -1, 0 or 1. */
export function compareDecimal(a: string, b: string): number {
  const negated = b.trim().startsWith("-") ? b.trim().slice(1) : `-${b.trim().replace(/^\+/, "")}`;
  const difference = addMoney(a, negated);
  if (/^-/.test(difference)) return -1;
  return /[1-9]/.test(difference) ? 1 : 0;
}
