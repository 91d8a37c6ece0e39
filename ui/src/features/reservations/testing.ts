// Shared fixtures of the reservation feature's tests: a hotel with one room type and plan, a reservation,
// a quote, the IPC handlers of the area, and picking an option of a Mantine Select.
import { within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import type { Quote, RatePlanInput, ReservationView, RoomTypeInput, TypeNight } from "../../ipc/client";
import { session, status } from "../../test/fixtures";
import type { Handlers } from "../../test/render";

export const KING: RoomTypeInput = {
  id: 1, code: "DK", nameZh: "大床房", nameEn: "King room", areaM2: 25, bedType: "king", maxAdults: 2, maxChildren: 1,
  facilities: [], overbookRooms: 1, overbookPercent: 0, active: true,
};
export const RACK: RatePlanInput = {
  id: 10, roomTypeId: 1, code: "BAR", nameZh: "门市价", nameEn: "Rack rate", kind: "standard", basePrice: "300.00",
  taxInclusive: true, taxPercent: "6", minStay: 1, maxStay: null, cancelFreeHours: 24, cancelFee: "first_night",
  cancelFeePercent: "0", noShowFee: "first_night", noShowFeePercent: "0", rules: [], active: true,
};

export function reservation(overrides: Partial<ReservationView> = {}): ReservationView {
  return {
    id: 7, bookingNo: "B2611-0007", guestId: 3, guestName: "张伟", roomTypeId: 1, ratePlanId: 10, roomId: null, roomNumber: null,
    arrival: "2026-11-24", departure: "2026-11-26", adults: 2, children: 0, state: "confirmed", source: "phone",
    sourceDetail: "", specialRequests: "", notes: "", total: "560.00", cancelFee: null, overbooked: false, guarantee: "none", depositDue: "0.00", ...overrides,
  };
}

export function night(date: string, available: number): TypeNight {
  return { roomTypeId: 1, night: date, rooms: 10, outOfOrder: 0, sold: 10 - available, available, sellable: available + 1 };
}

export function quote(total: string): Quote {
  return {
    nights: [
      { night: "2026-11-23", price: "300.00", discount: "20.00", amount: "280.00", net: "264.15", tax: "15.85", source: "base" },
    ],
    total, netTotal: total, taxTotal: "15.85", discountTotal: "20.00", promotion: null,
  };
}

export function desk(extra: Handlers = {}): Handlers {
  return {
    app_status: () => status(),
    current_session: () => session(),
    list_room_types: () => [KING],
    list_rate_plans: () => [RACK],
    availability: () => [night("2026-11-23", 3), night("2026-11-24", 0)],
    list_reservations: () => [],
    ...extra,
  };
}

/** Picks an option of one Select (every Select keeps its options in the document, so look in its own list). */
export async function pick(input: HTMLElement, name: string) {
  await userEvent.click(input);
  const list = await vi.waitFor(() => {
    const id = input.getAttribute("aria-controls");
    const found = id ? document.getElementById(id) : null;
    if (!found) throw new Error("the list did not open");
    return found;
  });
  await userEvent.click(within(list).getByRole("option", { name, hidden: true }));
}

