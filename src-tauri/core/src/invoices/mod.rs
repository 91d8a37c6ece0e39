//! Invoices and credit notes: a folio whose balance is zero is closed and numbered from the
//! invoice series in one transaction (no gaps, no duplicates); a correction is a credit note
//! from its own series plus a new invoice, never an edit. Who may do it: `invoices.issue` —
//! which the front desk holds by default, because in a small hotel the receptionist issues the
//! invoice at check-out — and, for a credit note, also `folios.void` (finance and managers).
//! Postings themselves belong to the folios module; this one only reads their sums.

mod buyer;
mod draft;
mod error;
mod issue;
mod list;
mod numbering;
mod sums;

pub use buyer::{Buyer, check_taxpayer_id};
pub use draft::{InvoiceDraft, invoice_draft};
pub use error::InvoiceError;
pub use issue::{credit_note, issue, issue_on};
pub use list::{InvoiceFilter, InvoiceView, get, list_invoices, view};
pub use numbering::{InvoiceNumbering, SeriesInput, SeriesView, invoice_numbering, save_series};
pub use sums::{FolioSums, folio_sums};

/// Invoice kinds as stored.
pub mod kind {
    pub const INVOICE: &str = "invoice";
    pub const CREDIT_NOTE: &str = "credit_note";
}

/// The invoice series: code, default prefix, default width.
pub const INVOICE_SERIES: (&str, &str, i16) = ("INV", "INV", 6);
/// The credit note series.
pub const CREDIT_NOTE_SERIES: (&str, &str, i16) = ("CN", "CN", 6);
