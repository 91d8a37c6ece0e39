//! Folios, postings, payments, deposits and charge codes. Writes answer with the folio they
//! touched, so the page shows the new postings and totals at once.

use innkeep_core::desk::Desk;
use innkeep_core::folios::{
    self, ChargeCodeInput, ChargeCodeView, ChargeInput, FolioSearch, FolioSummary, FolioView,
    OpenFolioInput, PaymentInput,
};
use tauri::State;

use super::{Answer, api};

async fn view(desk: &Desk, folio_id: i32) -> Answer<FolioView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    folios::folio_view(&db.conn, &actor, folio_id)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn list_charge_codes(desk: State<'_, Desk>, all: bool) -> Answer<Vec<ChargeCodeView>> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    folios::list_charge_codes(&db.conn, &actor, all)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn save_charge_code(
    desk: State<'_, Desk>,
    input: ChargeCodeInput,
) -> Answer<ChargeCodeView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    folios::save_charge_code(&db.conn, desk.now(), &actor, input)
        .await
        .map_err(api)
}

/// The reservation's folios; its main folio is opened on first look.
#[tauri::command]
#[specta::specta]
pub async fn reservation_folios(
    desk: State<'_, Desk>,
    reservation_id: i32,
) -> Answer<Vec<FolioSummary>> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    folios::ensure_folio(&db.conn, desk.now(), &actor, reservation_id)
        .await
        .map_err(api)?;
    folios::list_folios(&db.conn, &actor, reservation_id)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn open_folio(desk: State<'_, Desk>, input: OpenFolioInput) -> Answer<Vec<FolioSummary>> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    let reservation_id = input.reservation_id;
    folios::open_folio(&db.conn, desk.now(), &actor, input)
        .await
        .map_err(api)?;
    folios::list_folios(&db.conn, &actor, reservation_id)
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn get_folio(desk: State<'_, Desk>, folio_id: i32) -> Answer<FolioView> {
    view(&desk, folio_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn search_folios(
    desk: State<'_, Desk>,
    search: FolioSearch,
) -> Answer<Vec<FolioSummary>> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    folios::search_folios(&db.conn, &actor, &search)
        .await
        .map_err(api)
}

/// Posts a charge; answers with the folio it landed on (routing may send it elsewhere).
#[tauri::command]
#[specta::specta]
pub async fn post_charge(
    desk: State<'_, Desk>,
    folio_id: i32,
    input: ChargeInput,
) -> Answer<FolioView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    let p = folios::post_charge(&db.conn, desk.now(), &actor, folio_id, input)
        .await
        .map_err(api)?;
    view(&desk, p.folio_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn post_payment(
    desk: State<'_, Desk>,
    folio_id: i32,
    input: PaymentInput,
) -> Answer<FolioView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    folios::post_payment(&db.conn, desk.now(), &actor, folio_id, input)
        .await
        .map_err(api)?;
    view(&desk, folio_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn refund_payment(
    desk: State<'_, Desk>,
    folio_id: i32,
    input: PaymentInput,
) -> Answer<FolioView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    folios::refund_payment(&db.conn, desk.now(), &actor, folio_id, input)
        .await
        .map_err(api)?;
    view(&desk, folio_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn void_posting(
    desk: State<'_, Desk>,
    posting_id: i32,
    reason: String,
) -> Answer<FolioView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    let p = folios::void_posting(&db.conn, desk.now(), &actor, posting_id, &reason)
        .await
        .map_err(api)?;
    view(&desk, p.folio_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn adjust_posting(
    desk: State<'_, Desk>,
    posting_id: i32,
    amount: String,
    reason: String,
) -> Answer<FolioView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    let p = folios::adjust_posting(&db.conn, desk.now(), &actor, posting_id, &amount, &reason)
        .await
        .map_err(api)?;
    view(&desk, p.folio_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn transfer_balance(
    desk: State<'_, Desk>,
    from_folio_id: i32,
    to_folio_id: i32,
) -> Answer<FolioView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    folios::transfer_balance(&db.conn, desk.now(), &actor, from_folio_id, to_folio_id)
        .await
        .map_err(api)?;
    view(&desk, from_folio_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn route_charges(
    desk: State<'_, Desk>,
    reservation_id: i32,
    charge_code: String,
    folio_id: i32,
) -> Answer<()> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    folios::route_charges(
        &db.conn,
        desk.now(),
        &actor,
        reservation_id,
        &charge_code,
        folio_id,
    )
    .await
    .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn close_folio(desk: State<'_, Desk>, folio_id: i32) -> Answer<FolioView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    folios::close_folio(&db.conn, desk.now(), &actor, folio_id)
        .await
        .map_err(api)?;
    view(&desk, folio_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn collect_deposit(
    desk: State<'_, Desk>,
    folio_id: i32,
    input: PaymentInput,
) -> Answer<FolioView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    folios::collect_deposit(&db.conn, desk.now(), &actor, folio_id, input)
        .await
        .map_err(api)?;
    view(&desk, folio_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn apply_deposit(
    desk: State<'_, Desk>,
    folio_id: i32,
    amount: String,
) -> Answer<FolioView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    folios::apply_deposit(&db.conn, desk.now(), &actor, folio_id, &amount)
        .await
        .map_err(api)?;
    view(&desk, folio_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn refund_deposit(
    desk: State<'_, Desk>,
    folio_id: i32,
    input: PaymentInput,
) -> Answer<FolioView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    folios::refund_deposit(&db.conn, desk.now(), &actor, folio_id, input)
        .await
        .map_err(api)?;
    view(&desk, folio_id).await
}
