// Invoices and credit notes, newest first: number, business date, buyer (with taxpayer ID), total and kind,
// which credit note cancels an invoice; open the PDF, or cancel an invoice with a credit note.
import { Alert, Badge, Button, Group, SegmentedControl, Stack, Table, Text, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppState } from "../../app/app-state";
import type { InvoiceFilter, InvoiceView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { EmptyState } from "../../shared/components/EmptyState";
import { Num } from "../../shared/components/Num";
import { formatDate } from "../../shared/dates";
import { useErrorText } from "../../shared/errors";
import { formatMoney } from "../../shared/money";
import { useDocumentPreview } from "../documents";
import { CreditNoteDialog } from "./CreditNoteDialog";
import { INVOICES_KEY } from "./queries";

type Shown = "all" | "invoice" | "credit_note";

export function InvoicesList({ folioId }: { folioId?: number }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { can } = useAppState();
  const [shown, setShown] = useState<Shown>("all");
  const [search, setSearch] = useState("");
  const [crediting, setCrediting] = useState<InvoiceView | null>(null);
  const preview = useDocumentPreview();
  const filter: InvoiceFilter = {
    from: null,
    to: null,
    kind: shown === "all" ? null : shown,
    search: search.trim() === "" ? null : search.trim(),
    folioId: folioId ?? null,
  };
  const query = useQuery({
    queryKey: [...INVOICES_KEY, filter],
    queryFn: () => call(commands.listInvoices(filter)),
    placeholderData: keepPreviousData,
  });
  const rows = query.data ?? [];
  const kindLabel = (i: InvoiceView) => (i.kind === "credit_note" ? t("invoices.kind.credit_note") : t("invoices.kind.invoice"));

  return (
    <Stack gap="sm" data-testid="invoices-list">
      <Group gap="sm">
        <SegmentedControl
          size="xs"
          value={shown}
          onChange={(v) => setShown(v as Shown)}
          data={[
            { value: "all", label: t("invoices.filter.all") },
            { value: "invoice", label: t("invoices.kind.invoice") },
            { value: "credit_note", label: t("invoices.kind.credit_note") },
          ]}
        />
        <TextInput
          size="xs"
          placeholder={t("invoices.filter.search")}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="invoices-search"
        />
      </Group>
      {query.error && (
        <Alert color="red" variant="light">
          {errorText(query.error)}
        </Alert>
      )}
      {query.data && rows.length === 0 ? (
        <EmptyState title={t("invoices.empty.title")} hint={t("invoices.empty.hint")} />
      ) : (
        <Table striped highlightOnHover verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("invoices.column.number")}</Table.Th>
              <Table.Th>{t("invoices.column.date")}</Table.Th>
              <Table.Th>{t("invoices.column.buyer")}</Table.Th>
              <Table.Th ta="right">{t("invoices.column.total")}</Table.Th>
              <Table.Th>{t("invoices.column.kind")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((i) => (
              <Table.Tr key={i.id} data-testid={`invoice-row-${i.id}`}>
                <Table.Td>
                  <Text size="sm" fw={500}>{i.number}</Text>
                  <Text size="xs" c="dimmed">{t("invoices.folio", { folio: i.folioNumber })}</Text>
                </Table.Td>
                <Table.Td>{formatDate(i.businessDate, i18n.language)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{i.buyerName}</Text>
                  {i.taxpayerId && <Text size="xs" c="dimmed">{i.taxpayerId}</Text>}
                </Table.Td>
                <Table.Td ta="right">
                  <Num>{formatMoney(i.total, i.currency, i18n.language)}</Num>
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={i.kind === "credit_note" ? "red" : "teal"}>
                    {kindLabel(i)}
                  </Badge>
                  {i.creditedBy && <Text size="xs" c="dimmed">{t("invoices.creditedBy", { number: i.creditedBy })}</Text>}
                  {i.creditsNumber && <Text size="xs" c="dimmed">{t("invoices.cancels", { number: i.creditsNumber })}</Text>}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-xs" variant="default" onClick={() => preview.open({ kind: "invoice", id: i.id }, `${kindLabel(i)} ${i.number}`)} data-testid={`invoice-open-${i.id}`}>
                      {t("invoices.open")}
                    </Button>
                    {i.kind === "invoice" && !i.creditedBy && can("folios.void") && (
                      <Button size="compact-xs" variant="light" color="red" onClick={() => setCrediting(i)} data-testid={`invoice-credit-${i.id}`}>
                        {t("invoices.credit.action")}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {crediting && <CreditNoteDialog invoice={crediting} onClose={() => setCrediting(null)} />}
      {preview.element}
    </Stack>
  );
}
