//! Reports over closed business dates.

use innkeep_core::desk::Desk;
use innkeep_core::reports::{self, YearReport};
use tauri::State;

use super::{Answer, api};

/// One year of occupancy and revenue, month by month, over closed days.
#[tauri::command]
#[specta::specta]
pub async fn year_report(desk: State<'_, Desk>, year: i32) -> Answer<YearReport> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    reports::year(&db.conn, &actor, year).await.map_err(api)
}
