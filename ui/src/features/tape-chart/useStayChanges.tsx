// Changes made on the chart itself: move a stay to another room, change its departure. Each asks Rust (which
// checks availability and the room guard), shows a translated refusal, and offers Undo in a notification.
import { Button, Group } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TapeBar, TapeRoom } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { formatDate } from "../../shared/dates";
import { errorOf, useErrorText } from "../../shared/errors";
import { nightsBetween } from "../reservations/queries";

/** A date change Rust refused until the user confirms selling beyond availability. */
export interface OverbookQuestion {
  night: string;
  confirm: () => void;
}

function notifyWithUndo(id: string, message: string, undo: () => void, undoLabel: string) {
  notifications.show({
    id,
    color: "teal",
    autoClose: 10_000,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <span>{message}</span>
        <Button size="compact-xs" variant="light" onClick={undo} data-testid="tape-undo">
          {undoLabel}
        </Button>
      </Group>
    ),
  });
}

export function useStayChanges({ refresh, roomNumber, money }: { refresh: () => Promise<void>; roomNumber: (id: number | null) => string; money: (amount: string) => string }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [failure, setFailure] = useState<string | null>(null);
  const [overbook, setOverbook] = useState<OverbookQuestion | null>(null);
  /** One date change at a time: a held Shift+→ must not send the same change twice. */
  const changing = useRef(false);

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
    notifyWithUndo(id, t("tapeChart.moved", { guest: bar.guestName, room: room.number }), () => void undo(), t("tapeChart.undo"));
  }

  /** Sets a stay's dates; `undoing` is the change being undone (then no further Undo is offered). */
  async function changeDates(bar: TapeBar, arrival: string, departure: string, confirmOverbooking: boolean, undoing = false): Promise<void> {
    if (changing.current) return;
    changing.current = true;
    setFailure(null);
    try {
      const saved = await call(commands.changeReservationDates(bar.reservationId, arrival, departure, confirmOverbooking));
      const date = (d: string) => formatDate(d, i18n.language);
      if (undoing) {
        notifications.show({ color: "teal", message: t("tapeChart.datesRestored", { guest: bar.guestName, arrival: date(saved.arrival), departure: date(saved.departure) }) });
        return;
      }
      const id = `tape-dates-${bar.reservationId}-${Date.now()}`;
      const after: TapeBar = { ...bar, arrival: saved.arrival, departure: saved.departure, total: saved.total };
      const undo = () => {
        notifications.hide(id);
        void changeDates(after, bar.arrival, bar.departure, false, true);
      };
      const message = t("tapeChart.datesChanged", {
        guest: bar.guestName,
        departure: date(saved.departure),
        nights: nightsBetween(saved.arrival, saved.departure),
        total: money(saved.total),
      });
      notifyWithUndo(id, message, undo, t("tapeChart.undo"));
    } catch (thrown) {
      const error = errorOf(thrown);
      if (error.code === "overbook_not_confirmed" && !confirmOverbooking) {
        setOverbook({ night: error.params?.night ?? "", confirm: () => void changeDates(bar, arrival, departure, true, undoing) });
      } else {
        setFailure(errorText(error));
      }
    } finally {
      changing.current = false;
      await refresh();
    }
  }

  return {
    move,
    resize: (bar: TapeBar, departure: string) => changeDates(bar, bar.arrival, departure, false),
    failure,
    clearFailure: () => setFailure(null),
    overbook,
    answerOverbook: (confirmed: boolean) => {
      const question = overbook;
      setOverbook(null);
      if (confirmed) question?.confirm();
    },
  };
}
