// Cancelling an issued invoice with a credit note: the reason is required and goes on the credit note and
// into the audit trail. The corrected invoice is issued afterwards from the same folio.
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError, InvoiceView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { errorField, errorOf, useErrorText } from "../../shared/errors";
import { formatMoney } from "../../shared/money";
import { checkText } from "../../shared/validation";
import { INVOICES_KEY } from "./queries";

export function CreditNoteDialog({ invoice, onClose }: { invoice: InvoiceView; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<ApiError | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = checkText("reason", reason, 500);
    setReasonError(problem);
    if (problem) return;
    setBusy(true);
    setFailure(null);
    try {
      const note = await call(commands.issueCreditNote(invoice.id, reason.trim()));
      notifications.show({ color: "teal", message: t("invoices.credit.done", { number: note.number, invoice: invoice.number }) });
      await queryClient.invalidateQueries({ queryKey: INVOICES_KEY });
      onClose();
    } catch (thrown) {
      const error = errorOf(thrown);
      if (errorField(error) === "reason") setReasonError(error);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t("invoices.credit.title", { number: invoice.number })} data-testid="credit-note">
      <form onSubmit={(e) => void submit(e)}>
        <Stack gap="sm">
          <Text size="sm">
            {t("invoices.credit.explain", {
              number: invoice.number,
              buyer: invoice.buyerName,
              total: formatMoney(invoice.total, invoice.currency, i18n.language),
            })}
          </Text>
          <Textarea
            data-autofocus
            label={t("fields.reason")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonError ? errorText(reasonError) : null}
            autosize
            minRows={2}
            data-testid="credit-note-reason"
          />
          {failure && (
            <Alert color="red" variant="light">
              {errorText(failure)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color="red" loading={busy} data-testid="credit-note-submit">
              {t("invoices.credit.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
