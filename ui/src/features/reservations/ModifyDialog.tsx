// Modifying a booking: dates, room type and plan, guests, the guest and their preferences, requests;
// Rust re-quotes only what changed and the old and new price are shown side by side before saving.
import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError, GuestView, Preferences, ReservationView, StayChange } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { errorOf, useErrorText } from "../../shared/errors";
import { formatMoney } from "../../shared/money";
import { GuestPicker } from "./GuestPicker";
import { PreferencesFields } from "./PreferencesFields";
import { AVAILABILITY_KEY, isDate, nightsBetween, RESERVATIONS_KEY, useLocalName, useRatePlans, useRoomTypes } from "./queries";
import { OverbookQuestion } from "./OverbookQuestion";
import { QuoteBreakdown } from "./QuoteBreakdown";
import { QUOTE_DELAY_MS } from "./BookingDialog";
import classes from "./reservations.module.css";

/** Which input shows an error Rust names by its field. */
const FIELDS: Record<string, string> = {
  arrival: "arrival",
  departure: "departure",
  roomTypeId: "roomTypeId",
  ratePlanId: "ratePlanId",
  guestId: "guestId",
  specialRequests: "specialRequests",
  notes: "notes",
  floor: "floor",
  bed: "bed",
};

export function modifyFieldOf(error: ApiError): string | undefined {
  if (error.key === "errors.pricing.departure_not_after_arrival") return "departure";
  const field = error.params?.field;
  return field ? FIELDS[field] : undefined;
}

