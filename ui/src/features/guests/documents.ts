// What the guest feature knows about ID documents on the browser side: the kinds, a summary line of
// a checked number, and the MRZ's length as a scanner types it. The checks themselves are Rust's.
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { IdDocumentKind, IdDocumentView, MrzData } from "../../ipc/client";

export const ID_KINDS: IdDocumentKind[] = ["china_resident_id", "passport", "hk_macau_permit", "taiwan_permit", "other"];

/** Characters of a scanned MRZ without line breaks and spaces; a passport's is complete at 88. */
export const MRZ_LENGTH = 88;
export function mrzCharacters(text: string): string {
  return text.replace(/\s+/g, "").toUpperCase();
}

/** The name a form takes from a passport: given names, then surname ("ANNA MARIA ERIKSSON"). */
export function mrzName(data: MrzData): string {
  return [data.givenNames, data.surname].filter(Boolean).join(" ");
}

/** "北京市 · 出生于 1949-12-31 · 女" for a resident ID; the validity note for other kinds. */
export function useCheckedSummary(): (view: IdDocumentView) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (view: IdDocumentView) => {
      if (!view.province || !view.birthDate || !view.sex) return t("guests.idValid");
      const province = i18n.language.startsWith("zh") ? view.province.nameZh : view.province.nameEn;
      return t("guests.idChecked", { province, birthDate: view.birthDate, sex: t(`guests.sex.${view.sex}`) });
    },
    [t, i18n],
  );
}
