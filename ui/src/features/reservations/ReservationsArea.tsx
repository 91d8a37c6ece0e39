// The Reservations area: availability for the next 14 nights, the filtered reservation list, new booking,
// and per row or for the selection: modify, confirm, walk, cancel.
import { Alert, Button, Group, Kbd, Modal, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useDebouncedValue, useHotkeys } from "@mantine/hooks";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/app-state";
import type { ReservationFilter, ReservationView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { useConfirmationPreview } from "../documents";
import { FolioPanel } from "../folios/FolioPanel";
import { ChangeDepartureDialog, LateCheckOutDialog, MoveRoomDialog } from "../stays";
import { EmptyState } from "../../shared/components/EmptyState";
import { formatDate } from "../../shared/dates";
import { useErrorText } from "../../shared/errors";
import { isCancellable, RESERVATION_STATES } from "../../shared/reservationStates";
import { AvailabilityStrip } from "./AvailabilityStrip";
import { BookingDialog } from "./BookingDialog";
import { CancelDialog } from "./CancelDialog";
import { ReservationFilters, type FilterValues } from "./ReservationFilters";
import { ModifyDialog } from "./ModifyDialog";
import { ReservationTable, StateBadge, type RowAction } from "./ReservationTable";
import { WalkDialog } from "./WalkDialog";
import { AVAILABILITY_KEY, RESERVATIONS_KEY, useLocalName, useRoomTypes } from "./queries";
import classes from "./reservations.module.css";

export const NEW_BOOKING_SHORTCUT = "mod+N";
export const FIND_SHORTCUT = "mod+F";
export const GUEST_FILTER_DELAY_MS = 300;

function initialFilter(businessDate: string): FilterValues {
  return { from: businessDate, to: null, state: null, source: null, roomTypeId: null, guestText: "" };
}

export function ReservationsArea() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const session = useSession();
  const { businessDate, currency, currencyDigits } = session.property;
  const localName = useLocalName();
  const roomTypes = useRoomTypes();
  const [values, setValues] = useState<FilterValues>(() => initialFilter(businessDate));
  const [guestText] = useDebouncedValue(values.guestText.trim(), GUEST_FILTER_DELAY_MS);
  const filter: ReservationFilter = {
    from: values.from,
    to: values.to,
    state: values.state,
    source: values.source,
    roomTypeId: values.roomTypeId,
    guest: guestText || null,
  };
  const list = useQuery({
    queryKey: [...RESERVATIONS_KEY, filter],
    queryFn: () => call(commands.listReservations(filter)),
    placeholderData: keepPreviousData,
  });
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [booking, setBooking] = useState(false);
  const [cancelling, setCancelling] = useState<ReservationView[] | null>(null);
  const [modifying, setModifying] = useState<ReservationView | null>(null);
  const [walking, setWalking] = useState<ReservationView | null>(null);
  const [folioOf, setFolioOf] = useState<ReservationView | null>(null);
  const [stayChange, setStayChange] = useState<{ action: "moveRoom" | "changeDeparture" | "lateCheckOut"; reservation: ReservationView } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();
  const guestRef = useRef<HTMLInputElement>(null);
  const confirmation = useConfirmationPreview();
  const dialogOpen = booking || cancelling !== null || modifying !== null || walking !== null || folioOf !== null || stayChange !== null || confirmation.element !== null;

  // Also from inside inputs (tagsToIgnore []), but never behind the lock screen or an open dialog.
  useHotkeys(
    dialogOpen || session.locked
      ? []
      : [
          [NEW_BOOKING_SHORTCUT, () => setBooking(true)],
          [FIND_SHORTCUT, () => guestRef.current?.focus()],
        ],
    [],
  );

  const rows = list.data ?? [];
  const visibleSelection = rows.filter((r) => selected.has(r.id) && isCancellable(r.state));
  const tentativeSelection = visibleSelection.filter((r) => r.state === "tentative");
  const printSelection = [...new Set(visibleSelection.map((r) => r.bookingNo))];

  function act(action: RowAction, r: ReservationView) {
    if (action === "modify") setModifying(r);
    else if (action === "walk") setWalking(r);
    else if (action === "cancel") setCancelling([r]);
    else if (action === "confirmation") confirmation.open([r.bookingNo]);
    else if (action === "folio") setFolioOf(r);
    else if (action === "moveRoom" || action === "changeDeparture" || action === "lateCheckOut") setStayChange({ action, reservation: r });
    else void confirmTentative([r]);
  }

  async function confirmTentative(list: ReservationView[]) {
    setConfirming(true);
    try {
      const result = await call(commands.confirmReservations(list.map((r) => r.id)));
      if (result.done.length > 0) notifications.show({ color: "teal", message: t("reservations.confirm.done", { count: result.done.length }) });
      for (const failed of result.failed) {
        const booking = list.find((r) => r.id === failed.id)?.bookingNo ?? "";
        notifications.show({ color: "red", autoClose: false, message: t("reservations.confirm.failedOne", { booking, error: errorText(failed.error) }) });
      }
      setSelected(new Set());
    } catch (thrown) {
      notifications.show({ color: "red", message: errorText(thrown) });
    } finally {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: RESERVATIONS_KEY });
      await queryClient.invalidateQueries({ queryKey: AVAILABILITY_KEY });
    }
  }
  const typeName = (id: number) => localName(roomTypes.data?.find((type) => type.id === id));
  const refine = (change: Partial<FilterValues>) => {
    setValues((v) => ({ ...v, ...change }));
    setSelected(new Set());
  };
  const filtered =
    values.to !== null || values.state !== null || values.source !== null || values.roomTypeId !== null || guestText !== "" || values.from !== businessDate;

  return (
    <div data-testid="area-reservations">
      <Group justify="space-between" mb="sm">
        <Text fw={700} size="lg">
          {t("nav.reservations")}
        </Text>
        <Button onClick={() => setBooking(true)} rightSection={<Kbd size="xs">Ctrl+N</Kbd>} data-testid="reservations-new">
          {t("reservations.new")}
        </Button>
      </Group>

      <AvailabilityStrip businessDate={businessDate} />

      <ReservationFilters
        ref={guestRef}
        values={values}
        onChange={refine}
        onReset={() => refine(initialFilter(businessDate))}
        roomTypes={roomTypes.data ?? []}
      />

      <Group justify="space-between" mb="xs">
        <div className={classes.legend} aria-label={t("reservations.legend")}>
          {RESERVATION_STATES.map((state) => (
            <StateBadge key={state} state={state} />
          ))}
        </div>
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            {t("reservations.count", { count: rows.length })}
          </Text>
          <Button
            size="xs"
            variant="default"
            disabled={printSelection.length === 0}
            onClick={() => confirmation.open(printSelection)}
            data-testid="reservations-batch-print"
          >
            {t("reservations.printSelected", { count: printSelection.length })}
          </Button>
          <Button
            size="xs"
            variant="light"
            disabled={tentativeSelection.length === 0}
            loading={confirming}
            onClick={() => void confirmTentative(tentativeSelection)}
            data-testid="reservations-batch-confirm"
          >
            {t("reservations.confirm.batch", { count: tentativeSelection.length })}
          </Button>
          <Button
            size="xs"
            color="red"
            variant="light"
            disabled={visibleSelection.length === 0}
            onClick={() => setCancelling(visibleSelection)}
            data-testid="reservations-batch-cancel"
          >
            {t("reservations.cancel.batch", { count: visibleSelection.length })}
          </Button>
        </Group>
      </Group>

      {list.error && (
        <Alert color="red" variant="light" mb="sm">
          {errorText(list.error)}
        </Alert>
      )}
      <ReservationTable
        rows={rows}
        typeName={typeName}
        currency={currency}
        digits={currencyDigits}
        selected={selected}
        onSelect={setSelected}
        onAction={act}
      />
      {list.data && rows.length === 0 && (
        <EmptyState
          title={filtered ? t("reservations.emptyFiltered") : t("reservations.empty", { date: formatDate(businessDate, i18n.language) })}
          hint={filtered ? t("reservations.emptyFilteredHint") : t("reservations.emptyHint")}
          action={
            filtered ? (
              <Button variant="default" size="xs" onClick={() => refine(initialFilter(businessDate))}>
                {t("reservations.filter.reset")}
              </Button>
            ) : (
              <Button size="xs" onClick={() => setBooking(true)}>
                {t("reservations.new")}
              </Button>
            )
          }
        />
      )}

      {confirmation.element}
      {booking && <BookingDialog businessDate={businessDate} currency={currency} digits={currencyDigits} onClose={() => setBooking(false)} />}
      {modifying && <ModifyDialog reservation={modifying} currency={currency} digits={currencyDigits} onClose={() => setModifying(null)} />}
      {walking && <WalkDialog reservation={walking} onClose={() => setWalking(null)} />}
      {stayChange?.action === "moveRoom" && <MoveRoomDialog reservation={stayChange.reservation} onClose={() => setStayChange(null)} />}
      {stayChange?.action === "changeDeparture" && (
        <ChangeDepartureDialog reservation={stayChange.reservation} currency={currency} digits={currencyDigits} onClose={() => setStayChange(null)} />
      )}
      {stayChange?.action === "lateCheckOut" && (
        <LateCheckOutDialog reservation={stayChange.reservation} currency={currency} digits={currencyDigits} onClose={() => setStayChange(null)} />
      )}
      {folioOf && (
        <Modal opened size="80rem" onClose={() => setFolioOf(null)} title={t("cashier.folioOf", { booking: folioOf.bookingNo, guest: folioOf.guestName })}>
          <FolioPanel reservationId={folioOf.id} />
        </Modal>
      )}
      {cancelling && (
        <CancelDialog
          reservations={cancelling}
          currency={currency}
          digits={currencyDigits}
          onClose={() => {
            setCancelling(null);
            setSelected(new Set());
          }}
        />
      )}
    </div>
  );
}
