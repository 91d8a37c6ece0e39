// A folio's documents: the folio PDF to preview and print, and issuing its invoice (which closes the folio)
// followed by the invoice's preview.
import { Button } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppState } from "../../app/app-state";
import { useDocumentPreview } from "../documents/useDocumentPreview";
import { IssueInvoiceDialog } from "../invoices";
import { FOLIOS_KEY } from "./queries";

export function FolioDocuments({ folioId, open }: { folioId: number; open: boolean }) {
  const { t } = useTranslation();
  const { can } = useAppState();
  const queryClient = useQueryClient();
  const preview = useDocumentPreview();
  const [issuing, setIssuing] = useState(false);
  return (
    <>
      <Button size="xs" variant="default" onClick={() => preview.open({ kind: "folio", id: folioId })} data-testid="folio-print">
        {t("folios.print")}
      </Button>
      {can("invoices.issue") && (
        <Button size="xs" disabled={!open} onClick={() => setIssuing(true)} data-testid="folio-invoice">
          {t("folios.invoice")}
        </Button>
      )}
      {issuing && (
        <IssueInvoiceDialog
          folioId={folioId}
          onClose={() => setIssuing(false)}
          onIssued={(invoice) => {
            void queryClient.invalidateQueries({ queryKey: FOLIOS_KEY });
            preview.open({ kind: "invoice", id: invoice.id });
          }}
        />
      )}
      {preview.element}
    </>
  );
}
