// The cashier: find a folio by booking number, guest name (or pinyin), room or folio number, open or closed,
// and work on it in the folio panel.
import { Alert, Badge, Button, Group, SegmentedControl, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue, useHotkeys } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppState, useSession } from "../../app/app-state";
import type { FolioSummary } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { EmptyState } from "../../shared/components/EmptyState";
import { Num } from "../../shared/components/Num";
import { useErrorText } from "../../shared/errors";
import { formatMoney } from "../../shared/money";
import { FolioPanel } from "../folios/FolioPanel";
import { InvoicesList } from "../invoices";
import { FOLIOS_KEY } from "../folios/queries";

export function CashierArea() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { can } = useAppState();
  const { currency, currencyDigits } = useSession().property;
  const [text, setText] = useState("");
  const [state, setState] = useState("open");
  const [debounced] = useDebouncedValue(text, 250);
  const [chosen, setChosen] = useState<FolioSummary | null>(null);
  const results = useQuery({
    queryKey: [...FOLIOS_KEY, "search", debounced, state],
    queryFn: () => call(commands.searchFolios({ text: debounced, state: state === "all" ? "" : state })),
  });
  useHotkeys(chosen ? [["Escape", () => setChosen(null)]] : []);
  const money = (amount: string) => formatMoney(amount, currency, i18n.language, currencyDigits);

  if (chosen) {
    return (
      <section aria-labelledby="cashier-title">
        <Group justify="space-between" mb="sm">
          <Title order={1} size="h3" id="cashier-title">
            {t("cashier.folioOf", { booking: chosen.bookingNo, guest: chosen.guestName })}
            {chosen.roomNumber && ` · ${chosen.roomNumber}`}
          </Title>
          <Button variant="default" size="xs" onClick={() => setChosen(null)} data-testid="cashier-back">
            {t("cashier.back")}
          </Button>
        </Group>
        <FolioPanel reservationId={chosen.reservationId} />
      </section>
    );
  }

  const rows = results.data ?? [];
  return (
    <section aria-labelledby="cashier-title">
      <Title order={1} size="h3" id="cashier-title" mb="sm">
        {t("nav.cashier")}
      </Title>
      <Group mb="sm" align="flex-end">
        <TextInput
          label={t("cashier.search")}
          placeholder={t("cashier.searchHint")}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && rows.length === 1) setChosen(rows[0]);
          }}
          w={320}
          autoFocus
          data-testid="cashier-search"
        />
        <SegmentedControl
          value={state}
          onChange={setState}
          data={[
            { value: "open", label: t("folios.states.open") },
            { value: "closed", label: t("folios.states.closed") },
            { value: "all", label: t("cashier.all") },
          ]}
          data-testid="cashier-state"
        />
      </Group>
      {results.error && <Alert color="red">{errorText(results.error)}</Alert>}
      {results.data && rows.length === 0 ? (
        <EmptyState title={t("cashier.empty")} hint={t("cashier.emptyHint")} />
      ) : (
        <Table striped highlightOnHover withTableBorder verticalSpacing={4} fz="sm" data-testid="cashier-results">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("cashier.columns.folio")}</Table.Th>
              <Table.Th>{t("cashier.columns.booking")}</Table.Th>
              <Table.Th>{t("cashier.columns.guest")}</Table.Th>
              <Table.Th>{t("cashier.columns.room")}</Table.Th>
              <Table.Th>{t("cashier.columns.state")}</Table.Th>
              <Table.Th className="num">{t("folios.totals.balance")}</Table.Th>
              <Table.Th className="num">{t("folios.totals.depositHeld")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((f) => (
              <Table.Tr
                key={f.id}
                tabIndex={0}
                style={{ cursor: "pointer" }}
                onClick={() => setChosen(f)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") setChosen(f);
                }}
                data-testid={`cashier-row-${f.number}`}
              >
                <Table.Td>
                  {f.number}
                  {f.label && (
                    <Text span size="xs" c="dimmed">
                      {" "}
                      {f.label}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{f.bookingNo}</Table.Td>
                <Table.Td>{f.guestName}</Table.Td>
                <Table.Td>{f.roomNumber ?? "—"}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={f.state === "open" ? "teal" : "gray"}>
                    {t(`folios.states.${f.state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td className="num">
                  <Num>{money(f.totals.balance)}</Num>
                </Table.Td>
                <Table.Td className="num">
                  <Num>{money(f.totals.depositHeld)}</Num>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {can("invoices.issue") || can("folios.void") ? (
        <>
          <Title order={2} size="h4" mt="lg" mb="sm">
            {t("cashier.invoices")}
          </Title>
          <InvoicesList />
        </>
      ) : null}
    </section>
  );
}
