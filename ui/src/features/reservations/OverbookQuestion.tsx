// "The type is full on <night>. Overbook?" — asked before a booking or change is retried with confirmOverbooking.
import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../shared/dates";

export function OverbookQuestion({ night, busy = false, onCancel, onConfirm }: { night: string; busy?: boolean; onCancel: () => void; onConfirm: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Modal opened onClose={onCancel} title={t("reservations.overbook.title")} size="sm" zIndex={300}>
      <Stack gap="sm">
        <Text data-testid="overbook-question">{t("reservations.overbook.question", { night: formatDate(night, i18n.language) })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-autofocus>
            {t("common.cancel")}
          </Button>
          <Button color="orange" loading={busy} onClick={onConfirm} data-testid="overbook-confirm">
            {t("reservations.overbook.confirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
