// Check-in of today's arrival, or of a walk-in booked in the same step: a ready room (a dirty one only after
// the desk confirms), the guests with their ID documents, the key card and the deposit (押金).
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError, CheckedIn, GuestView, IdDocumentKind, ReservationView, RoomStatusView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { errorOf, useErrorText } from "../../shared/errors";
import { METHODS } from "../folios/queries";
import { NO_FILTER, useBoard } from "../housekeeping/queries";
import { useLocalName, useRatePlans } from "../reservations/queries";
import { GuestRows, emptyGuest, toStayGuest, type GuestForm } from "./GuestRows";

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function fromProfile(g: GuestView): GuestForm {
  return {
    guestId: g.id,
    name: g.name,
    phone: g.phone,
    email: g.email,
    idDocument: { kind: (g.idType || "china_resident_id") as IdDocumentKind, number: g.idNumber },
    nationality: g.nationality,
  };
}

/** Rooms a guest can be put in now: empty and not out of order; ready ones first. */
function freeRooms(rooms: RoomStatusView[], roomTypeId: number | null, assigned: number | null): RoomStatusView[] {
  const rank = (r: RoomStatusView) => (r.status === "inspected" ? 0 : r.status === "vacant_clean" ? 1 : 2);
  return rooms
    .filter((r) => r.roomId === assigned || (!r.occupied && r.block?.kind !== "out_of_order"))
    .filter((r) => roomTypeId === null || r.roomTypeId === roomTypeId)
    .sort((a, b) => (a.roomId === assigned ? -1 : b.roomId === assigned ? 1 : rank(a) - rank(b) || a.number.localeCompare(b.number)));
}

