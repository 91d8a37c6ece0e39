import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { useAppState } from "../../app/app-state";
import type { DeskRow, FolioSummary, FrontDesk, RoomStatusView } from "../../ipc/client";
import { apiError, session, status } from "../../test/fixtures";
import { renderWithIpc, type Handlers } from "../../test/render";
import { RACK, reservation } from "../reservations/testing";
import { dueAfterDeposit } from "./CheckOutDialog";
import { FrontDeskArea } from "./FrontDeskArea";

const ARRIVAL: DeskRow = {
  reservation: reservation({ arrival: "2026-11-23", departure: "2026-11-24", roomId: 101, roomNumber: "101" }),
  roomStatus: "vacant_clean",
  balance: null,
  depositHeld: null,
  next: "check_in",
};
const IN_HOUSE: DeskRow = {
  reservation: reservation({ id: 8, bookingNo: "B2611-0008", guestName: "王芳", state: "checked_in", arrival: "2026-11-22", departure: "2026-11-23", roomId: 102, roomNumber: "102" }),
  roomStatus: "occupied_clean",
  balance: "68.00",
  depositHeld: "500.00",
  next: "check_out",
};

function desk(): FrontDesk {
  return { businessDate: "2026-11-23", arrivals: [ARRIVAL], departures: [IN_HOUSE], inHouse: [IN_HOUSE] };
}

function room(roomId: number, overrides: Partial<RoomStatusView> = {}): RoomStatusView {
  return {
    roomId, number: String(roomId), floor: 1, roomTypeId: 1, roomTypeCode: "DK", housekeeping: "clean", occupied: false,
    status: "vacant_clean", block: null, blocks: [], inHouse: null, dueOut: false, arrival: null, ...overrides,
  };
}

function folio(overrides: Partial<FolioSummary["totals"]> = {}): FolioSummary {
  return {
    id: 31, number: "F000031", label: "", payerName: "", companyAccount: false, creditLimit: null, state: "open", reservationId: 8,
    bookingNo: "B2611-0008", reservationState: "checked_in", guestName: "王芳", roomNumber: "102", arrival: "2026-11-22",
    departure: "2026-11-23",
    totals: { charges: "68.00", tax: "3.85", payments: "0.00", transfers: "0.00", balance: "68.00", depositHeld: "500.00", ...overrides },
  };
}

function handlers(extra: Handlers = {}): Handlers {
  return {
    app_status: () => status(),
    current_session: () => session(),
    front_desk: () => desk(),
    housekeeping_board: () => ({
      businessDate: "2026-11-23",
      rooms: [room(101), room(103, { housekeeping: "dirty", status: "vacant_dirty" }), room(102, { occupied: true, status: "occupied_clean" })],
      counts: { vacantClean: 1, vacantDirty: 1, occupiedClean: 1, occupiedDirty: 0, inspected: 0, outOfOrder: 0, outOfService: 0 },
      floors: [1],
      roomTypes: [{ id: 1, code: "DK" }],
    }),
    list_rate_plans: () => [RACK],
    get_guest: () => ({
      id: 3, name: "张伟", phone: "13800138000", email: "", preferences: { floor: null, smoking: null, quiet: false, bed: "" },
      idType: "", idNumber: "", nationality: "", idRegion: "", province: null, birthDate: null,
    }),
    reservation_folios: () => [folio()],
    check_out_quote: () => ({ tonight: null, early: false }),
    document_pdf: () => ({ fileName: "doc.pdf", base64: btoa("%PDF-1.7 doc") }),
    lock_session: () => null,
    touch_session: () => null,
    ...extra,
  };
}

function Area() {
  const { session: current } = useAppState();
  return current ? <FrontDeskArea /> : null;
}

afterEach(() => {
  window.location.hash = "";
});

