import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { useAppState } from "../../app/app-state";
import { apiError } from "../../test/fixtures";
import { renderWithIpc } from "../../test/render";
import { compareDecimal } from "./queries";
import { ReservationsArea } from "./ReservationsArea";
import { desk, pick, quote, reservation } from "./testing";

/** The area as the shell shows it: only once the session is there. */
function Area() {
  const { session: current } = useAppState();
  return current ? <ReservationsArea /> : null;
}

async function openBooking() {
  await userEvent.click(await screen.findByTestId("reservations-new"));
  await pick(await screen.findByTestId("booking-room-type"), "大床房");
  await vi.waitFor(() => expect(screen.getByTestId("booking-rate-plan")).toHaveValue("BAR · 门市价"));
}

describe("reservation list", () => {
  it("sends the filters as a ReservationFilter, Ctrl+F finds the guest box, Ctrl+N books, sold-out nights show red", async () => {
    const { calls } = await renderWithIpc(desk(), <Area />);
    expect(await screen.findByText("自 2026年11月23日 起没有预订")).toBeInTheDocument();
    const filters = () => calls.mock.calls.filter(([cmd]) => cmd === "list_reservations").map(([, args]) => args.filter);
    expect(filters()[0]).toEqual({ from: "2026-11-23", to: null, state: null, source: null, roomTypeId: null, guest: null });
    expect(calls).toHaveBeenCalledWith("availability", { from: "2026-11-23", to: "2026-12-07" });
    expect(await screen.findByTestId("availability-1-2026-11-24")).toHaveAttribute("data-full", "true");
    expect(screen.getByTestId("availability-1-2026-11-23")).not.toHaveAttribute("data-full");

    fireEvent.keyDown(document.documentElement, { key: "f", code: "KeyF", ctrlKey: true });
    const guest = screen.getByTestId("reservations-guest-filter");
    expect(guest).toHaveFocus();
    await userEvent.type(guest, "zw");
    await pick(screen.getByTestId("reservations-filter-state"), "已取消");
    await pick(screen.getByTestId("reservations-filter-type"), "大床房");
    await vi.waitFor(() =>
      expect(filters().at(-1)).toEqual({ from: "2026-11-23", to: null, state: "cancelled", source: null, roomTypeId: 1, guest: "zw" }),
    );
    expect(await screen.findByText("没有符合筛选条件的预订")).toBeInTheDocument();

    fireEvent.keyDown(document.documentElement, { key: "n", code: "KeyN", ctrlKey: true });
    expect(await screen.findByTestId("booking-arrival")).toHaveValue("2026-11-23");
    expect(screen.getByTestId("booking-departure")).toHaveValue("2026-11-24");
  });

  it("sorts totals exactly, even where a float could not tell them apart", async () => {
    const rows = [
      reservation({ id: 1, bookingNo: "B-1", total: "9007199254740992.99" }),
      reservation({ id: 2, bookingNo: "B-2", total: "9007199254740993.01" }),
      reservation({ id: 3, bookingNo: "B-3", total: "35.50" }),
    ];
    await renderWithIpc(desk({ list_reservations: () => rows }), <Area />);
    const table = await screen.findByTestId("reservations-table");
    await screen.findByText("B-1");
    const order = () => within(table).getAllByRole("row").slice(1).map((row) => within(row).getAllByRole("cell")[1].textContent);
    await userEvent.click(screen.getByTestId("reservations-sort-total"));
    expect(order()).toEqual(["B-3", "B-1", "B-2"]);
    await userEvent.click(screen.getByTestId("reservations-sort-total"));
    expect(order()).toEqual(["B-2", "B-1", "B-3"]);
    expect(screen.getByText("¥9,007,199,254,740,993.01")).toBeInTheDocument();
    expect(compareDecimal("0.30", "0.1")).toBe(1);
    expect(compareDecimal("-2.5", "-2.50")).toBe(0);
  });
});

