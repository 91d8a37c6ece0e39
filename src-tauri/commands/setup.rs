//! First run and start-up: status, language, choosing the database, the administrator.

use innkeep_core::desk::{AppStatus, Desk, PostgresInput, SessionView};
use innkeep_core::setup::CreateAdministratorInput;
use tauri::State;

use super::{Answer, api};

#[tauri::command]
#[specta::specta]
pub async fn app_status(desk: State<'_, Desk>) -> Answer<AppStatus> {
    desk.status().await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn set_language(desk: State<'_, Desk>, language: String) -> Answer<AppStatus> {
    desk.set_language(&language).await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn test_connection(desk: State<'_, Desk>, input: PostgresInput) -> Answer<()> {
    desk.test_connection(input).await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn use_embedded_database(desk: State<'_, Desk>) -> Answer<AppStatus> {
    desk.use_embedded().await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn use_postgres_database(
    desk: State<'_, Desk>,
    input: PostgresInput,
) -> Answer<AppStatus> {
    desk.use_postgres(input).await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn retry_connection(desk: State<'_, Desk>) -> Answer<AppStatus> {
    desk.retry_connection().await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn reset_configuration(desk: State<'_, Desk>) -> Answer<AppStatus> {
    desk.reset_configuration().await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn create_administrator(
    desk: State<'_, Desk>,
    input: CreateAdministratorInput,
) -> Answer<SessionView> {
    desk.create_administrator(input).await.map_err(api)
}
