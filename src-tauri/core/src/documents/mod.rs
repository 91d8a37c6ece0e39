//! Printable documents. A small PDF layer — A4 pages, the embedded Chinese-and-Latin font
//! subset into each file, measured text for right-aligned amounts, wrapping, tables whose
//! titles repeat on every page, page numbers "第 1 / 2 页 · Page 1 of 2" — and the documents
//! built on it: the booking confirmation, the guest folio, the invoice and credit note, and the
//! registration card; the audit report reuses the same pieces.

mod account;
mod audit_report;
mod blocks;
mod confirmation;
mod document;
mod error;
mod folio;
mod font;
mod format;
mod invoice;
mod invoice_email;
mod layout;
mod registration;
mod table;
mod wrap;

pub use audit_report::{audit_report_file_name, audit_report_pdf};
pub use confirmation::{
    MAX_BATCH, confirmation_pdf, confirmation_recipient, confirmations_pdf, email_confirmation,
};
pub use document::{Document, document_file_name, document_pdf, record_document};
pub use error::DocumentError;
pub use folio::{folio_file_name, folio_pdf};
pub(crate) use format::money as money_text;
pub use invoice::{invoice_file_name, invoice_pdf};
pub use invoice_email::{email_invoice, invoice_recipient};
pub use registration::{mask_id, registration_card_pdf, registration_file_name};

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;

use crate::audit;
use crate::auth::Actor;
use crate::error::Result;

/// What happened to a document outside the app, for the audit trail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Printed,
    Saved,
}

/// Records that the confirmations of `booking_nos` were printed or saved, one entry per booking.
pub async fn record_confirmation(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    actor: &Actor,
    output: Output,
    booking_nos: &[String],
) -> Result<()> {
    let (action, summary) = match output {
        Output::Printed => ("confirmation.printed", "confirmation sent to the printer"),
        Output::Saved => ("confirmation.saved", "confirmation saved as a PDF file"),
    };
    for n in booking_nos {
        audit::record(conn, now, actor, action, "booking", n.trim(), summary).await?;
    }
    Ok(())
}

/// A file name for the confirmations of `booking_nos`: `confirmation-B000009.pdf`, or
/// `confirmations-3.pdf` for several.
pub fn confirmation_file_name(booking_nos: &[String]) -> String {
    match booking_nos {
        [one] => {
            let safe: String = one
                .trim()
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            format!("confirmation-{safe}.pdf")
        }
        many => format!("confirmations-{}.pdf", many.len()),
    }
}
