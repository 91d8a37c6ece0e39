//! IPC adapters: DTO in → core call → DTO out. Errors become [`ApiError`]s; details of
//! internal failures go to the log file, never to the screen.

pub mod audit;
pub mod backups;
pub mod booking_changes;
pub mod dashboard;
pub mod documents;
pub mod folios;
pub mod housekeeping;
pub mod identity;
pub mod invoices;
pub mod mail;
pub mod night_audit;
pub mod promotions;
pub mod property;
pub mod reports;
pub mod reservations;
pub mod roles;
pub mod rooms;
pub mod session;
pub mod setup;
pub mod stays;
pub mod stays_changes;
pub mod users;

use innkeep_core::{ApiError, Error};

/// What every command returns.
pub type Answer<T> = Result<T, ApiError>;

/// Converts a core error for the UI, logging what the user does not see.
pub fn api(e: Error) -> ApiError {
    if e.is_internal() {
        log::error!("{e}");
    } else {
        log::info!("refused: {e}");
    }
    e.to_api()
}
