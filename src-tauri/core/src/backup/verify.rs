//! Checking a backup file before anyone relies on it: SQLite's own integrity check, that it is
//! an Innkeep database, and its SHA-256 against the `.sha256` file written beside it.

use std::io::Read;
use std::path::{Path, PathBuf};

use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sea_orm::sqlx::{self, Row};

use super::BackupError;
use crate::error::Result;

pub(super) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub(super) fn sidecar(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".sha256");
    PathBuf::from(s)
}

/// SHA-256 (hex) and size of a file.
pub fn sha256_file(path: &Path) -> Result<(String, u64)> {
    use sha2::{Digest, Sha256};
    let mut f = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0_u8; 1 << 16];
    let mut size = 0_u64;
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        size += n as u64;
        hasher.update(&buf[..n]);
    }
    Ok((hex::encode(hasher.finalize()), size))
}

/// Opens a backup file read-only and checks it: SQLite's `integrity_check` says "ok", it is an
/// Innkeep database (it has the migrations table), and it matches its `.sha256` file if present.
pub async fn verify_file(path: &Path) -> Result<()> {
    let file = path.display().to_string();
    let fail = |detail: String| BackupError::VerifyFailed {
        file: file.clone(),
        detail,
    };
    if !path.is_file() {
        return Err(BackupError::NotFound { file }.into());
    }
    if let Ok(text) = std::fs::read_to_string(sidecar(path)) {
        let expected = text
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string();
        let (actual, _) = sha256_file(path)?;
        if expected != actual {
            return Err(fail(format!(
                "checksum {actual} differs from recorded {expected}"
            ))
            .into());
        }
    }
    let opts = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .create_if_missing(false);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(opts)
        .await
        .map_err(|e| fail(e.to_string()))?;
    let checked: Result<(), BackupError> = async {
        let rows = sqlx::query("PRAGMA integrity_check")
            .fetch_all(&pool)
            .await
            .map_err(|e| fail(e.to_string()))?;
        let verdict: Vec<String> = rows
            .iter()
            .filter_map(|r| r.try_get::<String, _>(0).ok())
            .collect();
        if verdict != ["ok"] {
            return Err(fail(verdict.join("; ")));
        }
        sqlx::query("SELECT count(*) FROM seaql_migrations")
            .fetch_one(&pool)
            .await
            .map_err(|e| fail(e.to_string()))?;
        Ok(())
    }
    .await;
    pool.close().await;
    Ok(checked?)
}
