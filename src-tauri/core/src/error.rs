//! The core's error type and how it crosses to the UI: a stable code, a translation key and
//! parameters. Details for the operator (database messages, paths of IO failures) stay in the log.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::auth::AuthError;
use crate::backup::BackupError;
use crate::db::ConnectionError;
use crate::secrets::SecretError;
use crate::validate::Invalid;

/// Everything a core operation can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Auth(#[from] AuthError),
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error(transparent)]
    Connection(#[from] ConnectionError),
    #[error(transparent)]
    Secret(#[from] SecretError),
    #[error(transparent)]
    Backup(#[from] BackupError),
    #[error(transparent)]
    Pricing(#[from] crate::pricing::PricingError),
    #[error(transparent)]
    Reservation(#[from] crate::reservations::ReservationError),
    #[error(transparent)]
    Document(#[from] crate::documents::DocumentError),
    #[error(transparent)]
    Mail(#[from] crate::mail::MailError),
    #[error("{entity} not found")]
    NotFound { entity: &'static str },
    #[error("the first-run setup is already done")]
    SetupAlreadyDone,
    #[error("the settings file {path} is damaged: {detail}")]
    ConfigDamaged { path: String, detail: String },
    #[error("the role is held by {count} users")]
    RoleInUse { count: u64 },
    #[error("built-in roles cannot be deleted")]
    RoleBuiltin,
    #[error("this would leave no active user who can manage users")]
    LastAdmin,
    #[error("the room still has stays: {}", bookings.join(", "))]
    RoomHasStays { bookings: Vec<String> },
    #[error("database error: {0}")]
    Db(#[from] sea_orm::DbErr),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    #[error("internal error: {0}")]
    Internal(String),
    #[error(transparent)]
    Housekeeping(#[from] crate::housekeeping::HousekeepingError),
    #[error(transparent)]
    Identity(#[from] crate::identity::IdentityError),
    #[error(transparent)]
    Folio(#[from] crate::folios::FolioError),
    #[error(transparent)]
    Invoice(#[from] crate::invoices::InvoiceError),
    #[error(transparent)]
    Stay(#[from] crate::stays::StayError),
    #[error(transparent)]
    NightAudit(#[from] crate::night_audit::NightAuditError),
}

/// Result of core operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The error as the UI receives it: `key` is an i18n key, `params` its interpolation values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ApiError {
    pub code: String,
    pub key: String,
    pub params: BTreeMap<String, String>,
}

impl ApiError {
    /// Builds an error for the key `errors.<area>.<code>`.
    pub fn new(area: &str, code: &str, params: &[(&str, String)]) -> Self {
        Self {
            code: code.to_string(),
            key: format!("errors.{area}.{code}"),
            params: params
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        }
    }
}

impl Error {
    /// Whether the details should go to the log because the user sees only a generic message.
    pub fn is_internal(&self) -> bool {
        matches!(
            self,
            Error::Db(_) | Error::Io(_) | Error::Internal(_) | Error::Document(_)
        ) || matches!(self, Error::Connection(ConnectionError::Failed(_)))
            || matches!(self, Error::Secret(SecretError::Failed(_)))
    }

    /// The stable code, key and parameters for the UI.
    pub fn to_api(&self) -> ApiError {
        match self {
            Error::Auth(e) => e.to_api(),
            Error::Invalid(e) => e.to_api(),
            Error::Connection(e) => e.to_api(),
            Error::Secret(e) => e.to_api(),
            Error::Backup(e) => e.to_api(),
            Error::Pricing(e) => e.to_api(),
            Error::Reservation(e) => e.to_api(),
            Error::Document(e) => e.to_api(),
            Error::Mail(e) => e.to_api(),
            Error::NotFound { entity } => {
                ApiError::new("common", "not_found", &[("entity", entity.to_string())])
            }
            Error::SetupAlreadyDone => ApiError::new("setup", "already_done", &[]),
            Error::ConfigDamaged { path, .. } => {
                ApiError::new("setup", "config_damaged", &[("path", path.clone())])
            }
            Error::RoleInUse { count } => {
                ApiError::new("role", "in_use", &[("count", count.to_string())])
            }
            Error::RoleBuiltin => ApiError::new("role", "builtin", &[]),
            Error::LastAdmin => ApiError::new("user", "last_admin", &[]),
            Error::RoomHasStays { bookings } => {
                ApiError::new("room", "has_stays", &[("bookings", bookings.join(", "))])
            }
            Error::Db(e) => {
                crate::db::refusal(e).unwrap_or_else(|| ApiError::new("common", "internal", &[]))
            }
            Error::Io(_) | Error::Internal(_) => ApiError::new("common", "internal", &[]),
            Error::Housekeeping(e) => e.to_api(),
            Error::Identity(e) => e.to_api(),
            Error::Folio(e) => e.to_api(),
            Error::Invoice(e) => e.to_api(),
            Error::Stay(e) => e.to_api(),
            Error::NightAudit(e) => e.to_api(),
        }
    }
}
