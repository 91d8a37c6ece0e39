// The new-booking form as plain data: defaults, the BookingInput it sends, client checks, where errors show.
import type { ApiError, BookingInput, GuestView } from "../../ipc/client";
import type { IdDocumentValue } from "../guests";
import { clientError } from "../../shared/errors";
import { isDecimal } from "../../shared/money";
import { checkText } from "../../shared/validation";
import { addDays, isDate, nightsBetween } from "./queries";

export interface RoomLine {
  key: number;
  roomTypeId: string | null;
  ratePlanId: string | null;
  adults: number;
  children: number;
  /** A room picked before the dialog opened (on the tape chart), assigned when the booking is saved. */
  roomId: number | null;
  roomNumber: string | null;
}

/** What a booking started elsewhere (a night or a range on the tape chart) fills in. */
export interface BookingPrefill {
  arrival: string;
  departure: string;
  roomTypeId: number;
  roomId: number | null;
  roomNumber: string | null;
}

export interface BookingForm {
  arrival: string;
  departure: string;
  rooms: RoomLine[];
  guestMode: "existing" | "new";
  guest: GuestView | null;
  newGuest: { name: string; phone: string; email: string; idDocument: IdDocumentValue; nationality: string };
  source: string;
  sourceDetail: string;
  specialRequests: string;
  notes: string;
  promotionCode: string;
  tentative: boolean;
  guarantee: string;
  /** The deposit asked before arrival, a decimal string ("" for none). */
  depositDue: string;
}

/** How a booking may be guaranteed (Rust's GUARANTEES). */
export const GUARANTEES = ["none", "card", "deposit", "company", "prepaid"] as const;

let nextKey = 1;
export function newRoomLine(): RoomLine {
  nextKey += 1;
  return { key: nextKey, roomTypeId: null, ratePlanId: null, adults: 2, children: 0, roomId: null, roomNumber: null };
}

/** A fresh form from the business date, or filled from `prefill` (with the type's default rate plan). */
export function emptyBooking(businessDate: string, prefill?: BookingPrefill, ratePlanId: string | null = null): BookingForm {
  const line = newRoomLine();
  return {
    arrival: prefill?.arrival ?? businessDate,
    departure: prefill?.departure ?? addDays(businessDate, 1),
    rooms: [
      prefill
        ? { ...line, roomTypeId: String(prefill.roomTypeId), ratePlanId, roomId: prefill.roomId, roomNumber: prefill.roomNumber }
        : line,
    ],
    guestMode: "existing",
    guest: null,
    newGuest: { name: "", phone: "", email: "", idDocument: { kind: "china_resident_id", number: "" }, nationality: "" },
    source: "walk_in",
    sourceDetail: "",
    specialRequests: "",
    notes: "",
    promotionCode: "",
    tentative: false,
    guarantee: "none",
    depositDue: "",
  };
}

/** True when dates and every room line are complete enough to ask Rust for a price. */
export function canQuote(form: BookingForm): boolean {
  return (
    isDate(form.arrival) &&
    isDate(form.departure) &&
    nightsBetween(form.arrival, form.departure) > 0 &&
    form.rooms.length > 0 &&
    form.rooms.every((r) => r.roomTypeId !== null && r.ratePlanId !== null)
  );
}

/** The BookingInput Rust receives; the quote uses the same input without the guest. */
export function toBookingInput(form: BookingForm, confirmOverbooking = false): BookingInput {
  const existing = form.guestMode === "existing";
  return {
    guestId: existing && form.guest ? form.guest.id : null,
    newGuest: existing
      ? null
      : {
          name: form.newGuest.name.trim(),
          phone: form.newGuest.phone.trim(),
          email: form.newGuest.email.trim(),
          idDocument: form.newGuest.idDocument.number.trim() ? { ...form.newGuest.idDocument, number: form.newGuest.idDocument.number.trim() } : null,
          nationality: form.newGuest.nationality.trim(),
        },
    arrival: form.arrival,
    departure: form.departure,
    rooms: form.rooms.map((r) => ({
      roomTypeId: Number(r.roomTypeId),
      ratePlanId: Number(r.ratePlanId),
      adults: r.adults,
      children: r.children,
      roomId: r.roomId,
    })),
    source: form.source,
    sourceDetail: form.sourceDetail.trim(),
    specialRequests: form.specialRequests.trim(),
    notes: form.notes.trim(),
    promotionCode: form.promotionCode.trim() || null,
    tentative: form.tentative,
    confirmOverbooking,
    guarantee: form.guarantee,
    depositDue: form.depositDue.trim() || "0",
  };
}

/** Problems found before calling Rust, keyed like `fieldOf` keys them. */
export function checkBooking(form: BookingForm): Record<string, ApiError> {
  const errors: Record<string, ApiError> = {};
  if (!isDate(form.arrival)) errors.arrival = clientError("errors.validation.required", { field: "arrival" });
  if (!isDate(form.departure)) errors.departure = clientError("errors.validation.required", { field: "departure" });
  else if (isDate(form.arrival) && nightsBetween(form.arrival, form.departure) <= 0) {
    errors.departure = clientError("errors.pricing.departure_not_after_arrival");
  }
  form.rooms.forEach((r, i) => {
    if (r.roomTypeId === null) errors[`room.${i}.roomTypeId`] = clientError("errors.validation.required", { field: "roomTypeId" });
    else if (r.ratePlanId === null) errors[`room.${i}.ratePlanId`] = clientError("errors.validation.required", { field: "ratePlanId" });
  });
  const deposit = form.depositDue.trim();
  if (deposit !== "" && (!isDecimal(deposit) || deposit.startsWith("-"))) {
    errors.depositDue = clientError("errors.validation.invalid", { field: "depositDue" });
  }
  if (form.guestMode === "existing") {
    if (!form.guest) errors.guestId = clientError("errors.validation.required", { field: "guestId" });
  } else {
    const name = checkText("guestName", form.newGuest.name, 120);
    const phone = checkText("phone", form.newGuest.phone, 40);
    if (name) errors.guestName = name;
    if (phone) errors.phone = phone;
  }
  return errors;
}

const FIELDS: Record<string, string> = {
  arrival: "arrival",
  departure: "departure",
  guestId: "guestId",
  guestName: "guestName",
  name: "guestName",
  phone: "phone",
  email: "email",
  idType: "idNumber",
  idNumber: "idNumber",
  nationality: "nationality",
  source: "source",
  sourceDetail: "sourceDetail",
  specialRequests: "specialRequests",
  notes: "notes",
  promotion: "promotionCode",
  promotionCode: "promotionCode",
  guarantee: "guarantee",
  depositDue: "depositDue",
  roomTypeId: "room.0.roomTypeId",
  ratePlanId: "room.0.ratePlanId",
};

/** Where the form shows an error from Rust (a form key), or undefined for an alert. */
export function fieldOf(error: ApiError): string | undefined {
  if (error.key === "errors.pricing.departure_not_after_arrival") return "departure";
  if (error.key.startsWith("errors.pricing.promotion_")) return "promotionCode";
  const field = error.params?.field;
  return field ? FIELDS[field] : undefined;
}
