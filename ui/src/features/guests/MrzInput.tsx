// Where a passport scanner types the two MRZ lines; when the second line is complete, Rust checks
// every check digit and the form is filled through `onScanned`.
import { Textarea } from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError, MrzData } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { errorOf, useErrorText } from "../../shared/errors";
import { MRZ_LENGTH, mrzCharacters, mrzName } from "./documents";

export function MrzInput({ onScanned, today }: { onScanned: (data: MrzData) => void; /** To warn about an expired passport. */ today?: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [text, setText] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [read, setRead] = useState<MrzData | null>(null);
  const lastSent = useRef("");

  async function parse(typed: string) {
    try {
      const data = await call(commands.parseMrz(typed));
      setRead(data);
      setError(null);
      onScanned(data);
    } catch (thrown) {
      setRead(null);
      setError(errorOf(thrown));
    }
  }

  function change(typed: string) {
    setText(typed);
    const chars = mrzCharacters(typed);
    if (chars.length < MRZ_LENGTH) {
      setError(null);
      setRead(null);
      lastSent.current = "";
      return;
    }
    // A scanner ends the second line with Enter: only new characters trigger another check.
    if (chars === lastSent.current) return;
    lastSent.current = chars;
    void parse(typed);
  }

  const expired = read && today && read.expiryDate < today;
  const description = read
    ? t("guests.mrzRead", { name: mrzName(read), nationality: read.nationality, expiry: read.expiryDate })
    : t("guests.mrzHint");
  return (
    <Textarea
      label={t("guests.scanPassport")}
      description={description}
      inputWrapperOrder={["label", "input", "description", "error"]}
      value={text}
      onChange={(e) => change(e.currentTarget.value)}
      error={error ? errorText(error) : expired ? t("guests.mrzExpired", { expiry: read.expiryDate }) : undefined}
      autosize
      minRows={2}
      maxRows={3}
      autoComplete="off"
      spellCheck={false}
      styles={{ input: { fontFamily: "monospace" } }}
      data-testid="mrz-input"
    />
  );
}