describe("front desk", () => {
  it("lists today's arrivals, departures and guests in house with counts and the next action", async () => {
    await renderWithIpc(handlers(), <Area />);
    expect(await screen.findByTestId("front-desk-row-B2611-0007")).toHaveTextContent("张伟");
    expect(screen.getByTestId("front-desk-tab-arrivals")).toHaveTextContent("1");
    expect(screen.getByTestId("front-desk-check-in-B2611-0007")).toHaveTextContent("入住");
    await userEvent.click(screen.getByTestId("front-desk-tab-departures"));
    const row = await screen.findByTestId("front-desk-row-B2611-0008");
    expect(row).toHaveTextContent("住净");
    expect(row).toHaveTextContent("68.00");
    expect(row).toHaveTextContent("500.00");
    expect(within(row).getByTestId("front-desk-check-out-B2611-0008")).toBeInTheDocument();
  });

  it("checks an arrival in with every guest's ID document and a deposit", async () => {
    const { calls } = await renderWithIpc(
      handlers({
        check_in: () => ({ reservation: { ...ARRIVAL.reservation, state: "checked_in" }, stayId: 1, folioId: 31, guests: ["张伟"] }),
      }),
      <Area />,
    );
    await userEvent.click(await screen.findByTestId("front-desk-check-in-B2611-0007"));
    await waitFor(() => expect(screen.getByTestId("stay-guest-name-0")).toHaveValue("张伟"));
    await userEvent.type(screen.getByLabelText("证件号码"), "440304198506151237");
    await userEvent.type(screen.getByTestId("check-in-key-card"), "0815");
    await userEvent.type(screen.getByTestId("check-in-deposit"), "500");
    await userEvent.click(screen.getByTestId("check-in-save"));
    await waitFor(() => expect(calls.mock.calls.some(([cmd]) => cmd === "check_in")).toBe(true));
    const sent = calls.mock.calls.find(([cmd]) => cmd === "check_in")?.[1] as { input: Record<string, unknown> };
    expect(sent.input).toMatchObject({
      reservationId: 7,
      roomId: 101,
      allowDirty: false,
      keyCard: "0815",
      deposit: { method: "cash", amount: "500" },
      guests: [{ guestId: 3, guest: { name: "张伟", idDocument: { kind: "china_resident_id", number: "440304198506151237" } } }],
    });
  });

  it("asks before putting a guest in a dirty room, then checks in with the confirmation", async () => {
    let tries = 0;
    const { calls } = await renderWithIpc(
      handlers({
        check_in: (args) => {
          tries += 1;
          if (!(args.input as { allowDirty: boolean }).allowDirty) throw apiError("errors.stay.room_dirty", { room: "101" });
          return { reservation: { ...ARRIVAL.reservation, state: "checked_in" }, stayId: 1, folioId: 31, guests: ["张伟"] };
        },
      }),
      <Area />,
    );
    await userEvent.click(await screen.findByTestId("front-desk-check-in-B2611-0007"));
    await waitFor(() => expect(screen.getByTestId("stay-guest-name-0")).toHaveValue("张伟"));
    await userEvent.click(screen.getByTestId("check-in-save"));
    expect(await screen.findByTestId("check-in-dirty")).toHaveTextContent("101");
    await userEvent.click(screen.getByTestId("check-in-dirty-confirm"));
    await waitFor(() => expect(tries).toBe(2));
    expect(calls.mock.calls.filter(([cmd]) => cmd === "check_in")).toHaveLength(2);
  });

  it("checks out: deposit applied, the rest refunded, paid by WeChat Pay and invoiced", async () => {
    const { calls } = await renderWithIpc(
      handlers({
        check_out_quote: () => ({ tonight: "299.00", early: false }),
        check_out: () => ({ reservation: { ...IN_HOUSE.reservation, state: "checked_out" }, invoices: [{ id: 5, number: "INV000005", folioId: 31 }], roomNumber: "102" }),
      }),
      <Area />,
    );
    await userEvent.click(await screen.findByTestId("front-desk-tab-departures"));
    await userEvent.click(await screen.findByTestId("front-desk-check-out-B2611-0008"));
    expect(await screen.findByTestId("check-out-tonight")).toHaveTextContent("299.00");
    // 68 + 299 tonight = 367 owed, all of it taken from the 500 deposit: nothing to pay, 133 back.
    expect(screen.getByTestId("check-out-due-F000031")).toHaveTextContent("0.00");
    expect(screen.getByTestId("check-out-refund-method")).toBeInTheDocument();
    await userEvent.click(screen.getByTestId("check-out-save"));
    await waitFor(() => expect(calls.mock.calls.some(([cmd]) => cmd === "check_out")).toBe(true));
    const sent = calls.mock.calls.find(([cmd]) => cmd === "check_out")?.[1] as { input: Record<string, unknown> };
    expect(sent.input).toMatchObject({
      reservationId: 8,
      applyDeposit: true,
      depositRefundMethod: "cash",
      invoice: { name: "王芳", taxpayerId: "" },
    });
  });

  it("works out what is due after the deposit exactly", () => {
    expect(dueAfterDeposit(folio(), true, "299.00")).toEqual({ due: "0.00", refund: "133.00" });
    expect(dueAfterDeposit(folio({ depositHeld: "100.00" }), true, "0")).toEqual({ due: "0.00", refund: "32.00" });
    expect(dueAfterDeposit(folio(), false, "0")).toEqual({ due: "68.00", refund: "500.00" });
  });
});
