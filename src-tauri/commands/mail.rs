//! E-mail: the SMTP settings tab, its test message, and the out-box with "retry now" and
//! "cancel".

use innkeep_core::desk::Desk;
use innkeep_core::mail::{self, OutboxFilter, OutboxView, SmtpSettingsInput, SmtpSettingsView};
use tauri::State;

use super::{Answer, api};

#[tauri::command]
#[specta::specta]
pub async fn get_mail_settings(desk: State<'_, Desk>) -> Answer<SmtpSettingsView> {
    desk.mail_settings().await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn save_mail_settings(
    desk: State<'_, Desk>,
    input: SmtpSettingsInput,
) -> Answer<SmtpSettingsView> {
    desk.save_mail_settings(input).await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn send_test_mail(desk: State<'_, Desk>, to: String) -> Answer<()> {
    desk.send_test_mail(&to).await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn list_outbox(desk: State<'_, Desk>, filter: OutboxFilter) -> Answer<OutboxView> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    mail::outbox(&db.conn, &actor, filter).await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn retry_mail_message(desk: State<'_, Desk>, id: i32) -> Answer<()> {
    desk.retry_mail(id).await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn cancel_mail_message(desk: State<'_, Desk>, id: i32) -> Answer<()> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    mail::cancel(&db.conn, desk.now(), &actor, id)
        .await
        .map_err(api)
}
