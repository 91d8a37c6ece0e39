// Sends an invoice or credit note by e-mail through the out-box.
import { useTranslation } from "react-i18next";
import { call, commands } from "../../ipc/client";
import { EmailDocument } from "./EmailDocument";

export function EmailInvoice({ invoiceId, title, onClose }: { invoiceId: number; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <EmailDocument
      title={t("documents.email.invoiceTitle", { document: title })}
      recipientKey={["invoiceRecipient", invoiceId]}
      loadRecipient={() => call(commands.invoiceRecipient(invoiceId))}
      send={(to) => call(commands.emailInvoice(invoiceId, to))}
      queuedMessage={(to) => t("documents.email.invoiceQueued", { to })}
      testId="invoice-email"
      onClose={onClose}
    />
  );
}
