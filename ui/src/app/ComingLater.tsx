// The placeholder for areas that arrive in later releases (tape chart, reservations, …).
import { useTranslation } from "react-i18next";
import { EmptyState } from "../shared/components/EmptyState";
import type { AreaId } from "./navigation";

export function ComingLater({ area }: { area: AreaId }) {
  const { t } = useTranslation();
  return (
    <div data-testid={`area-${area}`}>
      <EmptyState title={t(`nav.${area}`)} hint={t("later.hint")} />
    </div>
  );
}
