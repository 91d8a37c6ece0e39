//! Staff accounts.

use innkeep_core::desk::Desk;
use innkeep_core::users::{self, NewUser, UserUpdate, UserView};
use tauri::State;

use super::{Answer, api};

#[tauri::command]
#[specta::specta]
pub async fn list_users(desk: State<'_, Desk>) -> Answer<Vec<UserView>> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    users::list(&db.conn, &actor).await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn create_user(desk: State<'_, Desk>, input: NewUser) -> Answer<UserView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    users::create(&db.conn, desk.now(), &actor, input)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn update_user(desk: State<'_, Desk>, input: UserUpdate) -> Answer<UserView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    users::update(&db.conn, desk.now(), &actor, input)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn reset_user_password(desk: State<'_, Desk>, id: i32, password: String) -> Answer<()> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    users::reset_password(&db.conn, desk.now(), &actor, id, &password)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn unlock_user(desk: State<'_, Desk>, id: i32) -> Answer<UserView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    users::unlock(&db.conn, desk.now(), &actor, id)
        .await
        .map_err(api)
}
