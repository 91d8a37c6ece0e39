// i18next set up with the two shipped languages; the device's language comes from appStatus().language.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import enUS from "./en-US.json";
import zhCN from "./zh-CN.json";

export const LANGUAGES = ["zh-CN", "en-US"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Narrows any language tag to one we ship (Chinese unless it is English). */
export function toLanguage(tag: string | null | undefined): Language {
  return tag === "en-US" ? "en-US" : "zh-CN";
}

void i18n.use(initReactI18next).init({
  resources: { "zh-CN": { translation: zhCN }, "en-US": { translation: enUS } },
  lng: "zh-CN",
  fallbackLng: "zh-CN",
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
  react: { useSuspense: false },
});

/** Switches the UI language and the document's lang attribute (for CJK glyph selection). */
export async function applyLanguage(tag: string | null | undefined): Promise<void> {
  const language = toLanguage(tag);
  document.documentElement.lang = language;
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

export default i18n;
