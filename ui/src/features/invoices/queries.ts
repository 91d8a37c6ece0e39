// Query keys of the invoices feature.
export const INVOICES_KEY = ["invoices"];
export const invoiceDraftKey = (folioId: number) => ["invoiceDraft", folioId];
