//! The audit trail screen.

use innkeep_core::audit::{self, AuditFilter, AuditPage};
use innkeep_core::desk::Desk;
use tauri::State;

use super::{Answer, api};

#[tauri::command]
#[specta::specta]
pub async fn list_audit(desk: State<'_, Desk>, filter: AuditFilter) -> Answer<AuditPage> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    audit::list(&db.conn, &actor, &filter).await.map_err(api)
}
