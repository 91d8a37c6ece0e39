// The tape chart's small dialogs: a stay's details, the upgrade question, the overbooking question for a date
// change, and the list of keys.
import { Button, Group, Kbd, Modal, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TapeBar, TapeRoom } from "../../ipc/client";
import { formatDate } from "../../shared/dates";
import { nightsBetween } from "../reservations/queries";
import { StateBadge } from "../reservations/ReservationTable";
import { SHORTCUTS } from "./keyboard";
import type { OverbookQuestion } from "./useStayChanges";
import classes from "./tape-chart.module.css";

export function StayDetails({
  bar,
  onClose,
  roomNumber,
  typeName,
  money,
}: {
  bar: TapeBar | null;
  onClose: () => void;
  roomNumber: (id: number | null) => string;
  typeName: (id: number) => string;
  money: (amount: string) => string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Modal opened={bar !== null} onClose={onClose} title={bar?.guestName} lockScroll={false} data-testid="tape-details">
      {bar && (
        <Stack gap={4} data-testid="tape-details-body">
          <Group gap="xs">
            <Text fw={700}>{bar.bookingNo}</Text>
            <StateBadge state={bar.state} />
          </Group>
          <Text size="sm">{t("tapeChart.detail.room", { room: roomNumber(bar.roomId), type: typeName(bar.roomTypeId) })}</Text>
          <Text size="sm">
            {t("tapeChart.detail.stay", {
              arrival: formatDate(bar.arrival, i18n.language),
              departure: formatDate(bar.departure, i18n.language),
              nights: nightsBetween(bar.arrival, bar.departure),
            })}
          </Text>
          <Text size="sm">{t("tapeChart.detail.total", { total: money(bar.total) })}</Text>
          {bar.overbooked && (
            <Text size="sm" c="red">
              {t("tapeChart.detail.overbooked")}
            </Text>
          )}
        </Stack>
      )}
    </Modal>
  );
}

export function UpgradeQuestion({
  upgrade,
  typeName,
  onAnswer,
}: {
  upgrade: { bar: TapeBar; room: TapeRoom } | null;
  typeName: (id: number) => string;
  onAnswer: (confirmed: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={upgrade !== null} onClose={() => onAnswer(false)} title={t("tapeChart.upgrade.title")} lockScroll={false}>
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
            <Button variant="default" onClick={() => onAnswer(false)}>
              {t("common.cancel")}
            </Button>
            <Button data-testid="tape-upgrade-confirm" onClick={() => onAnswer(true)}>
              {t("tapeChart.upgrade.confirm")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** The same question the booking dialog asks, for a stay made longer on the chart. */
export function OverbookPrompt({ question, onAnswer }: { question: OverbookQuestion | null; onAnswer: (confirmed: boolean) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Modal opened={question !== null} onClose={() => onAnswer(false)} title={t("reservations.overbook.title")} size="sm" lockScroll={false}>
      {question && (
        <Stack gap="sm">
          <Text data-testid="overbook-question">{t("reservations.overbook.question", { night: formatDate(question.night, i18n.language) })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onAnswer(false)} data-autofocus>
              {t("common.cancel")}
            </Button>
            <Button color="orange" onClick={() => onAnswer(true)} data-testid="overbook-confirm">
              {t("reservations.overbook.confirm")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

export function ShortcutHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t("tapeChart.shortcuts")} lockScroll={false} data-testid="tape-shortcuts">
      <Table verticalSpacing={4} data-testid="tape-shortcuts-table">
        <Table.Tbody>
          {SHORTCUTS.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {s.keys.map((k) => (
                    <Kbd key={k} size="xs" className={classes.kbd}>
                      {k}
                    </Kbd>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{t(`tapeChart.shortcut.${s.id}`)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td>{t("tapeChart.mouse")}</Table.Td>
            <Table.Td>{t("tapeChart.mouseHelp")}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
