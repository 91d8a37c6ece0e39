// Opens the preview of any document; render `element` somewhere.
import { useState, type ReactNode } from "react";
import type { Document } from "../../ipc/client";
import { DocumentPreview } from "./DocumentPreview";

export function useDocumentPreview(): { open: (document: Document, title?: string) => void; element: ReactNode } {
  const [shown, setShown] = useState<{ document: Document; title?: string } | null>(null);
  const element = shown ? <DocumentPreview document={shown.document} title={shown.title} onClose={() => setShown(null)} /> : null;
  return { open: (document, title) => setShown({ document, title }), element };
}
