//! Backups and restore; progress streams to the window through a channel. Folder and file
//! pickers are opened from Rust, so the page itself has no file-system access.

use innkeep_core::backup::{BackupOverview, BackupProgress, BackupSchedule, BackupView};
use innkeep_core::desk::{AppStatus, Desk};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use super::{Answer, api};

#[tauri::command]
#[specta::specta]
pub async fn backup_overview(desk: State<'_, Desk>) -> Answer<BackupOverview> {
    desk.backup_overview().await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn backup_now(
    desk: State<'_, Desk>,
    on_progress: Channel<BackupProgress>,
) -> Answer<BackupView> {
    desk.backup_now(&|p| drop(on_progress.send(p)))
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn save_backup_schedule(
    desk: State<'_, Desk>,
    schedule: BackupSchedule,
) -> Answer<BackupOverview> {
    desk.save_backup_schedule(schedule).await.map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn restore_backup(
    desk: State<'_, Desk>,
    path: String,
    on_progress: Channel<BackupProgress>,
) -> Answer<AppStatus> {
    desk.restore_backup(&path, &|p| drop(on_progress.send(p)))
        .await
        .map_err(api)
}

#[tauri::command]
#[specta::specta]
pub async fn pick_folder(app: AppHandle, desk: State<'_, Desk>) -> Answer<Option<String>> {
    desk.acting().await.map_err(api)?;
    let picked = app.dialog().file().blocking_pick_folder();
    Ok(picked
        .and_then(|p| p.into_path().ok())
        .map(|p| p.display().to_string()))
}

#[tauri::command]
#[specta::specta]
pub async fn pick_backup_file(app: AppHandle, desk: State<'_, Desk>) -> Answer<Option<String>> {
    desk.acting().await.map_err(api)?;
    let picked = app
        .dialog()
        .file()
        .add_filter("SQLite", &["sqlite3", "db"])
        .blocking_pick_file();
    Ok(picked
        .and_then(|p| p.into_path().ok())
        .map(|p| p.display().to_string()))
}
