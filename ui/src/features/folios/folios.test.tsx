import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import type { FolioSummary, FolioView, Permission, PostingView } from "../../ipc/client";
import { apiError, session, status } from "../../test/fixtures";
import { renderWithIpc, type Handlers } from "../../test/render";
import { checkAmount, checkNoCardNumber, luhnValid } from "./queries";

// The fixture session's business date is 2026-11-23.
const SUMMARY: FolioSummary = {
  id: 11,
  number: "F000011",
  label: "",
  payerName: "",
  companyAccount: false,
  creditLimit: null,
  state: "open",
  reservationId: 7,
  bookingNo: "B000007",
  reservationState: "checked_in",
  guestName: "张伟",
  roomNumber: "1203",
  arrival: "2026-11-22",
  departure: "2026-11-24",
  totals: { charges: "357.00", tax: "20.21", payments: "0.00", transfers: "0.00", balance: "357.00", depositHeld: "500.00" },
};

function posting(id: number, overrides: Partial<PostingView> = {}): PostingView {
  return {
    id,
    folioId: 11,
    kind: "charge",
    chargeCode: "ROOM",
    chargeNameZh: "房费",
    chargeNameEn: "Room",
    paymentMethod: "",
    amount: "299.00",
    tax: "16.92",
    businessDate: "2026-11-22",
    night: "2026-11-22",
    postedAt: "2026-11-22T16:00:00Z",
    username: "system",
    description: "",
    reference: "",
    cardBrand: "",
    cardLast4: "",
    authCode: "",
    voidsId: null,
    adjustsId: null,
    voidedBy: null,
    reason: "",
    ...overrides,
  };
}

const ROOM = posting(1);
const MINIBAR = posting(2, { chargeCode: "MINIBAR", chargeNameZh: "迷你吧", chargeNameEn: "Minibar", amount: "35.00", tax: "4.03", businessDate: "2026-11-23", night: null, voidedBy: 3 });
const VOID = posting(3, { chargeCode: "MINIBAR", chargeNameZh: "迷你吧", chargeNameEn: "Minibar", amount: "-35.00", tax: "-4.03", businessDate: "2026-11-23", night: null, voidsId: 2, reason: "wrong room" });
const BREAKFAST = posting(4, { chargeCode: "BREAKFAST", chargeNameZh: "早餐", chargeNameEn: "Breakfast", amount: "58.00", tax: "3.28", businessDate: "2026-11-23", night: null });
const DEPOSIT = posting(5, { kind: "deposit", chargeCode: null, chargeNameZh: "", chargeNameEn: "", paymentMethod: "cash", amount: "500.00", tax: "0.00", businessDate: "2026-11-22", night: null });

const VIEW: FolioView = { folio: SUMMARY, postings: [ROOM, MINIBAR, VOID, BREAKFAST, DEPOSIT], routes: [], businessDate: "2026-11-23" };

function desk(extra: Handlers = {}, permissions?: Permission[]): Handlers {
  return {
    app_status: () => status(),
    current_session: () => session(permissions),
    search_folios: () => [SUMMARY],
    reservation_folios: () => [SUMMARY],
    get_folio: () => VIEW,
    list_charge_codes: () => [
      { id: 1, code: "ROOM", nameZh: "房费", nameEn: "Room", department: "rooms", taxPercent: "6.00", active: true, required: true },
      { id: 2, code: "BREAKFAST", nameZh: "早餐", nameEn: "Breakfast", department: "food_beverage", taxPercent: "6.00", active: true, required: false },
    ],
    ...extra,
  };
}

async function openFolio(handlers: Handlers) {
  window.location.hash = "#/cashier";
  const rendered = await renderWithIpc(handlers);
  fireEvent.click(await screen.findByTestId("cashier-row-F000011"));
  await screen.findByTestId("folio-postings");
  return rendered;
}

afterEach(() => {
  window.location.hash = "";
});

describe("folio input checks", () => {
  it("take amounts as exact decimals with the currency's digits", () => {
    expect(checkAmount("amount", "58", 2)).toBeNull();
    expect(checkAmount("amount", "0.10", 2)).toBeNull();
    for (const bad of ["", "abc", "1,000", "0", "-5", "1.005"]) expect(checkAmount("amount", bad, 2), bad).not.toBeNull();
    expect(checkAmount("amount", "-20.00", 2, true)).toBeNull();
    expect(checkAmount("amount", "0.00", 2, true)?.key).toBe("folios.errors.nonZero");
  });

  it("refuse full card numbers as Rust does", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
    expect(checkNoCardNumber("reference", "4111 1111 1111 1111")?.key).toBe("errors.folio.card_number");
    expect(checkNoCardNumber("reference", "pos 5500-0055-5555-5559")).not.toBeNull();
    for (const ok of ["", "1111", "13800138000", "B000123", "4111111111111112"]) expect(checkNoCardNumber("reference", ok), ok).toBeNull();
  });
});

