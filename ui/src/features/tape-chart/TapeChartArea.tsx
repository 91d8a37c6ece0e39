// The Tape chart area: rooms (by type or floor) × dates from the business date, week paging, book from empty
// nights, drag to move a stay or change its departure, auto-assign arrivals; its keys also in the palette.
import { ActionIcon, Alert, Button, SegmentedControl, Text, Tooltip } from "@mantine/core";
import { useLocalStorage } from "@mantine/hooks";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/app-state";
import { useScreenActions, type PaletteAction } from "../../app/palette-actions";
import type { AutoAssignResult, TapeBar, TapeRoom } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { EmptyState } from "../../shared/components/EmptyState";
import { formatDate } from "../../shared/dates";
import { useErrorText } from "../../shared/errors";
import { formatMoney } from "../../shared/money";
import { RESERVATION_STATES } from "../../shared/reservationStates";
import { BookingDialog } from "../reservations/BookingDialog";
import type { BookingPrefill } from "../reservations/booking-form";
import { addDays, AVAILABILITY_KEY, nightsBetween, RESERVATIONS_KEY, useLocalName, useRatePlans, useRoomTypes } from "../reservations/queries";
import { StateBadge } from "../reservations/ReservationTable";
import { SHORTCUTS } from "./keyboard";
import { buildRows, datesFrom, DAY_CHOICES, DEFAULT_DAYS, type CellRow, type GroupBy } from "./layout";
import { StayTip } from "./StayTip";
import { TapeGrid, type TapeGridHandle } from "./TapeGrid";
import { OverbookPrompt, ShortcutHelp, StayDetails, UpgradeQuestion } from "./TapeModals";
import { useStayChanges } from "./useStayChanges";
import classes from "./tape-chart.module.css";

export const TAPE_CHART_KEY = ["tapeChart"] as const;