export function ModifyDialog({
  reservation,
  currency,
  digits,
  onClose,
}: {
  reservation: ReservationView;
  currency: string;
  digits: number;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const localName = useLocalName();
  const roomTypes = useRoomTypes();
  const ratePlans = useRatePlans();
  const guestQuery = useQuery({ queryKey: ["guest", reservation.guestId], queryFn: () => call(commands.getGuest(reservation.guestId)) });
  const [change, setChange] = useState<StayChange>({
    arrival: reservation.arrival,
    departure: reservation.departure,
    roomTypeId: reservation.roomTypeId,
    ratePlanId: reservation.ratePlanId,
    adults: reservation.adults,
    children: reservation.children,
    guestId: reservation.guestId,
    specialRequests: reservation.specialRequests,
    notes: reservation.notes,
  });
  const [pickedGuest, setPickedGuest] = useState<GuestView | null>(null);
  const guest = pickedGuest ?? guestQuery.data ?? null;
  const [prefs, setPrefs] = useState<Preferences | null>(null);
  const shownPrefs = prefs ?? guest?.preferences ?? null;
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [overbookNight, setOverbookNight] = useState<string | null>(null);

  const update = (c: Partial<StayChange>) => setChange((x) => ({ ...x, ...c }));
  const shown = (key: string) => (errors[key] ? errorText(errors[key]) : undefined);
  const type = roomTypes.data?.find((x) => x.id === change.roomTypeId);
  const plans = (ratePlans.data ?? []).filter((p) => p.roomTypeId === change.roomTypeId && (p.active || p.id === reservation.ratePlanId));
  const quoteable = isDate(change.arrival) && isDate(change.departure) && nightsBetween(change.arrival, change.departure) > 0;
  const [quoteText] = useDebouncedValue(quoteable ? JSON.stringify(change) : "", QUOTE_DELAY_MS);
  const quote = useQuery({
    queryKey: ["changeQuote", reservation.id, quoteText],
    queryFn: () => call(commands.quoteReservationChange(reservation.id, JSON.parse(quoteText) as StayChange)),
    enabled: quoteText !== "",
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const money = (amount: string) => formatMoney(amount, currency, i18n.language, digits);

  function pickType(value: string | null) {
    const typeId = Number(value);
    const first = (ratePlans.data ?? []).find((p) => p.roomTypeId === typeId && p.active);
    update({ roomTypeId: typeId, ratePlanId: first?.id ?? change.ratePlanId });
  }

  async function save(confirmOverbooking: boolean) {
    setBusy(true);
    setFailure(null);
    try {
      if (guest && prefs && JSON.stringify(prefs) !== JSON.stringify(guest.preferences)) {
        await call(commands.saveGuestPreferences(guest.id, prefs));
      }
      const saved = await call(commands.changeReservation(reservation.id, change, confirmOverbooking));
      await queryClient.invalidateQueries({ queryKey: RESERVATIONS_KEY });
      await queryClient.invalidateQueries({ queryKey: AVAILABILITY_KEY });
      await queryClient.invalidateQueries({ queryKey: ["tapeChart"] });
      notifications.show({ color: "teal", message: t("reservations.modify.saved", { booking: saved.bookingNo, total: money(saved.total) }) });
      onClose();
    } catch (thrown) {
      const error = errorOf(thrown);
      const field = modifyFieldOf(error);
      if (error.code === "overbook_not_confirmed" && !confirmOverbooking) setOverbookNight(error.params?.night ?? "");
      else if (field) setErrors({ [field]: error });
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    void save(false);
  }

  const after = quote.data?.after;
  return (
    <>
      <Modal opened onClose={onClose} title={t("reservations.modify.title", { booking: reservation.bookingNo })} size={1080} closeOnEscape={overbookNight === null}>
        <form onSubmit={submit} noValidate>
          <div className={classes.booking}>
            <Stack gap="sm">
              <Group gap="sm" align="flex-start">
                <TextInput type="date" label={t("fields.arrival")} value={change.arrival} onChange={(e) => update({ arrival: e.currentTarget.value })} error={shown("arrival")} className={classes.date} data-testid="modify-arrival" data-autofocus />
                <TextInput type="date" label={t("fields.departure")} value={change.departure} onChange={(e) => update({ departure: e.currentTarget.value })} error={shown("departure")} className={classes.date} data-testid="modify-departure" />
                <Text size="sm" c="dimmed" mt={30}>
                  {quoteable ? t("reservations.booking.nights", { count: nightsBetween(change.arrival, change.departure) }) : ""}
                </Text>
              </Group>
              <div className={classes.roomLine}>
                <Select
                  className={classes.grow}
                  label={t("fields.roomTypeId")}
                  data={(roomTypes.data ?? []).filter((x) => x.id !== null && (x.active || x.id === reservation.roomTypeId)).map((x) => ({ value: String(x.id), label: localName(x) }))}
                  value={String(change.roomTypeId)}
                  onChange={pickType}
                  allowDeselect={false}
                  error={shown("roomTypeId")}
                  data-testid="modify-room-type"
                />
                <Select
                  className={classes.grow}
                  label={t("fields.ratePlanId")}
                  data={plans.map((p) => ({ value: String(p.id), label: `${p.code} · ${localName(p)}` }))}
                  value={String(change.ratePlanId)}
                  onChange={(v) => v && update({ ratePlanId: Number(v) })}
                  allowDeselect={false}
                  error={shown("ratePlanId")}
                  data-testid="modify-rate-plan"
                />
                <NumberInput className={classes.narrow} label={t("reservations.booking.adults")} min={1} max={type?.maxAdults} allowDecimal={false} allowNegative={false} value={change.adults} onChange={(v) => update({ adults: typeof v === "number" ? v : 1 })} data-testid="modify-adults" />
                <NumberInput className={classes.narrow} label={t("reservations.booking.children")} min={0} max={type?.maxChildren} allowDecimal={false} allowNegative={false} value={change.children} onChange={(v) => update({ children: typeof v === "number" ? v : 0 })} />
              </div>
              <GuestPicker
                guest={guest}
                onPick={(g) => {
                  if (!g) return;
                  setPickedGuest(g);
                  setPrefs(null);
                  update({ guestId: g.id });
                }}
                error={shown("guestId")}
              />
              {shownPrefs && <PreferencesFields value={shownPrefs} onChange={setPrefs} errors={{ floor: shown("floor"), bed: shown("bed") }} />}
              <Group gap="sm" align="flex-start" grow>
                <Textarea label={t("fields.specialRequests")} rows={2} value={change.specialRequests} onChange={(e) => update({ specialRequests: e.currentTarget.value })} error={shown("specialRequests")} />
                <Textarea label={t("fields.notes")} rows={2} value={change.notes} onChange={(e) => update({ notes: e.currentTarget.value })} error={shown("notes")} />
              </Group>
            </Stack>

            <Stack gap="sm">
              <Group justify="space-between" data-testid="modify-totals">
                <Text size="sm">
                  {t("reservations.modify.before")}: <b>{money(quote.data?.before.total ?? reservation.total)}</b>
                </Text>
                <Text size="sm">
                  {t("reservations.modify.after")}: <b data-testid="modify-new-total">{after ? money(after.total) : "–"}</b>
                </Text>
              </Group>
              <QuoteBreakdown
                quotes={after ? [after] : undefined}
                roomLabels={[`${localName(type)} · ${localName(plans.find((p) => p.id === change.ratePlanId))}`]}
                loading={quote.isFetching}
                error={quote.error ? errorText(quote.error) : null}
                hint={quoteable ? null : t("reservations.quote.hint")}
                currency={currency}
                digits={digits}
              />
              {quote.data?.releasesRoom && (
                <Alert color="yellow" variant="light" data-testid="modify-releases-room">
                  {t("reservations.modify.releasesRoom", { room: reservation.roomNumber ?? "" })}
                </Alert>
              )}
              {failure && <Alert color="red" variant="light" data-testid="modify-error">{errorText(failure)}</Alert>}
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  {t("common.cancel")}
                </Button>
                <Button type="submit" loading={busy} data-testid="modify-save">
                  {t("reservations.modify.save")}
                </Button>
              </Group>
            </Stack>
          </div>
        </form>
      </Modal>
      {overbookNight !== null && (
        <OverbookQuestion
          night={overbookNight}
          busy={busy}
          onCancel={() => setOverbookNight(null)}
          onConfirm={() => {
            setOverbookNight(null);
            void save(true);
          }}
        />
      )}
    </>
  );
}
