// The guest feature's pieces other features use.
export { IdDocumentFields, type IdDocumentValue } from "./IdDocumentFields";
export { IdNumberText } from "./IdNumberText";
export { MrzInput } from "./MrzInput";
export { mrzName } from "./documents";
