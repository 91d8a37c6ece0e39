//! ID documents: checking a typed number and reading a scanned passport MRZ.

use innkeep_core::desk::Desk;
use innkeep_core::identity::{self, IdDocumentInput, IdDocumentView, MrzData};
use tauri::State;

use super::{Answer, api};

#[tauri::command]
#[specta::specta]
pub async fn check_id_document(
    desk: State<'_, Desk>,
    input: IdDocumentInput,
) -> Answer<IdDocumentView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    identity::check_document(&db.conn, desk.now(), &actor, &input)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn parse_mrz(desk: State<'_, Desk>, text: String) -> Answer<MrzData> {
    let (_db, actor) = desk.acting().await.map_err(api)?;
    identity::read_mrz(&actor, &text).map_err(api)
}
