// The pages of a PDF drawn on canvases, as wide as the dialog, sharp on high-density screens.
import { Alert, Loader, Stack } from "@mantine/core";
import type { PDFDocumentProxy } from "pdfjs-dist";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { openPdf } from "./pdf";
import classes from "./documents.module.css";

/** Width of a rendered page in CSS pixels. */
export const PAGE_WIDTH = 720;

async function drawPages(doc: PDFDocumentProxy, host: HTMLElement, isCancelled: () => boolean) {
  const ratio = window.devicePixelRatio || 1;
  for (let number = 1; number <= doc.numPages; number += 1) {
    const page = await doc.getPage(number);
    if (isCancelled()) return;
    const unscaled = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: (PAGE_WIDTH / unscaled.width) * ratio });
    const canvas = document.createElement("canvas");
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.className = classes.page;
    canvas.setAttribute("data-testid", "pdf-page");
    host.appendChild(canvas);
    await page.render({ canvas, viewport }).promise;
  }
}

export function PdfPages({ bytes, onPages }: { bytes: Uint8Array; onPages?: (count: number) => void }) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    let cancelled = false;
    let doc: PDFDocumentProxy | null = null;
    element.replaceChildren();
    setState("loading");
    openPdf(bytes)
      .then(async (opened) => {
        doc = opened;
        onPages?.(opened.numPages);
        await drawPages(opened, element, () => cancelled);
        if (!cancelled) setState("ready");
      })
      .catch((e: unknown) => {
        console.error("PDF preview", e);
        if (!cancelled) setState("failed");
      });
    return () => {
      cancelled = true;
      void doc?.destroy();
    };
  }, [bytes, onPages]);

  return (
    <Stack gap="xs" align="center">
      {state === "loading" && <Loader size="sm" aria-label={t("documents.rendering")} />}
      {state === "failed" && (
        <Alert color="red" variant="light">
          {t("documents.renderFailed")}
        </Alert>
      )}
      <div ref={host} className={classes.pages} data-testid="pdf-pages" />
    </Stack>
  );
}
