// Any document the core renders — booking confirmations, a guest folio, an invoice or credit note, a
// registration card — previewed inside the app (PDF.js, the same on every platform), with Save… through the
// system's save dialog, Print… through the system's PDF viewer and, where the document can be sent, E-mail….
import { Alert, Button, Group, Modal, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Document } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { errorOf, useErrorText } from "../../shared/errors";
import { EmailConfirmation } from "./EmailConfirmation";
import { EmailInvoice } from "./EmailInvoice";
import { PdfPages } from "./PdfPages";
import { decodeBase64 } from "./pdf";
import classes from "./documents.module.css";

/** The preview's title when the opener gives none. */
export function useDocumentTitle(document: Document): string {
  const { t } = useTranslation();
  switch (document.kind) {
    case "confirmation":
      return document.bookingNos.length === 1
        ? t("documents.confirmation.title", { booking: document.bookingNos[0] })
        : t("documents.confirmation.titleMany", { count: document.bookingNos.length });
    case "folio":
      return t("documents.folio.title");
    case "invoice":
      return t("documents.invoice.title");
    case "registration_card":
      return t("documents.registrationCard.title");
    case "audit_report":
      return t("documents.auditReport.title", { date: document.businessDate });
  }
}

function documentKey(document: Document): unknown[] {
  return ["documentPdf", document.kind, ...Object.values(document).flat()];
}

export function DocumentPreview({ document, title, onClose }: { document: Document; title?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const fallbackTitle = useDocumentTitle(document);
  const [busy, setBusy] = useState<"save" | "print" | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [pages, setPages] = useState<number | null>(null);
  const [emailing, setEmailing] = useState(false);
  const pdf = useQuery({
    queryKey: documentKey(document),
    queryFn: () => call(commands.documentPdf(document)),
    staleTime: 0,
    gcTime: 0,
  });
  const bytes = useMemo(() => (pdf.data ? decodeBase64(pdf.data.base64) : null), [pdf.data]);
  const canEmail = (document.kind === "confirmation" && document.bookingNos.length === 1) || document.kind === "invoice";

  async function run(action: "save" | "print") {
    setBusy(action);
    setFailure(null);
    try {
      if (action === "save") {
        const path = await call(commands.saveDocument(document));
        if (path) notifications.show({ color: "teal", message: t("documents.saved", { path }) });
      } else {
        await call(commands.printDocument(document));
        notifications.show({ color: "teal", message: t("documents.printOpened") });
      }
    } catch (thrown) {
      setFailure(errorText(errorOf(thrown)));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Modal opened onClose={onClose} title={title ?? fallbackTitle} size={780} data-testid="document-preview">
      {pdf.error && (
        <Alert color="red" variant="light" mb="sm">
          {errorText(pdf.error)}
        </Alert>
      )}
      <div className={classes.viewer} aria-busy={!bytes}>
        {bytes && <PdfPages bytes={bytes} onPages={setPages} />}
      </div>
      {failure && (
        <Alert color="red" variant="light" mt="sm">
          {failure}
        </Alert>
      )}
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed">
          {pages !== null ? t("documents.pages", { count: pages }) : ""}
        </Text>
        <Group gap="sm">
          <Button variant="default" onClick={onClose}>
            {t("common.close")}
          </Button>
          {canEmail && (
            <Button variant="default" disabled={!bytes || busy !== null} onClick={() => setEmailing(true)} data-testid="document-email-open">
              {t("documents.email.open")}
            </Button>
          )}
          <Button variant="default" disabled={!bytes || busy !== null} loading={busy === "save"} onClick={() => void run("save")} data-testid="document-save">
            {t("documents.save")}
          </Button>
          <Button disabled={!bytes || busy !== null} loading={busy === "print"} onClick={() => void run("print")} data-testid="document-print">
            {t("documents.print")}
          </Button>
        </Group>
      </Group>
      {emailing && document.kind === "confirmation" && <EmailConfirmation bookingNo={document.bookingNos[0]} onClose={() => setEmailing(false)} />}
      {emailing && document.kind === "invoice" && <EmailInvoice invoiceId={document.id} title={title ?? fallbackTitle} onClose={() => setEmailing(false)} />}
    </Modal>
  );
}