describe("new booking", () => {
  it("shows the quoted total to the last digit before saving, and sends the chosen type and rate plan", async () => {
    const { calls } = await renderWithIpc(desk({ quote_booking: () => [quote("12345678901234567.89")] }), <Area />);
    await openBooking();
    const total = await screen.findByTestId("booking-quote-total");
    expect(total).toHaveTextContent("¥12,345,678,901,234,567.89");
    expect(screen.getByTestId("booking-quote-tax")).toHaveTextContent("¥15.85");
    expect(within(screen.getByTestId("booking-quote-room-0")).getByText("¥280.00")).toBeInTheDocument();
    const input = calls.mock.calls.find(([cmd]) => cmd === "quote_booking")?.[1].input;
    expect(input).toMatchObject({ arrival: "2026-11-23", departure: "2026-11-24", rooms: [{ roomTypeId: 1, ratePlanId: 10, adults: 2, children: 0, roomId: null }] });
    expect(document.querySelector("style")).toBeNull();
  });

  it("asks before overbooking and retries with confirmOverbooking, then shows the booking number", async () => {
    const create = vi.fn((args: Record<string, unknown>) => {
      const input = args.input as { confirmOverbooking: boolean };
      if (!input.confirmOverbooking) throw apiError("errors.reservation.overbook_not_confirmed", { night: "2026-11-24" });
      return [reservation({ bookingNo: "B2611-0012", overbooked: true })];
    });
    await renderWithIpc(desk({ quote_booking: () => [quote("280.00")], create_booking: create }), <Area />);
    await openBooking();
    await userEvent.click(screen.getByTestId("booking-guest-new"));
    await userEvent.type(screen.getByTestId("booking-guest-name"), "李娜");
    await userEvent.type(screen.getByTestId("booking-guest-phone"), "13800138000");
    await userEvent.click(screen.getByTestId("booking-save"));

    expect(await screen.findByTestId("overbook-question")).toHaveTextContent("该房型在 2026年11月24日 已满，是否超订？");
    expect(create).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByTestId("overbook-confirm"));
    expect(await screen.findByTestId("booking-number")).toHaveTextContent("B2611-0012");
    expect(create).toHaveBeenCalledTimes(2);
    expect(create.mock.calls[1][0].input).toMatchObject({
      confirmOverbooking: true,
      guestId: null,
      newGuest: { name: "李娜", phone: "13800138000", email: "" },
      source: "walk_in",
    });
  });

  it("finds a guest by pinyin initials as typing pauses and books for the one picked", async () => {
    const create = vi.fn(() => [reservation({ bookingNo: "B2611-0013" })]);
    const { calls } = await renderWithIpc(
      desk({
        quote_booking: () => [quote("280.00")],
        search_guests: () => [{ id: 3, name: "张伟", phone: "13800138000", email: "" }],
        create_booking: create,
      }),
      <Area />,
    );
    await openBooking();
    const search = screen.getByTestId("booking-guest-search");
    await userEvent.type(search, "zw");
    await vi.waitFor(() => expect(calls).toHaveBeenCalledWith("search_guests", { text: "zw" }));
    expect(calls.mock.calls.filter(([cmd]) => cmd === "search_guests")).toHaveLength(1);
    await pick(search, "张伟 · 13800138000");
    await userEvent.click(screen.getByTestId("booking-save"));
    expect(await screen.findByTestId("booking-number")).toHaveTextContent("B2611-0013");
    expect(create.mock.calls[0]).toMatchObject([{ input: { guestId: 3, newGuest: null, confirmOverbooking: false } }]);
  });

  it("shows a field error from Rust beside the field and asks for a guest before saving", async () => {
    const create = vi.fn(() => {
      throw apiError("errors.validation.invalid", { field: "phone" });
    });
    await renderWithIpc(desk({ quote_booking: () => [quote("280.00")], create_booking: create }), <Area />);
    await openBooking();
    await userEvent.click(screen.getByTestId("booking-save"));
    expect(await screen.findByText("请填写客人。")).toBeInTheDocument();
    expect(create).not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId("booking-guest-new"));
    await userEvent.type(screen.getByTestId("booking-guest-name"), "李娜");
    await userEvent.type(screen.getByTestId("booking-guest-phone"), "12");
    await userEvent.click(screen.getByTestId("booking-save"));
    expect(await screen.findByText("电话格式不正确。")).toBeInTheDocument();
  });

  it("registers the new guest's resident ID, and shows Rust's refusal of it beside the number", async () => {
    let refuse = true;
    const create = vi.fn(() => {
      if (refuse) throw apiError("errors.identity.resident_id_check_character", { field: "idNumber" });
      return [reservation({ bookingNo: "B2611-0014" })];
    });
    await renderWithIpc(
      desk({ quote_booking: () => [quote("280.00")], create_booking: create, check_id_document: () => { throw apiError("errors.identity.resident_id_check_character", { field: "idNumber" }); } }),
      <Area />,
    );
    await openBooking();
    await userEvent.click(screen.getByTestId("booking-guest-new"));
    await userEvent.type(screen.getByTestId("booking-guest-name"), "王芳");
    await userEvent.type(screen.getByTestId("booking-guest-phone"), "13900139000");
    await userEvent.type(screen.getByTestId("id-number"), "110105194912310021");
    await userEvent.click(screen.getByTestId("booking-save"));
    expect(await screen.findAllByText("校验码（最后一位）不符：证件号码中有输入错误。")).not.toHaveLength(0);
    expect(create.mock.calls[0]).toMatchObject([
      { input: { newGuest: { name: "王芳", idDocument: { kind: "china_resident_id", number: "110105194912310021" }, nationality: "" } } },
    ]);
    refuse = false;
    await userEvent.clear(screen.getByTestId("id-number"));
    await userEvent.click(screen.getByTestId("booking-save"));
    expect(await screen.findByTestId("booking-number")).toHaveTextContent("B2611-0014");
    expect(create.mock.calls[1]).toMatchObject([{ input: { newGuest: { name: "王芳", idDocument: null } } }]);
   }, 60_000);
});

