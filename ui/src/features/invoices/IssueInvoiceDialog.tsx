// Issuing the invoice of a settled folio at check-out: the folio's total and tax, the buyer (the guest
// or payer, editable: a company's title for a 发票) and an optional taxpayer ID, checked before sending.
// The core closes the folio and takes the number in one transaction; an unsettled folio is explained.
import { Alert, Button, Group, Modal, Stack, Table, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError, InvoiceView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { Num } from "../../shared/components/Num";
import { errorField, errorOf, useErrorText } from "../../shared/errors";
import { formatMoney } from "../../shared/money";
import { checkText, collect } from "../../shared/validation";
import { INVOICES_KEY, invoiceDraftKey } from "./queries";
import { checkTaxpayerId, normaliseTaxpayerId } from "./taxpayer";

export function IssueInvoiceDialog({
  folioId,
  onClose,
  onIssued,
}: {
  folioId: number;
  onClose: () => void;
  onIssued?: (invoice: InvoiceView) => void;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const draft = useQuery({ queryKey: invoiceDraftKey(folioId), queryFn: () => call(commands.invoiceDraft(folioId)), staleTime: 0 });
  const [name, setName] = useState<string | null>(null);
  const [taxpayerId, setTaxpayerId] = useState("");
  const [errors, setErrors] = useState<Record<string, ApiError>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const buyerName = name ?? draft.data?.buyerName ?? "";
  const money = (amount: string) => (draft.data ? formatMoney(amount, draft.data.currency, i18n.language) : amount);
  const settled = draft.data ? /^-?0(\.0+)?$/.test(draft.data.balance) : false;
  const blocked = !draft.data || !settled || draft.data.invoicedAs !== null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = collect({ buyerName: checkText("buyerName", buyerName, 120), taxpayerId: checkTaxpayerId(taxpayerId) });
    setErrors(problems);
    if (Object.keys(problems).length > 0 || blocked) return;
    setBusy(true);
    setFailure(null);
    try {
      const invoice = await call(commands.issueInvoice(folioId, { name: buyerName.trim(), taxpayerId: normaliseTaxpayerId(taxpayerId) }));
      notifications.show({ color: "teal", message: t("invoices.issue.done", { number: invoice.number }) });
      await queryClient.invalidateQueries({ queryKey: INVOICES_KEY });
      onIssued?.(invoice);
      onClose();
    } catch (thrown) {
      const error = errorOf(thrown);
      const field = errorField(error);
      if (field === "buyerName" || field === "taxpayerId") setErrors({ [field]: error });
      else setFailure(error);
      await queryClient.invalidateQueries({ queryKey: invoiceDraftKey(folioId) });
    } finally {
      setBusy(false);
    }
  }

  const d = draft.data;
  return (
    <Modal opened onClose={onClose} title={t("invoices.issue.title", { folio: d?.folioNumber ?? "" })} data-testid="issue-invoice">
      <form onSubmit={(e) => void submit(e)}>
        <Stack gap="sm">
          {draft.error && (
            <Alert color="red" variant="light">
              {errorText(draft.error)}
            </Alert>
          )}
          {d && (
            <Table withRowBorders={false} verticalSpacing={2}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Td>{t("invoices.total")}</Table.Td>
                  <Table.Td ta="right"><Num testId="issue-invoice-total">{money(d.total)}</Num></Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td>{t("invoices.tax")}</Table.Td>
                  <Table.Td ta="right"><Num>{money(d.tax)}</Num></Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td>{t("invoices.balance")}</Table.Td>
                  <Table.Td ta="right"><Num>{money(d.balance)}</Num></Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          )}
          {d && !settled && (
            <Alert color="yellow" variant="light" data-testid="issue-invoice-unsettled">
              {t("errors.invoice.not_settled", { balance: money(d.balance) })}
            </Alert>
          )}
          {d?.invoicedAs && (
            <Alert color="yellow" variant="light">
              {t("errors.invoice.already_invoiced", { number: d.invoicedAs })}
            </Alert>
          )}
          <TextInput
            data-autofocus
            label={t("fields.buyerName")}
            description={t("invoices.issue.buyerHint")}
            value={buyerName}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.buyerName ? errorText(errors.buyerName) : null}
            data-testid="issue-invoice-buyer"
          />
          <TextInput
            label={t("fields.taxpayerId")}
            description={t("invoices.issue.taxpayerHint")}
            value={taxpayerId}
            onChange={(e) => setTaxpayerId(e.currentTarget.value)}
            error={errors.taxpayerId ? errorText(errors.taxpayerId) : null}
            data-testid="issue-invoice-taxpayer"
          />
          {failure && (
            <Alert color="red" variant="light" data-testid="issue-invoice-failure">
              {errorText(failure)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy} disabled={blocked} data-testid="issue-invoice-submit">
              {t("invoices.issue.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
