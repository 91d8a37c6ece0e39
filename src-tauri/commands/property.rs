//! The hotel's details, general settings and the database connection.

use innkeep_core::desk::{ConnectionView, Desk};
use innkeep_core::property::{self, PropertyInput, PropertyView};
use innkeep_core::settings::{self, SettingsView};
use tauri::State;

use super::{Answer, api};

#[tauri::command]
#[specta::specta]
pub async fn get_property(desk: State<'_, Desk>) -> Answer<PropertyView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    property::get(&db.conn, actor.property_id)
        .await
        .map(Into::into)
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn update_property(desk: State<'_, Desk>, input: PropertyInput) -> Answer<PropertyView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    property::update(&db.conn, desk.now(), &actor, input)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn get_settings(desk: State<'_, Desk>) -> Answer<SettingsView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    settings::get(&db.conn, &actor).await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn update_settings(desk: State<'_, Desk>, input: SettingsView) -> Answer<SettingsView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    settings::update(&db.conn, desk.now(), &actor, input)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn connection_info(desk: State<'_, Desk>) -> Answer<ConnectionView> {
    desk.connection_info().await.map_err(api)
}
