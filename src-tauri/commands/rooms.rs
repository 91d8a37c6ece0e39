//! Room types, rooms and rate plans.

use innkeep_core::desk::Desk;
use innkeep_core::rates::{self, RatePlanInput};
use innkeep_core::rooms::{self, BulkRooms, RoomInput, RoomTypeInput};
use tauri::State;

use super::{Answer, api};

#[tauri::command]
#[specta::specta]
pub async fn list_room_types(desk: State<'_, Desk>) -> Answer<Vec<RoomTypeInput>> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    rooms::list_types(&db.conn, &actor).await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn save_room_type(desk: State<'_, Desk>, input: RoomTypeInput) -> Answer<RoomTypeInput> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    rooms::save_type(&db.conn, desk.now(), &actor, input)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn list_rooms(desk: State<'_, Desk>) -> Answer<Vec<RoomInput>> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    rooms::list_rooms(&db.conn, &actor).await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn save_room(desk: State<'_, Desk>, input: RoomInput) -> Answer<RoomInput> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    rooms::save_room(&db.conn, desk.now(), &actor, input)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn create_rooms(desk: State<'_, Desk>, input: BulkRooms) -> Answer<Vec<RoomInput>> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    rooms::create_rooms(&db.conn, desk.now(), &actor, input)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn list_rate_plans(desk: State<'_, Desk>) -> Answer<Vec<RatePlanInput>> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    rates::list(&db.conn, &actor).await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn save_rate_plan(desk: State<'_, Desk>, input: RatePlanInput) -> Answer<RatePlanInput> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    rates::save(&db.conn, desk.now(), &actor, input)
        .await
        .map_err(api)
}
