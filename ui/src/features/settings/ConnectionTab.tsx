// Where the data lives: embedded file or PostgreSQL server, plus the data and log folders.
import { Alert, Code, Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { call, commands } from "../../ipc/client";
import { useErrorText } from "../../shared/errors";

export function ConnectionTab() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const query = useQuery({ queryKey: ["connectionInfo"], queryFn: () => call(commands.connectionInfo()) });
  if (query.error) return <Alert color="red" variant="light">{errorText(query.error)}</Alert>;
  const info = query.data;
  const rows: [string, string | null | undefined][] = info
    ? info.backend === "embedded"
      ? [
          [t("connection.backend"), t("connection.embedded")],
          [t("connection.databasePath"), info.databasePath],
        ]
      : [
          [t("connection.backend"), t("connection.postgres")],
          [t("fields.host"), info.host && info.port ? `${info.host}:${info.port}` : info.host],
          [t("fields.database"), info.database],
          [t("fields.user"), info.user],
        ]
    : [];
  if (info) {
    rows.push([t("connection.dataDir"), info.dataDir], [t("connection.logDir"), info.logDir]);
  }
  return (
    <Table withTableBorder striped={false} maw={760} data-testid="connection-info">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={200}>{label}</Table.Th>
            <Table.Td>{value ? <Code>{value}</Code> : "–"}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
