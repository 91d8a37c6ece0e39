//! Promotion codes.

use innkeep_core::desk::Desk;
use innkeep_core::promotions::{self, PromotionInput};
use tauri::State;

use super::{Answer, api};

#[tauri::command]
#[specta::specta]
pub async fn list_promotions(desk: State<'_, Desk>) -> Answer<Vec<PromotionInput>> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    promotions::list(&db.conn, &actor).await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn save_promotion(
    desk: State<'_, Desk>,
    input: PromotionInput,
) -> Answer<PromotionInput> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    promotions::save(&db.conn, desk.now(), &actor, &input)
        .await
        .map_err(api)
}
