// An ID number as Rust sent it: whole, or masked for a role without guests.view_documents.
import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function IdNumberText({ number, kind }: { number: string; /** Shown before the number when given. */ kind?: string }) {
  const { t } = useTranslation();
  const masked = number.includes("*");
  return (
    <Text span size="sm" data-testid="id-number-text" data-masked={masked ? "true" : undefined}>
      {kind ? `${t(`guests.idKind.${kind}`)} ` : null}
      <Text span ff="monospace" title={masked ? t("guests.masked") : undefined}>
        {number || "—"}
      </Text>
    </Text>
  );
}
