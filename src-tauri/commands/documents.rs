//! Documents (booking confirmations, folios, invoices and credit notes, registration cards): a
//! PDF rendered for the in-app preview, saved through the system's save dialog or
//! opened in the system's PDF viewer to print. Save and print render again from the database,
//! so the page never hands the shell bytes to write.

use base64::Engine;
use innkeep_core::desk::Desk;
use innkeep_core::documents::{self, Document, DocumentError, Output};
use innkeep_core::{Error, Result};
use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use super::{Answer, api};

/// A rendered PDF for the preview, its bytes in base64.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PdfFile {
    pub file_name: String,
    pub base64: String,
}

async fn render(desk: &Desk, document: &Document) -> Result<(String, Vec<u8>)> {
    let (db, actor) = desk.acting().await?;
    let bytes = documents::document_pdf(&db.conn, &actor, document).await?;
    let name = documents::document_file_name(&db.conn, &actor, document).await?;
    Ok((name, bytes))
}

async fn record(desk: &Desk, output: Output, document: &Document) -> Result<()> {
    let (db, actor) = desk.acting().await?;
    documents::record_document(&db.conn, desk.now(), &actor, output, document).await
}

/// Any document (confirmations, folio, invoice or credit note, registration card), for the
/// preview.
#[tauri::command]
#[specta::specta]
pub async fn document_pdf(desk: State<'_, Desk>, document: Document) -> Answer<PdfFile> {
    let (file_name, bytes) = render(&desk, &document).await.map_err(api)?;
    Ok(PdfFile {
        file_name,
        base64: base64::engine::general_purpose::STANDARD.encode(bytes),
    })
}

/// The guest's e-mail address on a booking, to prefill the recipient of its confirmation.
#[tauri::command]
#[specta::specta]
pub async fn confirmation_recipient(desk: State<'_, Desk>, booking_no: String) -> Answer<String> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    documents::confirmation_recipient(&db.conn, &actor, &booking_no)
        .await
        .map_err(api)
}

/// Queues the confirmation of one booking in the out-box to `to` (the guest's address when
/// empty) and wakes the sender; returns the out-box message id.
#[tauri::command]
#[specta::specta]
pub async fn email_confirmation(
    desk: State<'_, Desk>,
    booking_no: String,
    to: String,
) -> Answer<i32> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    let id = documents::email_confirmation(&db.conn, desk.now(), &actor, &booking_no, &to)
        .await
        .map_err(api)?;
    desk.wake_mail();
    Ok(id)
}

/// Asks where to save the document and writes it there; `None` when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn save_document(
    app: AppHandle,
    desk: State<'_, Desk>,
    document: Document,
) -> Answer<Option<String>> {
    let (file_name, bytes) = render(&desk, &document).await.map_err(api)?;
    let picked = app
        .dialog()
        .file()
        .set_file_name(file_name)
        .add_filter("PDF", &["pdf"])
        .blocking_save_file();
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    std::fs::write(&path, bytes)
        .map_err(|e| write_error(&path, &e))
        .map_err(api)?;
    record(&desk, Output::Saved, &document).await.map_err(api)?;
    Ok(Some(path.display().to_string()))
}

/// Opens the document in the system's PDF viewer, whose Print command prints it. The file goes
/// to a temporary folder that is cleared of files older than a day.
#[tauri::command]
#[specta::specta]
pub async fn print_document(desk: State<'_, Desk>, document: Document) -> Answer<()> {
    let (file_name, bytes) = render(&desk, &document).await.map_err(api)?;
    let dir = std::env::temp_dir().join("innkeep-print");
    let path = dir.join(file_name);
    let written = std::fs::create_dir_all(&dir)
        .map(|()| clear_old(&dir))
        .and_then(|()| std::fs::write(&path, bytes));
    written.map_err(|e| write_error(&path, &e)).map_err(api)?;
    open::that_detached(&path)
        .map_err(|e| {
            Error::from(DocumentError::NoViewer {
                detail: e.to_string(),
            })
        })
        .map_err(api)?;
    record(&desk, Output::Printed, &document).await.map_err(api)
}

fn write_error(path: &std::path::Path, e: &std::io::Error) -> Error {
    DocumentError::Write {
        path: path.display().to_string(),
        detail: e.to_string(),
    }
    .into()
}

fn clear_old(dir: &std::path::Path) {
    let day = std::time::Duration::from_secs(24 * 3600);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > day);
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
