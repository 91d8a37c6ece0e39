//! The room status board: statuses, bulk updates, out-of-order and out-of-service blocks.

use innkeep_core::desk::Desk;
use innkeep_core::housekeeping::{
    self, BlockInput, BlockView, Board, BoardFilter, HousekeepingStatus, RoomStatusView,
};
use innkeep_core::property;
use tauri::State;

use super::{Answer, api};

#[tauri::command]
#[specta::specta]
pub async fn housekeeping_board(desk: State<'_, Desk>, filter: BoardFilter) -> Answer<Board> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    let today = property::get(&db.conn, actor.property_id)
        .await
        .map_err(api)?
        .business_date;
    housekeeping::board(&db.conn, &actor, today, &filter)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn set_housekeeping_status(
    desk: State<'_, Desk>,
    room_ids: Vec<i32>,
    status: HousekeepingStatus,
) -> Answer<Vec<RoomStatusView>> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    housekeeping::set_status(&db.conn, desk.now(), &actor, &room_ids, status)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn block_room(desk: State<'_, Desk>, input: BlockInput) -> Answer<BlockView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    housekeeping::block_room(&db.conn, desk.now(), &actor, input)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn unblock_room(desk: State<'_, Desk>, block_id: i32) -> Answer<()> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    housekeeping::unblock_room(&db.conn, desk.now(), &actor, block_id)
        .await
        .map_err(api)
}
