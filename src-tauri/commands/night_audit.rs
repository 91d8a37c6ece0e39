//! The night audit: the open date's pre-checks, the run with its progress streamed to the
//! window through a channel, and a closed date's figures.

use chrono::NaiveDate;
use innkeep_core::desk::Desk;
use innkeep_core::night_audit::{
    self, AuditChecks, AuditOutcome, AuditProgress, AuditSummary, RunInput,
};
use tauri::State;
use tauri::ipc::Channel;

use super::{Answer, api};

/// The pre-check findings of the open business date.
#[tauri::command]
#[specta::specta]
pub async fn night_audit_checks(desk: State<'_, Desk>) -> Answer<AuditChecks> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    night_audit::pre_checks(&db.conn, &actor).await.map_err(api)
}

/// Closes the business date the operator saw, all or nothing.
#[tauri::command]
#[specta::specta]
pub async fn run_night_audit(
    desk: State<'_, Desk>,
    input: RunInput,
    on_progress: Channel<AuditProgress>,
) -> Answer<AuditOutcome> {
    desk.run_night_audit(input, |p| drop(on_progress.send(p)))
        .await
        .map_err(api)
}

/// The figures of a closed business date.
#[tauri::command]
#[specta::specta]
pub async fn night_audit_summary(
    desk: State<'_, Desk>,
    business_date: NaiveDate,
) -> Answer<AuditSummary> {
    let (db, actor) = desk.acting().await.map_err(api)?;
    night_audit::closed_summary(&db.conn, &actor, business_date)
        .await
        .map_err(api)
}
