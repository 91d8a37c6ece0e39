// Documents: previews of PDFs rendered by the core, with Save… and Print….
export { ConfirmationPreview } from "./ConfirmationPreview";
export { useConfirmationPreview } from "./useConfirmationPreview";
