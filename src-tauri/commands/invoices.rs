//! Invoices and credit notes: the draft shown before issuing, issuing at check-out, credit
//! notes, the list, the numbering series and e-mailing an invoice through the out-box.

use innkeep_core::desk::Desk;
use innkeep_core::documents;
use innkeep_core::invoices::{
    self, Buyer, InvoiceDraft, InvoiceFilter, InvoiceNumbering, InvoiceView, SeriesInput,
    SeriesView,
};
use tauri::State;

use super::{Answer, api};

/// A folio's totals and suggested buyer before its invoice is issued.
#[tauri::command]
#[specta::specta]
pub async fn invoice_draft(desk: State<'_, Desk>, folio_id: i32) -> Answer<InvoiceDraft> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    invoices::invoice_draft(&db.conn, &actor, folio_id)
        .await
        .map_err(api)
}

/// Issues the invoice of a settled folio and closes the folio.
#[tauri::command]
#[specta::specta]
pub async fn issue_invoice(
    desk: State<'_, Desk>,
    folio_id: i32,
    buyer: Buyer,
) -> Answer<InvoiceView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    let made = invoices::issue(&db.conn, desk.now(), &actor, folio_id, buyer)
        .await
        .map_err(api)?;
    invoices::view(&db.conn, &actor, made).await.map_err(api)
}

/// Cancels an invoice with a credit note giving the reason.
#[tauri::command]
#[specta::specta]
pub async fn issue_credit_note(
    desk: State<'_, Desk>,
    invoice_id: i32,
    reason: String,
) -> Answer<InvoiceView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    let made = invoices::credit_note(&db.conn, desk.now(), &actor, invoice_id, &reason)
        .await
        .map_err(api)?;
    invoices::view(&db.conn, &actor, made).await.map_err(api)
}

/// Invoices and credit notes, newest first.
#[tauri::command]
#[specta::specta]
pub async fn list_invoices(
    desk: State<'_, Desk>,
    filter: InvoiceFilter,
) -> Answer<Vec<InvoiceView>> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    invoices::list_invoices(&db.conn, &actor, &filter)
        .await
        .map_err(api)
}

/// The invoice and credit note series.
#[tauri::command]
#[specta::specta]
pub async fn invoice_numbering(desk: State<'_, Desk>) -> Answer<InvoiceNumbering> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    invoices::invoice_numbering(&db.conn, &actor)
        .await
        .map_err(api)
}

/// Changes the prefix, next number or width of a series.
#[tauri::command]
#[specta::specta]
pub async fn save_invoice_series(desk: State<'_, Desk>, input: SeriesInput) -> Answer<SeriesView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    invoices::save_series(&db.conn, desk.now(), &actor, input)
        .await
        .map_err(api)
}

/// The guest's e-mail address on an invoice's stay, to prefill the recipient.
#[tauri::command]
#[specta::specta]
pub async fn invoice_recipient(desk: State<'_, Desk>, invoice_id: i32) -> Answer<String> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    documents::invoice_recipient(&db.conn, &actor, invoice_id)
        .await
        .map_err(api)
}

/// Queues an invoice or credit note in the out-box and wakes the sender.
#[tauri::command]
#[specta::specta]
pub async fn email_invoice(desk: State<'_, Desk>, invoice_id: i32, to: String) -> Answer<i32> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    let id = documents::email_invoice(&db.conn, desk.now(), &actor, invoice_id, &to)
        .await
        .map_err(api)?;
    desk.wake_mail();
    Ok(id)
}
