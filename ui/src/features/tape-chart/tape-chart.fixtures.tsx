// Shared test data and gestures for the tape chart's tests: a small hotel, a mocked desk, pointer helpers.
import { fireEvent, screen } from "@testing-library/react";
import { useAppState } from "../../app/app-state";
import type { Quote, RatePlanInput, ReservationView, RoomTypeInput, TapeBar, TapeChart } from "../../ipc/client";
import { session, status } from "../../test/fixtures";
import type { Handlers } from "../../test/render";
import { COLUMN_WIDTH, HEADER_HEIGHT, LABEL_WIDTH, ROW_HEIGHT } from "./layout";
import { TapeChartArea } from "./TapeChartArea";

export function roomType(id: number, nameZh: string, nameEn: string): RoomTypeInput {
  return {
    id, code: `T${id}`, nameZh, nameEn, areaM2: 25, bedType: "king", maxAdults: 2, maxChildren: 1,
    facilities: [], overbookRooms: 0, overbookPercent: 0, active: true,
  };
}

export const RACK: RatePlanInput = {
  id: 10, roomTypeId: 1, code: "BAR", nameZh: "门市价", nameEn: "Rack rate", kind: "standard", basePrice: "300.00",
  taxInclusive: true, taxPercent: "6", minStay: 1, maxStay: null, cancelFreeHours: 24, cancelFee: "first_night",
  cancelFeePercent: "0", noShowFee: "first_night", noShowFeePercent: "0", rules: [], active: true,
};

export function bar(overrides: Partial<TapeBar>): TapeBar {
  return {
    reservationId: 7, bookingNo: "B2611-0007", roomId: 101, roomTypeId: 1, arrival: "2026-11-24", departure: "2026-11-26",
    guestName: "张伟", state: "confirmed", total: "1234567.89", overbooked: false, ...overrides,
  };
}

export function reservation(overrides: Partial<ReservationView> = {}): ReservationView {
  return {
    id: 7, bookingNo: "B2611-0007", guestId: 3, guestName: "张伟", roomTypeId: 1, ratePlanId: 10, roomId: 101, roomNumber: "101",
    arrival: "2026-11-24", departure: "2026-11-26", adults: 2, children: 0, state: "confirmed", source: "phone",
    sourceDetail: "", specialRequests: "", notes: "", total: "560.00", cancelFee: null, overbooked: false, guarantee: "none", depositDue: "0.00", ...overrides,
  };
}

export function quote(total: string): Quote {
  return {
    nights: [{ night: "2026-11-24", price: "300.00", discount: "0.00", amount: "300.00", net: "283.02", tax: "16.98", source: "base" }],
    total, netTotal: total, taxTotal: "16.98", discountTotal: "0.00", promotion: null,
  };
}

// Rows by type: 0 大床房, 1 unassigned, 2 room 101, 3 room 102, 4 双床房, 5 room 201.
export const CHART: TapeChart = {
  businessDate: "2026-11-23",
  rooms: [
    { id: 101, number: "101", floor: 1, roomTypeId: 1, housekeeping: "clean", blocks: [] },
    { id: 102, number: "102", floor: 1, roomTypeId: 1, housekeeping: "dirty", blocks: [["2026-11-28", "2026-11-30", "out_of_order", "漏水"]] },
    { id: 201, number: "201", floor: 2, roomTypeId: 2, housekeeping: "clean", blocks: [] },
  ],
  bars: [bar({}), bar({ reservationId: 8, bookingNo: "B2611-0008", roomId: null, guestName: "李娜", state: "tentative", total: "0.1" })],
};

/** The area as the shell shows it: only once the session is there. */
export function Area() {
  const { session: current } = useAppState();
  return current ? <TapeChartArea /> : null;
}

export function desk(extra: Handlers = {}): Handlers {
  return {
    app_status: () => status(),
    current_session: () => session(),
    list_room_types: () => [roomType(1, "大床房", "King room"), roomType(2, "双床房", "Twin room")],
    list_rate_plans: () => [RACK],
    tape_chart: () => CHART,
    ...extra,
  };
}

// jsdom has no PointerEvent; without it fireEvent.pointer* would drop clientX / clientY.
if (typeof window.PointerEvent === "undefined") {
  class PointerEventStub extends MouseEvent {
    readonly pointerId: number;
    constructor(type: string, init: PointerEventInit = {}) {
      super(type, init);
      this.pointerId = init.pointerId ?? 1;
    }
  }
  window.PointerEvent = PointerEventStub as unknown as typeof PointerEvent;
}

/** Where a row and a column of the chart are on screen (jsdom lays nothing out: the grid sits at 0,0). */
export const rowY = (row: number) => HEADER_HEIGHT + row * ROW_HEIGHT + 10;
export const colX = (col: number) => LABEL_WIDTH + col * COLUMN_WIDTH + 10;

/** Presses on an element, moves to a point and lets go there, as a mouse drag does. */
export function dragFrom(el: HTMLElement, from: { x?: number; y?: number }, to: { x?: number; y?: number }) {
  fireEvent.pointerDown(el, { button: 0, clientX: from.x ?? 0, clientY: from.y ?? 0, pointerId: 1 });
  fireEvent.pointerMove(el, { clientX: to.x ?? from.x ?? 0, clientY: to.y ?? from.y ?? 0, pointerId: 1 });
  fireEvent.pointerUp(el, { clientX: to.x ?? from.x ?? 0, clientY: to.y ?? from.y ?? 0, pointerId: 1 });
}

/** Drags a bar from one row to another (row positions follow the fixed row height). */
export function dragBar(barId: number, fromRow: number, toRow: number) {
  dragFrom(screen.getByTestId(`tape-bar-${barId}`), { y: rowY(fromRow) }, { y: rowY(toRow) });
}

/** Keys pressed on the focused grid. */
export function press(key: string, extra: { shiftKey?: boolean; ctrlKey?: boolean } = {}) {
  const grid = screen.getByTestId("tape-grid");
  grid.focus();
  fireEvent.keyDown(grid, { key, ...extra });
}
