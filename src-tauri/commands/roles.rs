//! Roles and their permission sets.

use innkeep_core::desk::Desk;
use innkeep_core::roles::{self, RoleInput, RoleView};
use tauri::State;

use super::{Answer, api};

#[tauri::command]
#[specta::specta]
pub async fn list_roles(desk: State<'_, Desk>) -> Answer<Vec<RoleView>> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    roles::list(&db.conn, &actor).await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn save_role(desk: State<'_, Desk>, input: RoleInput) -> Answer<RoleView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    roles::save(&db.conn, desk.now(), &actor, input)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_role(desk: State<'_, Desk>, id: i32) -> Answer<()> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    roles::delete(&db.conn, desk.now(), &actor, id)
        .await
        .map_err(api)
}
