//! Availability, guests and reservations.

use chrono::NaiveDate;
use innkeep_core::availability::{self, TypeNight};
use innkeep_core::desk::Desk;
use innkeep_core::guests::{self, GuestView, Preferences};
use innkeep_core::pricing::Quote;
use innkeep_core::reservations::{
    self, AssignmentStrategy, AutoAssignResult, BookingInput, ReservationFilter, ReservationView,
    TapeChart,
};
use tauri::State;

use super::{Answer, api};

#[tauri::command]
#[specta::specta]
pub async fn availability(
    desk: State<'_, Desk>,
    from: NaiveDate,
    to: NaiveDate,
) -> Answer<Vec<TypeNight>> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    availability::list(&db.conn, &actor, from, to)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn search_guests(desk: State<'_, Desk>, text: String) -> Answer<Vec<GuestView>> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    guests::search(&db.conn, &actor, &text).await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn get_guest(desk: State<'_, Desk>, id: i32) -> Answer<GuestView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    guests::get(&db.conn, &actor, id).await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn save_guest_preferences(
    desk: State<'_, Desk>,
    guest_id: i32,
    preferences: Preferences,
) -> Answer<GuestView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    guests::save_preferences(&db.conn, desk.now(), &actor, guest_id, &preferences)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn quote_booking(desk: State<'_, Desk>, input: BookingInput) -> Answer<Vec<Quote>> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    reservations::quote(&db.conn, &actor, &input)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn create_booking(
    desk: State<'_, Desk>,
    input: BookingInput,
) -> Answer<Vec<ReservationView>> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    reservations::create(&db.conn, desk.now(), &actor, input)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn list_reservations(
    desk: State<'_, Desk>,
    filter: ReservationFilter,
) -> Answer<Vec<ReservationView>> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    reservations::list(&db.conn, &actor, &filter)
        .await
        .map_err(api)
}

/// The fee cancelling would cost now, as a decimal string, shown before the user confirms.
#[tauri::command]
#[specta::specta]
pub async fn cancellation_fee(desk: State<'_, Desk>, id: i32) -> Answer<String> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    let fee = reservations::cancellation_fee(&db.conn, desk.now(), &actor, id)
        .await
        .map_err(api)?;
    Ok(fee.to_string())
}

#[tauri::command]
#[specta::specta]
pub async fn cancel_reservation(
    desk: State<'_, Desk>,
    id: i32,
    reason: String,
) -> Answer<ReservationView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    reservations::cancel(&db.conn, desk.now(), &actor, id, &reason)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn assign_room(
    desk: State<'_, Desk>,
    id: i32,
    room_id: Option<i32>,
    allow_upgrade: bool,
) -> Answer<ReservationView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    reservations::assign_room(&db.conn, desk.now(), &actor, id, room_id, allow_upgrade)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn auto_assign_arrivals(
    desk: State<'_, Desk>,
    day: NaiveDate,
) -> Answer<AutoAssignResult> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    reservations::auto_assign(&db.conn, desk.now(), &actor, day)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn tape_chart(
    desk: State<'_, Desk>,
    from: NaiveDate,
    to: NaiveDate,
) -> Answer<TapeChart> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    reservations::tape_chart(&db.conn, &actor, from, to)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn change_reservation_dates(
    desk: State<'_, Desk>,
    id: i32,
    arrival: NaiveDate,
    departure: NaiveDate,
    confirm_overbooking: bool,
) -> Answer<ReservationView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    reservations::change_dates(
        &db.conn,
        desk.now(),
        &actor,
        id,
        arrival,
        departure,
        confirm_overbooking,
    )
    .await
    .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn assignment_strategy(desk: State<'_, Desk>) -> Answer<AssignmentStrategy> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    reservations::assignment_strategy(&db.conn, &actor)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn save_assignment_strategy(
    desk: State<'_, Desk>,
    strategy: AssignmentStrategy,
) -> Answer<AssignmentStrategy> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    reservations::save_assignment_strategy(&db.conn, desk.now(), &actor, strategy)
        .await
        .map_err(api)
}
