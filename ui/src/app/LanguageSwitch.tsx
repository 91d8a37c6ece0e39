// zh-CN / en-US switch (login screen, setup screens and header); remembered by Rust via setLanguage.
import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { applyLanguage, LANGUAGES, type Language } from "../i18n";
import { call, commands } from "../ipc/client";
import { useAppState } from "./app-state";

export function LanguageSwitch({ size = "xs" }: { size?: "xs" | "compact-xs" }) {
  const { t, i18n } = useTranslation();
  const { setStatus } = useAppState();

  async function choose(language: Language) {
    await applyLanguage(language);
    try {
      setStatus(await call(commands.setLanguage(language)));
    } catch {
      // The switch still applies to this window; Rust logged why it could not save it.
    }
  }

  return (
    <Button.Group aria-label={t("lang.label")}>
      {LANGUAGES.map((language) => (
        <Button
          key={language}
          size={size}
          variant={i18n.language === language ? "filled" : "default"}
          aria-pressed={i18n.language === language}
          onClick={() => void choose(language)}
          data-testid={`lang-${language}`}
          lang={language}
        >
          {t(`lang.${language}`)}
        </Button>
      ))}
    </Button.Group>
  );
}
