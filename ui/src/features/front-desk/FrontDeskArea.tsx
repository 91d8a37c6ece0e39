// The front desk for the business date: arrivals, departures and guests in house, each row with its room's
// status, what the guest owes and the next action (check in, check out, folio); walk-ins from here too.
import { Alert, Badge, Button, Group, Menu, Table, Tabs, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue, useHotkeys } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/app-state";
import type { DeskRow, ReservationView } from "../../ipc/client";
import { EmptyState } from "../../shared/components/EmptyState";
import { Num } from "../../shared/components/Num";
import { formatDate } from "../../shared/dates";
import { useErrorText } from "../../shared/errors";
import { formatMoney } from "../../shared/money";
import { ROOM_STATUS_COLORS } from "../../shared/roomStatus";
import { useDocumentPreview } from "../documents/useDocumentPreview";
import { FolioPanel } from "../folios/FolioPanel";
import { ChangeDepartureDialog, LateCheckOutDialog, MoveRoomDialog } from "../stays";
import { CheckInDialog } from "./CheckInDialog";
import { CheckOutDialog } from "./CheckOutDialog";
import { refreshAfterStay, useFrontDesk } from "./queries";

type List = "arrivals" | "departures" | "inHouse";
type StayChange = "move" | "departure" | "late";

