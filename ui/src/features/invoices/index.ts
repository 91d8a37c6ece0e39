// Invoices and credit notes: issuing at check-out, the list, credit notes.
export { CreditNoteDialog } from "./CreditNoteDialog";
export { InvoicesList } from "./InvoicesList";
export { IssueInvoiceDialog } from "./IssueInvoiceDialog";
