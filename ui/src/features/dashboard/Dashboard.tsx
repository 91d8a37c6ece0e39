// Today at a glance: business date, arrivals, departures, in-house and total rooms.
import { Alert, Paper, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { call, commands } from "../../ipc/client";
import { formatDate } from "../../shared/dates";
import { useErrorText } from "../../shared/errors";
import { formatCount } from "../../shared/money";
import classes from "./dashboard.module.css";

export function Dashboard() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const query = useQuery({ queryKey: ["dashboard"], queryFn: () => call(commands.dashboard()), refetchInterval: 60_000 });
  const data = query.data;
  const count = (value: number | undefined) => (value === undefined ? "–" : formatCount(value, i18n.language));

  const tiles: { id: string; label: string; value: string }[] = [
    { id: "arrivals", label: t("dashboard.arrivals"), value: count(data?.arrivals) },
    { id: "departures", label: t("dashboard.departures"), value: count(data?.departures) },
    { id: "in-house", label: t("dashboard.inHouse"), value: count(data?.inHouse) },
    { id: "rooms-total", label: t("dashboard.roomsTotal"), value: count(data?.roomsTotal) },
  ];

  return (
    <section aria-labelledby="dashboard-title">
      <Title order={1} size="h3" id="dashboard-title" mb={4}>
        {t("nav.dashboard")}
      </Title>
      <Text c="dimmed" size="sm" mb="md" data-testid="dashboard-business-date">
        {t("shell.businessDate", { date: data ? formatDate(data.businessDate, i18n.language) : "–" })}
      </Text>
      {query.error && (
        <Alert color="red" variant="light" mb="md">
          {errorText(query.error)}
        </Alert>
      )}
      <div className={classes.tiles}>
        {tiles.map((tile) => (
          <Paper key={tile.id} withBorder p="md" className={classes.tile}>
            <Text size="sm" c="dimmed">
              {tile.label}
            </Text>
            <div className={classes.value} data-testid={`dashboard-${tile.id}`}>
              {tile.value}
            </div>
          </Paper>
        ))}
      </div>
      {data && data.roomsTotal === 0 && (
        <Text size="sm" c="dimmed" mt="md">
          {t("dashboard.noRooms")}
        </Text>
      )}
    </section>
  );
}
