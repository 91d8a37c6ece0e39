// What a stay's tooltip says: guest, booking, dates and nights, the average nightly rate and the amount.
import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TapeBar } from "../../ipc/client";
import { nightsBetween } from "../reservations/queries";
import { StateBadge } from "../reservations/ReservationTable";
import { canChangeDates } from "./layout";
import { perNight } from "./stay";

/** A date as short as the tooltip needs it: "11月25日" / "Nov 25". */
function shortDate(date: string, locale: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function StayTip({ bar, room, money, digits }: { bar: TapeBar; room: string; money: (amount: string) => string; digits: number }) {
  const { t, i18n } = useTranslation();
  const nights = nightsBetween(bar.arrival, bar.departure);
  return (
    <>
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Text size="sm" fw={700} truncate>
          {bar.guestName}
        </Text>
        <StateBadge state={bar.state} />
      </Group>
      <Text size="xs" c="dimmed">
        {bar.bookingNo} · {room}
      </Text>
      <Text size="xs">
        {t("tapeChart.tip.stay", { arrival: shortDate(bar.arrival, i18n.language), departure: shortDate(bar.departure, i18n.language), count: nights })}
      </Text>
      <Text size="xs">{t("tapeChart.tip.rate", { rate: money(perNight(bar.total, nights, digits)) })}</Text>
      <Text size="xs" fw={700}>
        {t("tapeChart.tip.amount", { total: money(bar.total) })}
      </Text>
      {bar.overbooked && (
        <Text size="xs" c="red">
          {t("tapeChart.detail.overbooked")}
        </Text>
      )}
      {canChangeDates(bar) && (
        <Text size="xs" c="dimmed">
          {t("tapeChart.tip.hint")}
        </Text>
      )}
    </>
  );
}
