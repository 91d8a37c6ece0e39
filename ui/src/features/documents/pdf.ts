// PDF.js, loaded only when a preview opens. Its worker is bundled by Vite as a same-origin file, so the
// CSP's `script-src 'self'` (which workers fall back to) covers it; eval stays off.
import type { PDFDocumentProxy } from "pdfjs-dist";

/** Turns the base64 text of a command's PdfFile into bytes. */
export function decodeBase64(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Opens a PDF from bytes with the bundled worker. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const [pdfjs, worker] = await Promise.all([import("pdfjs-dist"), import("pdfjs-dist/build/pdf.worker.min.mjs?url")]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  // PDF.js takes ownership of the buffer it is given: hand it a copy.
  return pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false }).promise;
}
