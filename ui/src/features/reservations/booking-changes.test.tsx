import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { useAppState } from "../../app/app-state";
import type { ChangeQuote, GuestView } from "../../ipc/client";
import { apiError } from "../../test/fixtures";
import { renderWithIpc } from "../../test/render";
import { ReservationsArea } from "./ReservationsArea";
import { desk, quote, reservation } from "./testing";

function Area() {
  const { session: current } = useAppState();
  return current ? <ReservationsArea /> : null;
}

const GUEST: GuestView = {
  id: 3, name: "张伟", phone: "13800138000", email: "", preferences: { floor: null, smoking: null, quiet: false, bed: "" },
  idType: "", idNumber: "", nationality: "", idRegion: "", province: null, birthDate: null,
};

function changeQuote(before: string, after: string, releasesRoom = false): ChangeQuote {
  return { before: quote(before), after: quote(after), releasesRoom };
}

async function openAction(action: string) {
  await userEvent.click(await screen.findByTestId("reservation-actions"));
  await userEvent.click(await screen.findByTestId(`reservation-${action}`));
}

describe("modifying a booking", () => {
  it("shows the old and the new price, saves the change and the guest's preferences", async () => {
    const change = vi.fn((_args: Record<string, unknown>) => reservation({ departure: "2026-11-27", total: "840.00" }));
    const prefs = vi.fn((_args: Record<string, unknown>) => GUEST);
    const { calls } = await renderWithIpc(
      desk({
        list_reservations: () => [reservation({ roomId: 5, roomNumber: "305" })],
        get_guest: () => GUEST,
        quote_reservation_change: () => changeQuote("560.00", "840.00"),
        change_reservation: change,
        save_guest_preferences: prefs,
      }),
      <Area />,
    );
    await openAction("modify");
    const departure = await screen.findByTestId("modify-departure");
    expect(departure).toHaveValue("2026-11-26");
    await userEvent.clear(departure);
    await userEvent.type(departure, "2026-11-27");
    expect(await screen.findByTestId("modify-new-total")).toHaveTextContent("¥840.00");
    expect(within(screen.getByTestId("modify-totals")).getByText("¥560.00")).toBeInTheDocument();
    await vi.waitFor(() =>
      expect(calls.mock.calls.filter(([cmd]) => cmd === "quote_reservation_change").at(-1)?.[1]).toMatchObject({
        id: 7,
        change: { arrival: "2026-11-24", departure: "2026-11-27", roomTypeId: 1, ratePlanId: 10, adults: 2, guestId: 3 },
      }),
    );
    await userEvent.click(await screen.findByTestId("preferences-quiet"));
    await userEvent.click(screen.getByTestId("modify-save"));
    await vi.waitFor(() => expect(change).toHaveBeenCalledTimes(1));
    expect(prefs.mock.calls[0][0]).toEqual({ guestId: 3, preferences: { floor: null, smoking: null, quiet: true, bed: "" } });
    expect(change.mock.calls[0][0]).toMatchObject({ id: 7, confirmOverbooking: false, change: { departure: "2026-11-27" } });
    expect(await screen.findByText("预订 B2611-0007 已修改，新总价 ¥840.00")).toBeInTheDocument();
  });

  it("warns that a new room type releases the assigned room, and shows Rust's refusal", async () => {
    await renderWithIpc(
      desk({
        list_reservations: () => [reservation({ roomId: 5, roomNumber: "305" })],
        get_guest: () => GUEST,
        quote_reservation_change: () => changeQuote("560.00", "900.00", true),
        change_reservation: () => {
          throw apiError("errors.reservation.too_many_guests", { max: "3" });
        },
      }),
      <Area />,
    );
    await openAction("modify");
    expect(await screen.findByTestId("modify-releases-room")).toHaveTextContent("305");
    await userEvent.click(screen.getByTestId("modify-save"));
    expect(await screen.findByTestId("modify-error")).toBeInTheDocument();
  });
});

describe("walking a guest", () => {
  it("names the field Rust refuses, then records the walk", async () => {
    let attempt = 0;
    const walk = vi.fn((_args: Record<string, unknown>) => {
      attempt += 1;
      if (attempt === 1) throw apiError("errors.validation.required", { field: "partnerHotel" });
      return reservation({ state: "walked" });
    });
    await renderWithIpc(desk({ list_reservations: () => [reservation()], walk_reservation: walk }), <Area />);
    await openAction("walk");
    await userEvent.click(await screen.findByTestId("walk-confirm"));
    expect(await screen.findByText("请填写合作酒店。")).toBeInTheDocument();
    await userEvent.type(screen.getByTestId("walk-partnerHotel"), "如家酒店");
    await userEvent.clear(screen.getByTestId("walk-cost"));
    await userEvent.type(screen.getByTestId("walk-cost"), "350.00");
    await userEvent.type(screen.getByTestId("walk-reason"), "超订");
    await userEvent.click(screen.getByTestId("walk-confirm"));
    await vi.waitFor(() => expect(walk).toHaveBeenCalledTimes(2));
    expect(walk.mock.calls[1][0]).toEqual({ id: 7, input: { partnerHotel: "如家酒店", cost: "350.00", reason: "超订" } });
    expect(await screen.findByText("预订 B2611-0007 已转至 如家酒店")).toBeInTheDocument();
  });

  it("is offered for confirmed bookings only", async () => {
    await renderWithIpc(desk({ list_reservations: () => [reservation({ state: "tentative" })] }), <Area />);
    await userEvent.click(await screen.findByTestId("reservation-actions"));
    expect(await screen.findByTestId("reservation-confirm")).toBeInTheDocument();
    expect(screen.queryByTestId("reservation-walk")).toBeNull();
  });
});

describe("batch confirmation", () => {
  it("confirms the selected tentative bookings and says which could not be confirmed and why", async () => {
    const confirm = vi.fn(() => ({
      done: [reservation({ id: 7 })],
      failed: [{ id: 8, error: apiError("errors.reservation.sold_out", { night: "2026-11-24" }) }],
    }));
    await renderWithIpc(
      desk({
        list_reservations: () => [
          reservation({ state: "tentative" }),
          reservation({ id: 8, bookingNo: "B2611-0008", state: "tentative" }),
          reservation({ id: 9, bookingNo: "B2611-0009" }),
        ],
        confirm_reservations: confirm,
      }),
      <Area />,
    );
    await userEvent.click(await screen.findByLabelText("选择全部可取消的预订"));
    const button = screen.getByTestId("reservations-batch-confirm");
    expect(button).toHaveTextContent("确认所选（2）");
    await userEvent.click(button);
    await vi.waitFor(() => expect(confirm).toHaveBeenCalledWith({ ids: [7, 8] }));
    expect(await screen.findByText("已确认预订：1")).toBeInTheDocument();
    expect(await screen.findByText(/预订 B2611-0008 未能确认/)).toBeInTheDocument();
  });
});
