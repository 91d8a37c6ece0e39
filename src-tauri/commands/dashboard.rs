//! The home screen.

use innkeep_core::dashboard::{self, DashboardView};
use innkeep_core::desk::Desk;
use tauri::State;

use super::{Answer, api};

#[tauri::command]
#[specta::specta]
pub async fn dashboard(desk: State<'_, Desk>) -> Answer<DashboardView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    dashboard::today(&db.conn, &actor).await.map_err(api)
}