export function TapeChartArea() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const { businessDate, currency, currencyDigits } = useSession().property;
  const localName = useLocalName();
  const roomTypes = useRoomTypes();
  // Loaded here so a booking started on the chart opens with the room type's first rate plan chosen.
  useRatePlans();
  const [from, setFrom] = useState(businessDate);
  const [days, setDays] = useLocalStorage<number>({ key: "innkeep.tapeChart.days", defaultValue: DEFAULT_DAYS });
  const [groupBy, setGroupBy] = useLocalStorage<GroupBy>({ key: "innkeep.tapeChart.groupBy", defaultValue: "type" });
  const to = addDays(from, days);
  const chart = useQuery({
    queryKey: [...TAPE_CHART_KEY, from, to],
    queryFn: () => call(commands.tapeChart(from, to)),
    placeholderData: keepPreviousData,
  });
  const grid = useRef<TapeGridHandle>(null);
  const [booking, setBooking] = useState<BookingPrefill | null>(null);
  const [details, setDetails] = useState<TapeBar | null>(null);
  const [upgrade, setUpgrade] = useState<{ bar: TapeBar; room: TapeRoom } | null>(null);
  const [assigned, setAssigned] = useState<AutoAssignResult | null>(null);
  const [autoFailure, setAutoFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [help, setHelp] = useState(false);

  const typeName = (id: number) => localName(roomTypes.data?.find((type) => type.id === id));
  const money = (amount: string) => formatMoney(amount, currency, i18n.language, currencyDigits);
  const roomNumber = (id: number | null) => chart.data?.rooms.find((r) => r.id === id)?.number ?? t("tapeChart.unassigned");

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: TAPE_CHART_KEY });
    await queryClient.invalidateQueries({ queryKey: RESERVATIONS_KEY });
    await queryClient.invalidateQueries({ queryKey: AVAILABILITY_KEY });
  }
  const changes = useStayChanges({ refresh, roomNumber, money });
  const failure = changes.failure ?? autoFailure;

  function drop(bar: TapeBar, room: TapeRoom) {
    if (room.roomTypeId !== bar.roomTypeId) setUpgrade({ bar, room });
    else void changes.move(bar, room, false);
  }

  function book(row: CellRow, arrival: string, departure: string) {
    const room = row.kind === "room" ? row.room : null;
    setBooking({ arrival, departure, roomTypeId: row.roomTypeId, roomId: room?.id ?? null, roomNumber: room?.number ?? null });
  }

  /** Pages by whole weeks until `date` is among the nights shown. */
  function reveal(date: string) {
    setFrom((current) => {
      let next = current;
      while (date < next) next = addDays(next, -7);
      while (nightsBetween(next, date) >= days) next = addDays(next, 7);
      return next;
    });
  }

  async function autoAssign() {
    setBusy(true);
    setAutoFailure(null);
    try {
      setAssigned(await call(commands.autoAssignArrivals(businessDate)));
      await refresh();
    } catch (thrown) {
      setAutoFailure(errorText(thrown));
    } finally {
      setBusy(false);
    }
  }

  const toggleGroup = () => setGroupBy((g) => (g === "type" ? "floor" : "type"));
  const paletteActions = useMemo<PaletteAction[]>(
    () =>
      SHORTCUTS.filter((s) => s.press).map((s) => ({
        id: `tape-${s.id}`,
        label: t(`tapeChart.shortcut.${s.id}`),
        shortcut: s.keys[0],
        group: t("nav.tape-chart"),
        // After the palette closes and gives the focus back, act on the grid.
        run: () => setTimeout(() => s.press && grid.current?.press(s.press), 0),
      })),
    [t],
  );
  useScreenActions("tape-chart", paletteActions);

  const typeOrder = useMemo(() => (roomTypes.data ?? []).flatMap((type) => (type.id === null ? [] : [type.id])), [roomTypes.data]);
  const rows = useMemo(() => (chart.data ? buildRows(chart.data, typeOrder, groupBy) : []), [chart.data, typeOrder, groupBy]);
  const dates = useMemo(() => datesFrom(from, days), [from, days]);

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
        <SegmentedControl
          size="xs"
          value={String(days)}
          onChange={(v) => setDays(Number(v))}
          data={DAY_CHOICES.map((d) => ({ value: String(d), label: t("tapeChart.days", { count: d }) }))}
          aria-label={t("tapeChart.daysLabel")}
          data-testid="tape-days"
        />
        <SegmentedControl
          size="xs"
          value={groupBy}
          onChange={(v) => setGroupBy(v === "floor" ? "floor" : "type")}
          data={[
            { value: "type", label: t("tapeChart.byType") },
            { value: "floor", label: t("tapeChart.byFloor") },
          ]}
          aria-label={t("tapeChart.groupLabel")}
          data-testid="tape-group"
        />
        <div className={classes.spacer} />
        <Tooltip label={t("tapeChart.shortcuts")}>
          <ActionIcon variant="default" size="md" onClick={() => setHelp(true)} aria-label={t("tapeChart.shortcuts")} data-testid="tape-help">
            ?
          </ActionIcon>
        </Tooltip>
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
        <Alert
          color="red"
          variant="light"
          mb="xs"
          withCloseButton
          onClose={() => {
            changes.clearFailure();
            setAutoFailure(null);
          }}
          data-testid="tape-error"
        >
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
          ref={grid}
          rows={rows}
          dates={dates}
          businessDate={chart.data?.businessDate ?? businessDate}
          typeName={typeName}
          renderTip={(bar) => <StayTip bar={bar} room={roomNumber(bar.roomId)} money={money} digits={currencyDigits} />}
          onBook={book}
          onBar={setDetails}
          onDrop={drop}
          onResize={(bar, departure) => void changes.resize(bar, departure)}
          onReveal={reveal}
          onCommand={(command) => {
            if (command === "today") setFrom(businessDate);
            else if (command === "group") toggleGroup();
            else setHelp(true);
          }}
        />
      )}

      {booking && (
        <BookingDialog
          businessDate={businessDate}
          initial={booking}
          currency={currency}
          digits={currencyDigits}
          onClose={() => {
            setBooking(null);
            void refresh();
          }}
        />
      )}
      <StayDetails bar={details} onClose={() => setDetails(null)} roomNumber={roomNumber} typeName={typeName} money={money} />
      <UpgradeQuestion
        upgrade={upgrade}
        typeName={typeName}
        onAnswer={(confirmed) => {
          if (confirmed && upgrade) void changes.move(upgrade.bar, upgrade.room, true);
          setUpgrade(null);
        }}
      />
      <OverbookPrompt question={changes.overbook} onAnswer={changes.answerOverbook} />
      <ShortcutHelp opened={help} onClose={() => setHelp(false)} />
    </div>
  );
}
