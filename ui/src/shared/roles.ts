import type { TFunction } from "i18next";

/** Built-in roles are shown in the UI language by their code; custom roles by their own name. */
export function roleLabel(t: TFunction, code: string, name: string): string {
  return t(`roleNames.${code}`, { defaultValue: name });
}