export function CheckInDialog({
  reservation,
  businessDate,
  onClose,
  onDone,
}: {
  /** Today's arrival, or `null` for a walk-in. */
  reservation: ReservationView | null;
  businessDate: string;
  onClose: () => void;
  onDone: (done: CheckedIn) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const localName = useLocalName();
  const board = useBoard(NO_FILTER);
  const plans = useRatePlans();
  const profile = useQuery({
    queryKey: ["guest", reservation?.guestId],
    queryFn: () => call(commands.getGuest(reservation?.guestId ?? 0)),
    enabled: reservation !== null,
  });
  const [chosenRoom, setRoomId] = useState<number | null>(reservation?.roomId ?? null);
  const [chosenPlan, setRatePlanId] = useState<number | null>(null);
  const [departure, setDeparture] = useState(nextDay(businessDate));
  const [keyCard, setKeyCard] = useState("");
  const [edited, setGuests] = useState<GuestForm[] | null>(null);
  const guests = edited ?? [profile.data ? fromProfile(profile.data) : emptyGuest()];
  const [deposit, setDeposit] = useState("");
  const [method, setMethod] = useState<string>("cash");
  const [error, setError] = useState<ApiError | null>(null);
  const [dirtyRoom, setDirtyRoom] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const rooms = useMemo(
    () => freeRooms(board.data?.rooms ?? [], reservation?.roomTypeId ?? null, reservation?.roomId ?? null),
    [board.data, reservation],
  );
  // The desk's choice, else the best free room; the chosen room's plan, else its type's first plan.
  const room = rooms.find((r) => r.roomId === chosenRoom) ?? rooms[0] ?? null;
  const roomId = room?.roomId ?? null;
  const roomPlans = (plans.data ?? []).filter((p) => p.active && p.roomTypeId === room?.roomTypeId);
  const ratePlanId = (roomPlans.find((p) => p.id === chosenPlan) ?? roomPlans[0])?.id ?? null;

  async function submit(event: FormEvent | null, allowDirty = false) {
    event?.preventDefault();
    if (roomId === null) {
      setError({ key: "errors.stay.no_room", code: "no_room", params: {} });
      return;
    }
    setBusy(true);
    setError(null);
    setDirtyRoom(null);
    const common = {
      allowDirty,
      keyCard,
      guests: guests.map(toStayGuest),
      deposit: deposit.trim() === "" ? null : { method, amount: deposit.trim(), cardBrand: "", cardLast4: "", authCode: "", reference: "" },
    };
    try {
      const done = reservation
        ? await call(commands.checkIn({ ...common, reservationId: reservation.id, roomId, allowUpgrade: false }))
        : await call(commands.walkIn({ ...common, roomId, ratePlanId: ratePlanId ?? 0, departure, adults: guests.length, children: 0 }));
      onDone(done);
    } catch (thrown) {
      const e = errorOf(thrown);
      if (e.key === "errors.stay.room_dirty") setDirtyRoom(e.params.room ?? "");
      else setError(e);
    } finally {
      setBusy(false);
    }
  }

  const statusLabel = (r: RoomStatusView) => t(`housekeeping.status.${r.status}`);
  const title = reservation
    ? t("frontDesk.checkInTitle", { booking: reservation.bookingNo, guest: reservation.guestName })
    : t("frontDesk.walkInTitle");

  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="check-in-form">
        <Stack gap="sm">
          <Group gap="sm" align="flex-start" grow>
            <Select
              label={t("frontDesk.room")}
              data={rooms.map((r) => ({ value: String(r.roomId), label: `${r.number} · ${r.roomTypeCode} · ${statusLabel(r)}` }))}
              value={roomId === null ? null : String(roomId)}
              onChange={(v) => setRoomId(v ? Number(v) : null)}
              searchable
              nothingFoundMessage={t("frontDesk.noFreeRoom")}
              data-testid="check-in-room"
            />
            {reservation === null && (
              <>
                <Select
                  label={t("fields.ratePlanId")}
                  data={roomPlans.map((p) => ({ value: String(p.id), label: `${p.code} · ${localName(p)}` }))}
                  value={ratePlanId === null ? null : String(ratePlanId)}
                  onChange={(v) => setRatePlanId(v ? Number(v) : null)}
                  data-testid="walk-in-plan"
                />
                <TextInput
                  type="date"
                  label={t("fields.departure")}
                  value={departure}
                  min={nextDay(businessDate)}
                  onChange={(e) => setDeparture(e.currentTarget.value)}
                  data-testid="walk-in-departure"
                />
              </>
            )}
            <TextInput
              label={t("fields.keyCard")}
              value={keyCard}
              maxLength={40}
              onChange={(e) => setKeyCard(e.currentTarget.value)}
              data-testid="check-in-key-card"
            />
          </Group>
          <GuestRows guests={guests} onChange={setGuests} today={businessDate} error={error} />
          <Group gap="sm" align="flex-start" grow>
            <TextInput
              label={t("frontDesk.deposit")}
              description={t("frontDesk.depositHint")}
              inputWrapperOrder={["label", "input", "description", "error"]}
              inputMode="decimal"
              value={deposit}
              onChange={(e) => setDeposit(e.currentTarget.value)}
              data-testid="check-in-deposit"
            />
            <Select
              label={t("fields.method")}
              data={METHODS.map((m) => ({ value: m, label: t(`folios.methods.${m}`) }))}
              value={method}
              onChange={(v) => setMethod(v ?? "cash")}
              allowDeselect={false}
              data-testid="check-in-deposit-method"
            />
          </Group>
          {dirtyRoom !== null && (
            <Alert color="orange" data-testid="check-in-dirty">
              <Group justify="space-between">
                {t("frontDesk.dirtyQuestion", { room: dirtyRoom })}
                <Button size="xs" color="orange" onClick={() => void submit(null, true)} data-testid="check-in-dirty-confirm">
                  {t("frontDesk.checkInAnyway")}
                </Button>
              </Group>
            </Alert>
          )}
          {error && (
            <Alert color="red" data-testid="check-in-error">
              {errorText(error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy} data-testid="check-in-save">
              {t("frontDesk.checkIn")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
