// The new-booking dialog: dates, room lines, guest (found or new), source, the live price, then save.
import { Alert, Button, Checkbox, Group, Modal, NumberInput, Radio, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError, ReservationView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { errorOf, useErrorText } from "../../shared/errors";
import { canQuote, checkBooking, emptyBooking, fieldOf, GUARANTEES, newRoomLine, toBookingInput, type BookingForm, type BookingPrefill, type RoomLine } from "./booking-form";
import { IdDocumentFields, IdNumberText, MrzInput, mrzName } from "../guests";
import { GuestPicker } from "./GuestPicker";
import { AVAILABILITY_KEY, nightsBetween, RESERVATIONS_KEY, SOURCES, useLocalName, useRatePlans, useRoomTypes } from "./queries";
import { OverbookQuestion } from "./OverbookQuestion";
import { QuoteBreakdown } from "./QuoteBreakdown";
import classes from "./reservations.module.css";

export const QUOTE_DELAY_MS = 300;

export function BookingDialog({
  businessDate,
  initial,
  currency,
  digits,
  onClose,
}: {
  businessDate: string;
  /** Dates, room type and maybe a room chosen before opening (the tape chart). */
  initial?: BookingPrefill;
  currency: string;
  digits: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const localName = useLocalName();
  const roomTypes = useRoomTypes();
  const ratePlans = useRatePlans();
  const [form, setForm] = useState<BookingForm>(() => {
    const plan = initial && ratePlans.data?.find((p) => p.active && p.roomTypeId === initial.roomTypeId);
    return emptyBooking(businessDate, initial, plan && plan.id !== null ? String(plan.id) : null);
  });
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [overbookNight, setOverbookNight] = useState<string | null>(null);
  const [booked, setBooked] = useState<ReservationView[] | null>(null);

  const quoteable = canQuote(form);
  const [quoteText] = useDebouncedValue(quoteable ? JSON.stringify({ ...toBookingInput(form), guestId: null, newGuest: null }) : "", QUOTE_DELAY_MS);
  const quote = useQuery({
    queryKey: ["quote", quoteText],
    queryFn: () => call(commands.quoteBooking(JSON.parse(quoteText))),
    enabled: quoteable && quoteText !== "",
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const quoteError = quote.error ? errorOf(quote.error) : null;
  const promotionError = quoteError && fieldOf(quoteError) === "promotionCode" ? quoteError : null;

  const update = (change: Partial<BookingForm>) => setForm((f) => ({ ...f, ...change }));
  const updateGuest = (change: Partial<BookingForm["newGuest"]>) => setForm((f) => ({ ...f, newGuest: { ...f.newGuest, ...change } }));
  const updateRoom = (index: number, change: Partial<RoomLine>) =>
    setForm((f) => ({ ...f, rooms: f.rooms.map((r, i) => (i === index ? { ...r, ...change } : r)) }));
  const shown = (key: string) => (errors[key] ? errorText(errors[key]) : undefined);
  const text = (key: "sourceDetail" | "specialRequests" | "notes" | "promotionCode") => ({
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) => update({ [key]: e.currentTarget.value }),
    error: shown(key),
  });
  const typeOf = (id: string | null) => roomTypes.data?.find((type) => String(type.id) === id);
  const plansOf = (typeId: string | null) => (ratePlans.data ?? []).filter((p) => p.active && String(p.roomTypeId) === typeId);
  const nights = nightsBetween(form.arrival, form.departure);

  function pickType(index: number, typeId: string | null) {
    const plans = plansOf(typeId);
    const keepRoom = form.rooms[index]?.roomTypeId === typeId;
    updateRoom(index, {
      roomTypeId: typeId,
      ratePlanId: plans.length > 0 && plans[0].id !== null ? String(plans[0].id) : null,
      ...(keepRoom ? {} : { roomId: null, roomNumber: null }),
    });
  }

  async function save(confirmOverbooking: boolean) {
    setBusy(true);
    setFailure(null);
    try {
      const made = await call(commands.createBooking(toBookingInput(form, confirmOverbooking)));
      setBooked(made);
      await queryClient.invalidateQueries({ queryKey: RESERVATIONS_KEY });
      await queryClient.invalidateQueries({ queryKey: AVAILABILITY_KEY });
    } catch (thrown) {
      const error = errorOf(thrown);
      const field = fieldOf(error);
      if (error.code === "overbook_not_confirmed" && !confirmOverbooking) setOverbookNight(error.params?.night ?? "");
      else if (field) setErrors({ [field]: error });
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkBooking(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    void save(false);
  }

  if (booked) {
    const bookingNo = booked[0]?.bookingNo ?? "";
    return (
      <Modal opened onClose={onClose} title={t("reservations.booking.savedTitle")}>
        <Stack gap="sm">
          <Text>{t("reservations.booking.saved", { count: booked.length })}</Text>
          <Text size="xl" fw={700} data-testid="booking-number">
            {bookingNo}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => { setBooked(null); setForm(emptyBooking(businessDate)); setErrors({}); }}>
              {t("reservations.booking.another")}
            </Button>
            <Button onClick={onClose} data-autofocus>
              {t("common.close")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    );
  }

  const roomLabels = form.rooms.map((r, i) => {
    const plan = ratePlans.data?.find((p) => String(p.id) === r.ratePlanId);
    return `${t("reservations.booking.room", { number: i + 1 })}: ${localName(typeOf(r.roomTypeId))} · ${localName(plan)}`;
  });

  return (
    <>
      <Modal opened onClose={onClose} title={t("reservations.booking.title")} size={1080} closeOnEscape={overbookNight === null}>
        <form onSubmit={submit} noValidate>
          <div className={classes.booking}>
            <Stack gap="sm">
              <Group gap="sm" align="flex-start">
                <TextInput
                  type="date"
                  label={t("fields.arrival")}
                  value={form.arrival}
                  onChange={(e) => update({ arrival: e.currentTarget.value })}
                  error={shown("arrival")}
                  className={classes.date}
                  data-testid="booking-arrival"
                  data-autofocus
                />
                <TextInput
                  type="date"
                  label={t("fields.departure")}
                  value={form.departure}
                  onChange={(e) => update({ departure: e.currentTarget.value })}
                  error={shown("departure")}
                  className={classes.date}
                  data-testid="booking-departure"
                />
                <Text size="sm" c="dimmed" mt={30}>
                  {nights > 0 ? t("reservations.booking.nights", { count: nights }) : ""}
                </Text>
              </Group>

              {form.rooms.map((line, index) => (
                <div className={classes.roomLine} key={line.key}>
                  <Select
                    className={classes.grow}
                    label={t("fields.roomTypeId")}
                    placeholder={t("reservations.booking.pickType")}
                    data={(roomTypes.data ?? []).filter((type) => type.active && type.id !== null).map((type) => ({ value: String(type.id), label: localName(type) }))}
                    value={line.roomTypeId}
                    onChange={(v) => pickType(index, v)}
                    error={shown(`room.${index}.roomTypeId`)}
                    description={line.roomNumber !== null ? <span data-testid="booking-room-number">{t("reservations.booking.roomNumber", { room: line.roomNumber })}</span> : undefined}
                    inputWrapperOrder={["label", "input", "description", "error"]}
                    data-testid="booking-room-type"
                  />
                  <Select
                    className={classes.grow}
                    label={t("fields.ratePlanId")}
                    placeholder={t("reservations.booking.pickPlan")}
                    data={plansOf(line.roomTypeId).map((p) => ({ value: String(p.id), label: `${p.code} · ${localName(p)}` }))}
                    value={line.ratePlanId}
                    onChange={(v) => updateRoom(index, { ratePlanId: v })}
                    error={shown(`room.${index}.ratePlanId`)}
                    disabled={line.roomTypeId === null}
                    data-testid="booking-rate-plan"
                  />
                  <NumberInput
                    className={classes.narrow}
                    label={t("reservations.booking.adults")}
                    min={1}
                    max={typeOf(line.roomTypeId)?.maxAdults}
                    allowDecimal={false}
                    allowNegative={false}
                    value={line.adults}
                    onChange={(v) => updateRoom(index, { adults: typeof v === "number" ? v : 1 })}
                  />
                  <NumberInput
                    className={classes.narrow}
                    label={t("reservations.booking.children")}
                    min={0}
                    max={typeOf(line.roomTypeId)?.maxChildren}
                    allowDecimal={false}
                    allowNegative={false}
                    value={line.children}
                    onChange={(v) => updateRoom(index, { children: typeof v === "number" ? v : 0 })}
                  />
                  {form.rooms.length > 1 && (
                    <Button variant="subtle" color="red" mt={24} onClick={() => update({ rooms: form.rooms.filter((_, i) => i !== index) })}>
                      {t("reservations.booking.removeRoom")}
                    </Button>
                  )}
                </div>
              ))}
              <Group>
                <Button variant="light" size="xs" onClick={() => update({ rooms: [...form.rooms, newRoomLine()] })} data-testid="booking-add-room">
                  {t("reservations.booking.addRoom")}
                </Button>
              </Group>

              <Radio.Group value={form.guestMode} onChange={(v) => update({ guestMode: v === "new" ? "new" : "existing" })}>
                <Group gap="md">
                  <Radio value="existing" label={t("reservations.booking.existingGuest")} data-testid="booking-guest-existing" />
                  <Radio value="new" label={t("reservations.booking.newGuest")} data-testid="booking-guest-new" />
                </Group>
              </Radio.Group>
              {form.guestMode === "existing" ? (
                <>
                  <GuestPicker guest={form.guest} onPick={(guest) => update({ guest })} error={shown("guestId")} />
                  {form.guest?.idNumber ? <IdNumberText kind={form.guest.idType} number={form.guest.idNumber} /> : null}
                </>
              ) : (
                <>
                <Group gap="sm" align="flex-start" grow>
                  <TextInput
                    label={t("fields.guestName")}
                    value={form.newGuest.name}
                    onChange={(e) => update({ newGuest: { ...form.newGuest, name: e.currentTarget.value } })}
                    error={shown("guestName")}
                    data-testid="booking-guest-name"
                  />
                  <TextInput
                    label={t("fields.phone")}
                    value={form.newGuest.phone}
                    onChange={(e) => update({ newGuest: { ...form.newGuest, phone: e.currentTarget.value } })}
                    error={shown("phone")}
                    data-testid="booking-guest-phone"
                  />
                  <TextInput
                    label={t("fields.email")}
                    description={t("reservations.booking.optional")}
                    inputWrapperOrder={["label", "input", "description", "error"]}
                    value={form.newGuest.email}
                    onChange={(e) => update({ newGuest: { ...form.newGuest, email: e.currentTarget.value } })}
                    error={shown("email")}
                    data-testid="booking-guest-email"
                  />
                </Group>
                <Group gap="sm" align="flex-start" grow>
                  <IdDocumentFields
                    value={form.newGuest.idDocument}
                    onChange={(idDocument) => updateGuest({ idDocument })}
                    onChecked={(view) => {
                      if (view.nationality) updateGuest({ nationality: view.nationality });
                    }}
                    error={errors.idNumber ?? null}
                  />
                  <TextInput
                    label={t("fields.nationality")}
                    placeholder={t("guests.nationalityHint")}
                    maw={140}
                    maxLength={3}
                    value={form.newGuest.nationality}
                    onChange={(e) => updateGuest({ nationality: e.currentTarget.value.toUpperCase() })}
                    error={shown("nationality")}
                    data-testid="booking-guest-nationality"
                  />
                </Group>
                {form.newGuest.idDocument.kind === "passport" ? (
                  <MrzInput
                    today={businessDate}
                    onScanned={(data) =>
                      updateGuest({
                        name: mrzName(data),
                        idDocument: { kind: "passport", number: data.documentNumber },
                        nationality: data.nationality,
                      })
                    }
                  />
                ) : null}
                </>
              )}

              <Group gap="sm" align="flex-start" grow>
                <Select
                  label={t("fields.source")}
                  data={SOURCES.map((s) => ({ value: s, label: t(`reservations.source.${s}`) }))}
                  value={form.source}
                  onChange={(v) => update({ source: v ?? "walk_in" })}
                  error={shown("source")}
                  data-testid="booking-source"
                />
                <TextInput label={t("fields.sourceDetail")} placeholder={t("reservations.booking.sourceDetailHint")} {...text("sourceDetail")} />
                <TextInput
                  label={t("fields.promotion")}
                  {...text("promotionCode")}
                  error={shown("promotionCode") ?? (promotionError ? errorText(promotionError) : undefined)}
                  data-testid="booking-promotion"
                />
              </Group>
              <Group gap="sm" align="flex-start" grow>
                <Textarea label={t("fields.specialRequests")} rows={2} {...text("specialRequests")} />
                <Textarea label={t("fields.notes")} rows={2} {...text("notes")} />
              </Group>
              <Group gap="sm" align="flex-start" grow>
                <Select
                  label={t("fields.guarantee")}
                  data={GUARANTEES.map((g) => ({ value: g, label: t(`reservations.guarantee.${g}`) }))}
                  value={form.guarantee}
                  onChange={(v) => update({ guarantee: v ?? "none" })}
                  allowDeselect={false}
                  error={shown("guarantee")}
                  data-testid="booking-guarantee"
                />
                <TextInput
                  label={t("fields.depositDue")}
                  description={t("reservations.booking.optional")}
                  inputWrapperOrder={["label", "input", "description", "error"]}
                  inputMode="decimal"
                  classNames={{ input: "num" }}
                  value={form.depositDue}
                  onChange={(e) => update({ depositDue: e.currentTarget.value })}
                  error={shown("depositDue")}
                  data-testid="booking-deposit-due"
                />
              </Group>
              <Checkbox
                label={t("reservations.booking.tentative")}
                description={t("reservations.booking.tentativeHint")}
                checked={form.tentative}
                onChange={(e) => update({ tentative: e.currentTarget.checked })}
                data-testid="booking-tentative"
              />
            </Stack>

            <Stack gap="sm">
              <QuoteBreakdown
                quotes={quoteable ? quote.data : undefined}
                roomLabels={roomLabels}
                loading={quote.isFetching}
                error={quoteError && !promotionError ? errorText(quoteError) : null}
                hint={quoteable ? null : t("reservations.quote.hint")}
                currency={currency}
                digits={digits}
              />
              {failure && <Alert color="red" variant="light" data-testid="booking-error">{errorText(failure)}</Alert>}
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  {t("common.cancel")}
                </Button>
                <Button type="submit" loading={busy} data-testid="booking-save">
                  {t("reservations.booking.save")}
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
