//! Changing bookings after they were made: modify with a re-quote, confirm tentative ones, walk.

use innkeep_core::desk::Desk;
use innkeep_core::reservations::{
    self, BatchResult, ChangeQuote, ReservationView, StayChange, WalkInput,
};
use tauri::State;

use super::{Answer, api};

#[tauri::command]
#[specta::specta]
pub async fn quote_reservation_change(
    desk: State<'_, Desk>,
    id: i32,
    change: StayChange,
) -> Answer<ChangeQuote> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    reservations::quote_change(&db.conn, &actor, id, &change)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn change_reservation(
    desk: State<'_, Desk>,
    id: i32,
    change: StayChange,
    confirm_overbooking: bool,
) -> Answer<ReservationView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    reservations::change(
        &db.conn,
        desk.now(),
        &actor,
        id,
        &change,
        confirm_overbooking,
    )
    .await
    .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn confirm_reservations(desk: State<'_, Desk>, ids: Vec<i32>) -> Answer<BatchResult> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    reservations::confirm_many(&db.conn, desk.now(), &actor, &ids)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn walk_reservation(
    desk: State<'_, Desk>,
    id: i32,
    input: WalkInput,
) -> Answer<ReservationView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    reservations::walk(&db.conn, desk.now(), &actor, id, &input)
        .await
        .map_err(api)
}
