// Rate plans as the set-up screen reads them, and the weekday bit set of price rules.
import { useQuery } from "@tanstack/react-query";
import { call, commands } from "../../ipc/client";

export const RATE_PLANS_KEY = ["ratePlans"] as const;

export const PLAN_KINDS = ["standard", "member", "corporate"] as const;
export const FEE_KINDS = ["none", "first_night", "percent", "whole_stay"] as const;

/** Monday first, as the bit set counts: Monday = 1, Tuesday = 2, … Sunday = 64. */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const ALL_WEEKDAYS = 0b111_1111;

export function useRatePlans() {
  return useQuery({ queryKey: RATE_PLANS_KEY, queryFn: () => call(commands.listRatePlans()) });
}

/** The bit of one weekday: weekdayBit("mon") === 1, weekdayBit("sun") === 64. */
export function weekdayBit(day: Weekday): number {
  return 1 << WEEKDAYS.indexOf(day);
}

/** Whether the set holds the day. */
export function hasWeekday(set: number, day: Weekday): boolean {
  return (set & weekdayBit(day)) !== 0;
}

/** The set with the day switched on or off. */
export function withWeekday(set: number, day: Weekday, on: boolean): number {
  return (on ? set | weekdayBit(day) : set & ~weekdayBit(day)) & ALL_WEEKDAYS;
}

/** The days of a set, Monday first. */
export function weekdaysOf(set: number): Weekday[] {
  return WEEKDAYS.filter((d) => hasWeekday(set, d));
}

/** The set holding exactly these days. */
export function weekdaySet(days: readonly Weekday[]): number {
  return days.reduce((set, d) => set | weekdayBit(d), 0);
}