describe("folio panel", () => {
  it("shows the totals with the deposit apart and strikes voided lines through", async () => {
    await openFolio(desk());
    expect(screen.getByTestId("folio-balance").textContent).toBe("¥357.00");
    expect(screen.getByTestId("folio-deposit").textContent).toBe("¥500.00");
    expect(screen.getByTestId("posting-2").getAttribute("data-voided")).toBe("true");
    expect(screen.getByTestId("posting-4").getAttribute("data-voided")).toBeNull();
    expect(within(screen.getByTestId("posting-3")).getByText("冲销")).toBeTruthy();
    expect(within(screen.getByTestId("posting-3")).getByText(/wrong room/)).toBeTruthy();
  });

  it("posts a charge with the amount as a string and shows the answer", async () => {
    const after: FolioView = { ...VIEW, folio: { ...SUMMARY, totals: { ...SUMMARY.totals, charges: "473.00", balance: "473.00" } }, postings: [...VIEW.postings, posting(6, { chargeCode: "BREAKFAST", amount: "116.00", businessDate: "2026-11-23", description: "× 2" })] };
    let current = VIEW;
    const { calls } = await openFolio(desk({ get_folio: () => current, post_charge: () => (current = after) }));
    fireEvent.click(screen.getByTestId("folio-charge"));
    const dialog = await screen.findByRole("dialog");
    await userEvent.click(within(dialog).getByTestId("charge-code"));
    await userEvent.click(await screen.findByRole("option", { name: /BREAKFAST/, hidden: true }));
    await userEvent.type(within(dialog).getByTestId("charge-amount"), "58");
    await userEvent.clear(within(dialog).getByTestId("charge-quantity"));
    await userEvent.type(within(dialog).getByTestId("charge-quantity"), "2{Enter}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const sent = calls.mock.calls.find(([cmd]) => cmd === "post_charge")?.[1];
    expect(sent).toEqual({ folioId: 11, input: { chargeCode: "BREAKFAST", amount: "58", quantity: 2, description: "", night: null } });
    expect(screen.getByTestId("folio-balance").textContent).toBe("¥473.00");
  });

  it("refuses a full card number before anything is sent, and shows Rust's refusal beside the field", async () => {
    const { calls } = await openFolio(
      desk({ refund_payment: () => { throw apiError("errors.folio.refund_above_paid", { method: "cash", available: "100.00" }); } }),
    );
    fireEvent.click(screen.getByTestId("folio-payment"));
    let dialog = await screen.findByRole("dialog");
    await userEvent.type(within(dialog).getByTestId("method-amount"), "100");
    await userEvent.type(within(dialog).getByTestId("method-reference"), "4111 1111 1111 1111{Enter}");
    expect(await within(dialog).findByText(/完整卡号/)).toBeTruthy();
    expect(calls.mock.calls.some(([cmd]) => cmd === "post_payment")).toBe(false);
    fireEvent.click(within(dialog).getByText("取消"));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    fireEvent.click(screen.getByTestId("folio-refund"));
    dialog = await screen.findByRole("dialog");
    await userEvent.type(within(dialog).getByTestId("method-amount"), "150{Enter}");
    expect(await within(dialog).findByTestId("folio-dialog-error")).toHaveTextContent("最多可退 100.00");
  });

  it("voids only a posting of today that is not voided, with a reason", async () => {
    const { calls } = await openFolio(desk({ void_posting: () => VIEW }));
    const voidButton = screen.getByTestId("folio-void");
    expect(voidButton).toBeDisabled();
    fireEvent.click(screen.getByTestId("posting-1"));
    expect(voidButton).toBeDisabled();
    expect(screen.getByTestId("folio-adjust")).toBeEnabled();
    fireEvent.click(screen.getByTestId("posting-2"));
    expect(voidButton).toBeDisabled();
    fireEvent.keyDown(screen.getByTestId("posting-4"), { key: "Enter" });
    expect(voidButton).toBeEnabled();
    fireEvent.click(voidButton);
    const dialog = await screen.findByRole("dialog");
    await userEvent.type(within(dialog).getByTestId("correct-reason"), "guest did not eat{Enter}");
    await waitFor(() => expect(calls.mock.calls.find(([cmd]) => cmd === "void_posting")?.[1]).toEqual({ postingId: 4, reason: "guest did not eat" }));
  });

  it("hides voids and adjustments from those without the void permission", async () => {
    await openFolio(desk({}, ["folios.post"]));
    expect(screen.queryByTestId("folio-void")).toBeNull();
    expect(screen.getByTestId("folio-charge")).toBeEnabled();
  });
});
