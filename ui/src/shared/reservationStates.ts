// The reservation states and the one colour legend every screen uses for them (lists, tape chart, badges).

/** States as Rust stores them: Tentative → Confirmed → CheckedIn → CheckedOut, or Cancelled, NoShow, Walked. */
export const RESERVATION_STATES = ["tentative", "confirmed", "checked_in", "checked_out", "cancelled", "no_show", "walked"] as const;
export type ReservationState = (typeof RESERVATION_STATES)[number];

/** Mantine colour names; the tape chart's blocks and every list's badges use these and no others. */
export const RESERVATION_STATE_COLORS: Record<ReservationState, string> = {
  tentative: "yellow",
  confirmed: "blue",
  checked_in: "green",
  checked_out: "gray",
  cancelled: "red",
  no_show: "orange",
  walked: "grape",
};

export function isReservationState(value: string): value is ReservationState {
  return (RESERVATION_STATES as readonly string[]).includes(value);
}

/** The colour of a state; an unknown state (newer Rust) shows grey rather than nothing. */
export function reservationStateColor(state: string): string {
  return isReservationState(state) ? RESERVATION_STATE_COLORS[state] : "gray";
}

/** The i18n key of a state's label ("checked_in" → "reservations.state.checked_in"). */
export function reservationStateKey(state: string): string {
  return `reservations.state.${state}`;
}

/** Only these may still be cancelled (Rust refuses the others with errors.reservation.wrong_state). */
export function isCancellable(state: string): boolean {
  return state === "tentative" || state === "confirmed";
}
