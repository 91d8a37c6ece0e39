//! Changes to a stay in the house: room move, a new departure (with its quote first) and the
//! late check-out fee.

use chrono::NaiveDate;
use innkeep_core::desk::Desk;
use innkeep_core::reservations::ReservationView;
use innkeep_core::stays::{
    self, DepartureChange, DepartureQuote, FeePosted, LateCheckOutFee, MoveInput,
};
use tauri::State;

use super::{Answer, api};

#[tauri::command]
#[specta::specta]
pub async fn move_room(desk: State<'_, Desk>, input: MoveInput) -> Answer<ReservationView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    stays::move_room(&db.conn, desk.now(), &actor, input)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn quote_departure_change(
    desk: State<'_, Desk>,
    reservation_id: i32,
    departure: NaiveDate,
) -> Answer<DepartureQuote> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    stays::quote_departure(&db.conn, &actor, reservation_id, departure)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn change_departure(
    desk: State<'_, Desk>,
    input: DepartureChange,
) -> Answer<ReservationView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    stays::change_departure(&db.conn, desk.now(), &actor, input)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn post_late_check_out_fee(
    desk: State<'_, Desk>,
    input: LateCheckOutFee,
) -> Answer<FeePosted> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    stays::late_check_out_fee(&db.conn, desk.now(), &actor, input)
        .await
        .map_err(api)
}
