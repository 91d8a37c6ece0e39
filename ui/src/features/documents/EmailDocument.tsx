// Sends one document by e-mail: the recipient is prefilled with the guest's address (editable), the
// message goes to the out-box and is sent when the mail server is reachable.
import { Button, Group, Modal, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../ipc/client";
import { errorField, errorOf, useErrorText } from "../../shared/errors";

export interface EmailDocumentProps {
  title: string;
  /** Query key and loader of the suggested recipient. */
  recipientKey: unknown[];
  loadRecipient: () => Promise<string>;
  send: (to: string) => Promise<unknown>;
  queuedMessage: (to: string) => string;
  testId: string;
  onClose: () => void;
}

export function EmailDocument({ title, recipientKey, loadRecipient, send, queuedMessage, testId, onClose }: EmailDocumentProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const recipient = useQuery({ queryKey: recipientKey, queryFn: loadRecipient });
  // null until the desk edits it: then the guest's address (once loaded) is shown.
  const [edited, setTo] = useState<string | null>(null);
  const to = edited ?? recipient.data ?? "";
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      await send(to);
      notifications.show({ color: "teal", message: queuedMessage(to.trim()) });
      onClose();
    } catch (thrown) {
      setError(errorOf(thrown));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = error && errorField(error) === "recipients" ? errorText(error) : null;
  return (
    <Modal opened onClose={onClose} title={title} data-testid={testId}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextInput
          data-autofocus
          label={t("documents.email.to")}
          placeholder="guest@example.com"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={fieldError}
          data-testid={`${testId}-to`}
        />
        <Text size="sm" c="dimmed" mt="xs">
          {t("documents.email.hint")}
        </Text>
        {error && !fieldError && (
          <Text size="sm" c="red" mt="xs">
            {errorText(error)}
          </Text>
        )}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={busy} data-testid={`${testId}-send`}>
            {t("documents.email.send")}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