describe("cancelling", () => {
  it("shows the cancellation fee before the user confirms with a reason", async () => {
    const cancel = vi.fn(() => reservation({ state: "cancelled", cancelFee: "280.00" }));
    await renderWithIpc(
      desk({ list_reservations: () => [reservation()], cancellation_fee: () => "280.00", cancel_reservation: cancel }),
      <Area />,
    );
    await userEvent.click(await screen.findByTestId("reservation-actions"));
    await userEvent.click(await screen.findByTestId("reservation-cancel"));
    expect(await screen.findByTestId("cancel-fee")).toHaveTextContent("¥280.00");
    expect(cancel).not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId("cancel-confirm"));
    expect(await screen.findByText("请填写原因。")).toBeInTheDocument();
    expect(cancel).not.toHaveBeenCalled();
    await userEvent.type(screen.getByTestId("cancel-reason"), "客人行程取消");
    await userEvent.click(screen.getByTestId("cancel-confirm"));
    await vi.waitFor(() => expect(cancel).toHaveBeenCalledWith({ id: 7, reason: "客人行程取消" }));
  });

  it("cancels several selected reservations, showing each fee and their sum", async () => {
    const cancel = vi.fn((args: Record<string, unknown>) => reservation({ id: args.id as number, state: "cancelled" }));
    const fees: Record<number, string> = { 7: "280.10", 8: "0.20" };
    await renderWithIpc(
      desk({
        list_reservations: () => [reservation(), reservation({ id: 8, bookingNo: "B2611-0008" }), reservation({ id: 9, bookingNo: "B2611-0009", state: "checked_in" })],
        cancellation_fee: (args) => fees[args.id as number],
        cancel_reservation: cancel,
      }),
      <Area />,
    );
    await userEvent.click(await screen.findByLabelText("选择全部可取消的预订"));
    await userEvent.click(screen.getByTestId("reservations-batch-cancel"));
    expect(await screen.findByTestId("cancel-fee")).toHaveTextContent("¥280.30");
    await userEvent.type(screen.getByTestId("cancel-reason"), "团队取消");
    await userEvent.click(screen.getByTestId("cancel-confirm"));
    await vi.waitFor(() => expect(cancel).toHaveBeenCalledTimes(2));
    expect(cancel.mock.calls.map((c) => c[0].id)).toEqual([7, 8]);
  });
});
