//! Printable documents. A small PDF layer — A4 pages, the embedded Chinese-and-Latin font
//! subset into each file, measured text for right-aligned amounts, wrapping, tables whose
//! titles repeat on every page, page numbers "第 1 / 2 页 · Page 1 of 2" — and the documents
//! built on it: the booking confirmation now; folio, invoice, registration card and audit
//! report reuse the same pieces.

mod blocks;
mod confirmation;
mod font;
mod format;
mod layout;
mod table;
mod wrap;

pub use confirmation::{MAX_BATCH, confirmation_pdf, confirmations_pdf};
