// The booking confirmation previewed inside the app (PDF.js, the same on every platform), with Save…
// through the system's save dialog and Print… through the system's PDF viewer. Open it for one booking
// number or several (batch print from the reservation list).
import { Alert, Button, Group, Modal, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { call, commands } from "../../ipc/client";
import { errorOf, useErrorText } from "../../shared/errors";
import { EmailConfirmation } from "./EmailConfirmation";
import { PdfPages } from "./PdfPages";
import { decodeBase64 } from "./pdf";
import classes from "./documents.module.css";

export function ConfirmationPreview({ bookingNos, onClose }: { bookingNos: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [busy, setBusy] = useState<"save" | "print" | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [pages, setPages] = useState<number | null>(null);
  const [emailing, setEmailing] = useState(false);
  const pdf = useQuery({
    queryKey: ["confirmationPdf", ...bookingNos],
    queryFn: () => call(commands.confirmationPdf(bookingNos)),
    staleTime: 0,
    gcTime: 0,
  });
  const bytes = useMemo(() => (pdf.data ? decodeBase64(pdf.data.base64) : null), [pdf.data]);
  const title =
    bookingNos.length === 1
      ? t("documents.confirmation.title", { booking: bookingNos[0] })
      : t("documents.confirmation.titleMany", { count: bookingNos.length });

  async function run(action: "save" | "print") {
    setBusy(action);
    setFailure(null);
    try {
      if (action === "save") {
        const path = await call(commands.saveConfirmation(bookingNos));
        if (path) notifications.show({ color: "teal", message: t("documents.saved", { path }) });
      } else {
        await call(commands.printConfirmation(bookingNos));
        notifications.show({ color: "teal", message: t("documents.printOpened") });
      }
    } catch (thrown) {
      setFailure(errorText(errorOf(thrown)));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Modal opened onClose={onClose} title={title} size={780} data-testid="confirmation-preview">
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
          {bookingNos.length === 1 && (
            <Button variant="default" disabled={!bytes || busy !== null} onClick={() => setEmailing(true)} data-testid="confirmation-email-open">
              {t("documents.email.open")}
            </Button>
          )}
          <Button variant="default" disabled={!bytes || busy !== null} loading={busy === "save"} onClick={() => void run("save")} data-testid="confirmation-save">
            {t("documents.save")}
          </Button>
          <Button disabled={!bytes || busy !== null} loading={busy === "print"} onClick={() => void run("print")} data-testid="confirmation-print">
            {t("documents.print")}
          </Button>
        </Group>
      </Group>
      {emailing && <EmailConfirmation bookingNo={bookingNos[0]} onClose={() => setEmailing(false)} />}
    </Modal>
  );
}
