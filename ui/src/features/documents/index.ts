// Documents: previews of PDFs rendered by the core, with Save…, Print… and E-mail….
export { ConfirmationPreview } from "./ConfirmationPreview";
export { DocumentPreview } from "./DocumentPreview";
export { useConfirmationPreview } from "./useConfirmationPreview";
export { useDocumentPreview } from "./useDocumentPreview";
