//! Login, logout, the screen lock and the user's own password.

use innkeep_core::desk::{Desk, SessionView};
use tauri::State;

use super::{Answer, api};

#[tauri::command]
#[specta::specta]
pub async fn login(
    desk: State<'_, Desk>,
    username: String,
    password: String,
) -> Answer<SessionView> {
    desk.login(&username, &password).await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn current_session(desk: State<'_, Desk>) -> Answer<Option<SessionView>> {
    desk.session_view().await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn logout(desk: State<'_, Desk>) -> Answer<()> {
    desk.logout().await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn lock_session(desk: State<'_, Desk>) -> Answer<()> {
    desk.lock().await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn unlock_session(desk: State<'_, Desk>, password: String) -> Answer<SessionView> {
    desk.unlock(&password).await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn touch_session(desk: State<'_, Desk>) -> Answer<()> {
    desk.touch().await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn change_password(desk: State<'_, Desk>, current: String, next: String) -> Answer<()> {
    desk.change_password(&current, &next).await.map_err(api)
}
