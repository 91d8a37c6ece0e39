// The command palette (Ctrl+K): go to any permitted area, or run an action; the shown screen's own actions
// come first; shortcuts shown beside each.
import { Kbd } from "@mantine/core";
import { Spotlight, type SpotlightActionData } from "@mantine/spotlight";
import { useTranslation } from "react-i18next";
import type { Area, AreaId } from "./navigation";
import { shortcutLabel } from "./navigation";
import { useScreenActionList, type PaletteAction } from "./palette-actions";
import classes from "./shell.module.css";

export type { PaletteAction } from "./palette-actions";

export const PALETTE_SHORTCUT = "mod+K";

export function Palette({
  areas,
  navigate,
  actions,
  disabled,
}: {
  areas: Area[];
  navigate: (area: AreaId) => void;
  actions: PaletteAction[];
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const screenActions = useScreenActionList();
  const hint = (shortcut?: string) => (shortcut ? <Kbd size="xs" className={classes.kbd}>{shortcutLabel(shortcut)}</Kbd> : undefined);
  const action = (a: PaletteAction): SpotlightActionData => ({
    id: a.id,
    label: a.label,
    description: a.group ?? t("palette.action"),
    rightSection: hint(a.shortcut),
    onClick: a.run,
  });
  const data: SpotlightActionData[] = [
    ...screenActions.map(action),
    ...areas.map((area) => ({
      id: `go-${area.id}`,
      label: t(`nav.${area.id}`),
      description: t("palette.goTo"),
      rightSection: hint(area.shortcut),
      onClick: () => navigate(area.id),
    })),
    ...actions.map(action),
  ];
  return (
    <Spotlight
      actions={data}
      shortcut={disabled ? null : "mod + K"}
      nothingFound={t("palette.nothing")}
      highlightQuery
      limit={30}
      searchProps={{ placeholder: t("palette.placeholder"), "aria-label": t("palette.placeholder") }}
      scrollable
      lockScroll={false}
      maxHeight={420}
    />
  );
}
