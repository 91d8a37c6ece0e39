//! The front desk: the business date's lists, check-in (also a walk-in) and check-out.

use innkeep_core::desk::Desk;
use innkeep_core::stays::{
    self, CheckInInput, CheckOutInput, CheckOutQuote, CheckedIn, CheckedOut, FrontDesk, WalkInInput,
};
use tauri::State;

use super::{Answer, api};

#[tauri::command]
#[specta::specta]
pub async fn front_desk(desk: State<'_, Desk>, text: String) -> Answer<FrontDesk> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    stays::front_desk(&db.conn, &actor, &text)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn check_in(desk: State<'_, Desk>, input: CheckInInput) -> Answer<CheckedIn> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    stays::check_in(&db.conn, desk.now(), &actor, input)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn walk_in(desk: State<'_, Desk>, input: WalkInInput) -> Answer<CheckedIn> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    stays::walk_in(&db.conn, desk.now(), &actor, input)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn check_out(desk: State<'_, Desk>, input: CheckOutInput) -> Answer<CheckedOut> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    stays::check_out(&db.conn, desk.now(), &actor, input)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn check_out_quote(desk: State<'_, Desk>, reservation_id: i32) -> Answer<CheckOutQuote> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    stays::check_out_quote(&db.conn, &actor, reservation_id)
        .await
        .map_err(api)
}