export function FrontDeskArea() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const { currency, currencyDigits } = useSession().property;
  const preview = useDocumentPreview();
  const [text, setText] = useState("");
  const [debounced] = useDebouncedValue(text, 200);
  const [list, setList] = useState<List>("arrivals");
  const [checkingIn, setCheckingIn] = useState<ReservationView | "walk-in" | null>(null);
  const [checkingOut, setCheckingOut] = useState<ReservationView | null>(null);
  const [folioOf, setFolioOf] = useState<ReservationView | null>(null);
  const [change, setChange] = useState<{ kind: StayChange; reservation: ReservationView } | null>(null);
  const desk = useFrontDesk(debounced);
  useHotkeys([["mod+shift+W", () => setCheckingIn("walk-in")]]);
  const closeChange = () => {
    setChange(null);
    void refreshAfterStay(queryClient);
  };
  const money = (amount: string | null) => (amount === null ? "" : formatMoney(amount, currency, i18n.language, currencyDigits));

  if (folioOf) {
    return (
      <section aria-labelledby="front-desk-title">
        <Group justify="space-between" mb="sm">
          <Title order={1} size="h3" id="front-desk-title">
            {t("cashier.folioOf", { booking: folioOf.bookingNo, guest: folioOf.guestName })}
            {folioOf.roomNumber && ` · ${folioOf.roomNumber}`}
          </Title>
          <Button variant="default" size="xs" onClick={() => setFolioOf(null)} data-testid="front-desk-back">
            {t("cashier.back")}
          </Button>
        </Group>
        <FolioPanel reservationId={folioOf.id} />
      </section>
    );
  }

  const data = desk.data;
  const rows: DeskRow[] = data ? data[list] : [];
  const businessDate = data?.businessDate ?? "";

  function changes(r: ReservationView) {
    return (
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="subtle" data-testid={`front-desk-more-${r.bookingNo}`}>
            {t("frontDesk.more")}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {(["move", "departure", "late"] as const).map((kind) => (
            <Menu.Item key={kind} onClick={() => setChange({ kind, reservation: r })} data-testid={`front-desk-${kind}-${r.bookingNo}`}>
              {t(`stays.${kind}.action`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    );
  }

  function action(row: DeskRow) {
    const r = row.reservation;
    switch (row.next) {
      case "assign_room":
      case "check_in":
        return (
          <Button size="xs" onClick={() => setCheckingIn(r)} data-testid={`front-desk-check-in-${r.bookingNo}`}>
            {t("frontDesk.checkIn")}
          </Button>
        );
      case "check_out":
        return (
          <Group gap={6} wrap="nowrap">
            <Button size="xs" variant="default" onClick={() => setFolioOf(r)} data-testid={`front-desk-folio-${r.bookingNo}`}>
              {t("frontDesk.folio")}
            </Button>
            <Button size="xs" onClick={() => setCheckingOut(r)} data-testid={`front-desk-check-out-${r.bookingNo}`}>
              {t("frontDesk.checkOut")}
            </Button>
            {changes(r)}
          </Group>
        );
      case "open_folio":
        return (
          <Group gap={6} wrap="nowrap">
            <Button size="xs" variant="default" onClick={() => setFolioOf(r)} data-testid={`front-desk-folio-${r.bookingNo}`}>
              {t("frontDesk.folio")}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setCheckingOut(r)} data-testid={`front-desk-check-out-${r.bookingNo}`}>
              {t("frontDesk.checkOut")}
            </Button>
            {changes(r)}
          </Group>
        );
    }
  }

  return (
    <section aria-labelledby="front-desk-title">
      <Group justify="space-between" mb="sm" align="flex-end">
        <div>
          <Title order={1} size="h3" id="front-desk-title">
            {t("nav.front-desk")}
          </Title>
          {businessDate && (
            <Text size="sm" c="dimmed" data-testid="front-desk-date">
              {t("frontDesk.businessDate", { date: formatDate(businessDate, i18n.language) })}
            </Text>
          )}
        </div>
        <Group align="flex-end">
          <TextInput
            label={t("frontDesk.search")}
            placeholder={t("frontDesk.searchHint")}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            w={260}
            data-testid="front-desk-search"
          />
          <Button onClick={() => setCheckingIn("walk-in")} data-testid="front-desk-walk-in">
            {t("frontDesk.walkIn")}
          </Button>
        </Group>
      </Group>
      {desk.error && <Alert color="red">{errorText(desk.error)}</Alert>}
      <Tabs value={list} onChange={(v) => v && setList(v as List)} mb="sm">
        <Tabs.List>
          {(["arrivals", "departures", "inHouse"] as const).map((l) => (
            <Tabs.Tab key={l} value={l} data-testid={`front-desk-tab-${l}`}>
              {t(`frontDesk.lists.${l}`)}
              <Badge size="sm" variant="light" ml={6}>
                {data ? data[l].length : "…"}
              </Badge>
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {data && rows.length === 0 ? (
        <EmptyState title={t(`frontDesk.empty.${list}`)} hint={t("frontDesk.emptyHint")} />
      ) : (
        <Table striped highlightOnHover data-testid="front-desk-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("frontDesk.columns.booking")}</Table.Th>
              <Table.Th>{t("frontDesk.columns.guest")}</Table.Th>
              <Table.Th>{t("frontDesk.columns.room")}</Table.Th>
              <Table.Th>{t("frontDesk.columns.stay")}</Table.Th>
              <Table.Th ta="right">{t("frontDesk.columns.balance")}</Table.Th>
              <Table.Th ta="right">{t("frontDesk.columns.deposit")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const r = row.reservation;
              return (
                <Table.Tr key={r.id} data-testid={`front-desk-row-${r.bookingNo}`}>
                  <Table.Td>{r.bookingNo}</Table.Td>
                  <Table.Td>{r.guestName}</Table.Td>
                  <Table.Td>
                    {r.roomNumber ?? <Text span c="dimmed">{t("frontDesk.noRoomYet")}</Text>}
                    {row.roomStatus && (
                      <Badge ml={6} size="sm" variant="light" color={ROOM_STATUS_COLORS[row.roomStatus]} title={t(`housekeeping.status.${row.roomStatus}`)}>
                        {t(`housekeeping.code.${row.roomStatus}`)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {formatDate(r.arrival, i18n.language)} → {formatDate(r.departure, i18n.language)}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Num>{money(row.balance)}</Num>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Num>{money(row.depositHeld)}</Num>
                  </Table.Td>
                  <Table.Td ta="right">{action(row)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {checkingIn && (
        <CheckInDialog
          reservation={checkingIn === "walk-in" ? null : checkingIn}
          businessDate={businessDate}
          onClose={() => setCheckingIn(null)}
          onDone={(done) => {
            setCheckingIn(null);
            setList("inHouse");
            notifications.show({
              color: "teal",
              message: t("frontDesk.checkedIn", { room: done.reservation.roomNumber ?? "", guests: done.guests.join(t("common.listSeparator")) }),
            });
            void refreshAfterStay(queryClient);
            preview.open({ kind: "registration_card", reservationId: done.reservation.id }, t("frontDesk.registrationCard"));
          }}
        />
      )}
      {checkingOut && (
        <CheckOutDialog
          reservation={checkingOut}
          onClose={() => setCheckingOut(null)}
          onChangeDeparture={() => {
            setCheckingOut(null);
            setChange({ kind: "departure", reservation: checkingOut });
          }}
          onDone={(done) => {
            setCheckingOut(null);
            notifications.show({
              color: "teal",
              message: t("frontDesk.checkedOut", { room: done.roomNumber, invoices: done.invoices.map((i) => i.number).join(t("common.listSeparator")) }),
            });
            void refreshAfterStay(queryClient);
            const first = done.invoices[0];
            if (first) preview.open({ kind: "invoice", id: first.id });
          }}
        />
      )}
      {change?.kind === "move" && <MoveRoomDialog reservation={change.reservation} onClose={closeChange} />}
      {change?.kind === "departure" && (
        <ChangeDepartureDialog reservation={change.reservation} currency={currency} digits={currencyDigits} onClose={closeChange} />
      )}
      {change?.kind === "late" && (
        <LateCheckOutDialog reservation={change.reservation} currency={currency} digits={currencyDigits} onClose={closeChange} />
      )}
      {preview.element}
    </section>
  );
}
