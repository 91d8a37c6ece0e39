// The Tape chart area: rooms × dates from the business date, week paging, drag to move a stay, auto-assign arrivals.
import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/app-state";
import type { AutoAssignResult, TapeBar, TapeRoom } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { EmptyState } from "../../shared/components/EmptyState";
import { formatDate } from "../../shared/dates";
import { useErrorText } from "../../shared/errors";
import { formatMoney } from "../../shared/money";
import { RESERVATION_STATES } from "../../shared/reservationStates";
import { BookingDialog } from "../reservations/BookingDialog";
import { addDays, AVAILABILITY_KEY, nightsBetween, RESERVATIONS_KEY, useLocalName, useRoomTypes } from "../reservations/queries";
import { StateBadge } from "../reservations/ReservationTable";
import { buildRows, datesFrom, DEFAULT_DAYS } from "./layout";
import { TapeGrid } from "./TapeGrid";
import classes from "./tape-chart.module.css";

export const TAPE_CHART_KEY = ["tapeChart"] as const;

export function TapeChartArea() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const { businessDate, currency, currencyDigits } = useSession().property;
  const localName = useLocalName();
  const roomTypes = useRoomTypes();
  const [from, setFrom] = useState(businessDate);
  const to = addDays(from, DEFAULT_DAYS);
  const chart = useQuery({
    queryKey: [...TAPE_CHART_KEY, from, to],
    queryFn: () => call(commands.tapeChart(from, to)),
    placeholderData: keepPreviousData,
  });
  const [booking, setBooking] = useState<string | null>(null);
  const [details, setDetails] = useState<TapeBar | null>(null);
  const [upgrade, setUpgrade] = useState<{ bar: TapeBar; room: TapeRoom } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [assigned, setAssigned] = useState<AutoAssignResult | null>(null);
  const [busy, setBusy] = useState(false);

  const typeName = (id: number) => localName(roomTypes.data?.find((type) => type.id === id));
  const money = (amount: string) => formatMoney(amount, currency, i18n.language, currencyDigits);
  const nights = (bar: TapeBar) => nightsBetween(bar.arrival, bar.departure);
  const barTitle = (bar: TapeBar) =>
    t("tapeChart.barTitle", { guest: bar.guestName, bookingNo: bar.bookingNo, nights: nights(bar), total: money(bar.total) });
  const roomNumber = (id: number | null) => chart.data?.rooms.find((r) => r.id === id)?.number ?? t("tapeChart.unassigned");

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: TAPE_CHART_KEY });
    await queryClient.invalidateQueries({ queryKey: RESERVATIONS_KEY });
    await queryClient.invalidateQueries({ queryKey: AVAILABILITY_KEY });
  }

  async function assign(bar: TapeBar, roomId: number | null, allowUpgrade: boolean): Promise<boolean> {
    setFailure(null);
    try {
      await call(commands.assignRoom(bar.reservationId, roomId, allowUpgrade));
      return true;
    } catch (thrown) {
      setFailure(errorText(thrown));
      return false;
    } finally {
      await refresh();
    }
  }

  async function move(bar: TapeBar, room: TapeRoom, allowUpgrade: boolean) {
    const previous = bar.roomId;
    if (!(await assign(bar, room.id, allowUpgrade))) return;
    const id = `tape-move-${bar.reservationId}-${Date.now()}`;
    const undo = async () => {
      notifications.hide(id);
      if (await assign({ ...bar, roomId: room.id }, previous, true)) {
        notifications.show({ color: "teal", message: t("tapeChart.undone", { guest: bar.guestName, room: roomNumber(previous) }) });
      }
    };
    notifications.show({
      id,
      color: "teal",
      autoClose: 10_000,
      message: (
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <span>{t("tapeChart.moved", { guest: bar.guestName, room: room.number })}</span>
          <Button size="compact-xs" variant="light" onClick={() => void undo()} data-testid="tape-undo">
            {t("tapeChart.undo")}
          </Button>
        </Group>
      ),
    });
  }

  function drop(bar: TapeBar, room: TapeRoom) {
    if (room.roomTypeId !== bar.roomTypeId) setUpgrade({ bar, room });
    else void move(bar, room, false);
  }

  async function autoAssign() {
    setBusy(true);
    setFailure(null);
    try {
      setAssigned(await call(commands.autoAssignArrivals(businessDate)));
      await refresh();
    } catch (thrown) {
      setFailure(errorText(thrown));
    } finally {
      setBusy(false);
    }
  }

  const rows = chart.data ? buildRows(chart.data, (roomTypes.data ?? []).flatMap((type) => (type.id === null ? [] : [type.id]))) : [];
  const dates = datesFrom(from, DEFAULT_DAYS);

  return (
    <div data-testid="tape-chart">
      <div className={classes.toolbar}>
        <Text fw={700} size="lg">
          {t("nav.tape-chart")}
        </Text>
        <Button.Group>
          <Button size="xs" variant="default" onClick={() => setFrom(addDays(from, -7))} data-testid="tape-prev-week">
            {t("tapeChart.prevWeek")}
          </Button>
          <Button size="xs" variant="default" onClick={() => setFrom(businessDate)} data-testid="tape-today">
            {t("tapeChart.today")}
          </Button>
          <Button size="xs" variant="default" onClick={() => setFrom(addDays(from, 7))} data-testid="tape-next-week">
            {t("tapeChart.nextWeek")}
          </Button>
        </Button.Group>
        <Text size="sm" c="dimmed">
          {t("tapeChart.range", { from: formatDate(from, i18n.language), to: formatDate(addDays(to, -1), i18n.language) })}
        </Text>
        <div className={classes.spacer} />
        <Button size="xs" loading={busy} onClick={() => void autoAssign()} data-testid="tape-auto-assign">
          {t("tapeChart.autoAssign")}
        </Button>
      </div>

      <div className={classes.legend} aria-label={t("tapeChart.legend")}>
        {RESERVATION_STATES.map((state) => (
          <StateBadge key={state} state={state} />
        ))}
        <span className={classes.swatch} /> <Text size="xs">{t("tapeChart.outOfOrder")}</Text>
        <Text size="xs" c="dimmed">
          {t("tapeChart.keys")}
        </Text>
      </div>

      {failure && (
        <Alert color="red" variant="light" mb="xs" withCloseButton onClose={() => setFailure(null)} data-testid="tape-error">
          {failure}
        </Alert>
      )}
      {assigned && (
        <Alert color={assigned.unassigned.length > 0 ? "yellow" : "teal"} variant="light" mb="xs" withCloseButton onClose={() => setAssigned(null)} data-testid="tape-auto-assign-result">
          {t("tapeChart.autoAssigned", { count: assigned.assigned.length })}
          {assigned.unassigned.length > 0 && ` ${t("tapeChart.autoUnassigned", { bookings: assigned.unassigned.join(", ") })}`}
        </Alert>
      )}
      {chart.error && (
        <Alert color="red" variant="light" mb="xs">
          {errorText(chart.error)}
        </Alert>
      )}

      {chart.data && rows.length === 0 && <EmptyState title={t("tapeChart.empty")} hint={t("tapeChart.emptyHint")} />}
      {rows.length > 0 && (
        <TapeGrid
          rows={rows}
          dates={dates}
          businessDate={chart.data?.businessDate ?? businessDate}
          typeName={typeName}
          barTitle={barTitle}
          onEmptyCell={(_row, date) => setBooking(date)}
          onBar={setDetails}
          onDrop={drop}
        />
      )}

      {/* The booking dialog has no room-type prefill yet; its start date becomes the arrival. */}
      {booking && <BookingDialog businessDate={booking} currency={currency} digits={currencyDigits} onClose={() => setBooking(null)} />}

      <Modal opened={details !== null} onClose={() => setDetails(null)} title={details?.guestName} lockScroll={false} data-testid="tape-details">
        {details && (
          <Stack gap={4} data-testid="tape-details-body">
            <Group gap="xs">
              <Text fw={700}>{details.bookingNo}</Text>
              <StateBadge state={details.state} />
            </Group>
            <Text size="sm">{t("tapeChart.detail.room", { room: roomNumber(details.roomId), type: typeName(details.roomTypeId) })}</Text>
            <Text size="sm">
              {t("tapeChart.detail.stay", {
                arrival: formatDate(details.arrival, i18n.language),
                departure: formatDate(details.departure, i18n.language),
                nights: nights(details),
              })}
            </Text>
            <Text size="sm">{t("tapeChart.detail.total", { total: money(details.total) })}</Text>
            {details.overbooked && (
              <Text size="sm" c="red">
                {t("tapeChart.detail.overbooked")}
              </Text>
            )}
          </Stack>
        )}
      </Modal>

      <Modal opened={upgrade !== null} onClose={() => setUpgrade(null)} title={t("tapeChart.upgrade.title")} lockScroll={false}>
        {upgrade && (
          <Stack>
            <Text size="sm">
              {t("tapeChart.upgrade.body", {
                guest: upgrade.bar.guestName,
                room: upgrade.room.number,
                from: typeName(upgrade.bar.roomTypeId),
                to: typeName(upgrade.room.roomTypeId),
              })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setUpgrade(null)}>
                {t("common.cancel")}
              </Button>
              <Button
                data-testid="tape-upgrade-confirm"
                onClick={() => {
                  setUpgrade(null);
                  void move(upgrade.bar, upgrade.room, true);
                }}
              >
                {t("tapeChart.upgrade.confirm")}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </div>
  );
}
