// Sends one booking's confirmation by e-mail through the out-box.
import { useTranslation } from "react-i18next";
import { call, commands } from "../../ipc/client";
import { EmailDocument } from "./EmailDocument";

export function EmailConfirmation({ bookingNo, onClose }: { bookingNo: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <EmailDocument
      title={t("documents.email.title", { booking: bookingNo })}
      recipientKey={["confirmationRecipient", bookingNo]}
      loadRecipient={() => call(commands.confirmationRecipient(bookingNo))}
      send={(to) => call(commands.emailConfirmation(bookingNo, to))}
      queuedMessage={(to) => t("documents.email.queued", { to })}
      testId="confirmation-email"
      onClose={onClose}
    />
  );
}
