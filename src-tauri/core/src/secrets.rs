//! Secrets in the operating system's credential store (Keychain, Credential Manager, Secret
//! Service): the PostgreSQL password and the hotel's SMTP password. They never reach a file, a
//! log or the UI.

use crate::db::PostgresServer;
use crate::error::ApiError;

const SERVICE: &str = "com.innkeep.desk";

/// Why the credential store could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error("no credential store is available on this computer")]
    Unavailable,
    #[error("no password is stored for this server")]
    Missing,
    #[error("the credential store failed: {0}")]
    Failed(String),
}

impl SecretError {
    pub fn to_api(&self) -> ApiError {
        match self {
            Self::Unavailable => ApiError::new("keyring", "unavailable", &[]),
            Self::Missing => ApiError::new("keyring", "missing", &[]),
            Self::Failed(_) => ApiError::new("keyring", "failed", &[]),
        }
    }
}

fn account(server: &PostgresServer) -> String {
    format!(
        "postgres://{}@{}:{}/{}",
        server.user, server.host, server.port, server.database
    )
}

fn entry(server: &PostgresServer) -> Result<keyring::Entry, SecretError> {
    keyring::Entry::new(SERVICE, &account(server)).map_err(map)
}

/// The SMTP login a stored password belongs to: a password is only ever offered to the server
/// and user it was typed for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmtpLogin {
    pub host: String,
    pub port: u16,
    pub user: String,
}

fn smtp_entry(login: &SmtpLogin) -> Result<keyring::Entry, SecretError> {
    let account = format!("smtp://{}@{}:{}", login.user, login.host, login.port);
    keyring::Entry::new(SERVICE, &account).map_err(map)
}

fn map(e: keyring::Error) -> SecretError {
    match e {
        keyring::Error::NoDefaultStore
        | keyring::Error::NoStorageAccess(_)
        | keyring::Error::PlatformFailure(_) => {
            log::warn!("credential store unavailable: {e}");
            SecretError::Unavailable
        }
        keyring::Error::NoEntry => SecretError::Missing,
        other => SecretError::Failed(other.to_string()),
    }
}

/// Stores the password of a PostgreSQL server.
pub fn save_postgres_password(server: &PostgresServer, password: &str) -> Result<(), SecretError> {
    entry(server)?.set_password(password).map_err(map)
}

/// Reads the stored password of a PostgreSQL server.
pub fn postgres_password(server: &PostgresServer) -> Result<String, SecretError> {
    entry(server)?.get_password().map_err(map)
}

/// Forgets the stored password (when the hotel switches servers).
pub fn delete_postgres_password(server: &PostgresServer) -> Result<(), SecretError> {
    match entry(server)?.delete_credential().map_err(map) {
        Ok(()) | Err(SecretError::Missing) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Stores the password of the hotel's SMTP login on this computer.
pub fn save_smtp_password(login: &SmtpLogin, password: &str) -> Result<(), SecretError> {
    smtp_entry(login)?.set_password(password).map_err(map)
}

/// Reads the SMTP password stored on this computer (`Missing` when none was saved here).
pub fn smtp_password(login: &SmtpLogin) -> Result<String, SecretError> {
    smtp_entry(login)?.get_password().map_err(map)
}

/// Forgets the SMTP password on this computer; nothing stored is not an error.
pub fn delete_smtp_password(login: &SmtpLogin) -> Result<(), SecretError> {
    match smtp_entry(login)?.delete_credential().map_err(map) {
        Ok(()) | Err(SecretError::Missing) => Ok(()),
        Err(e) => Err(e),
    }
}
