//! Backups of the embedded database: online snapshots with `VACUUM INTO` (never a copy of an
//! open file), each verified by opening it and running `PRAGMA integrity_check`, with its
//! SHA-256 recorded in the database and in a `.sha256` file beside it; a daily schedule with
//! a retention count; and restore with a safety copy of the current database first.
//! A PostgreSQL hotel is backed up on the server (pg_dump), not here.

mod schedule;
mod verify;

pub use schedule::{BackupSchedule, is_due, last_scheduled, prune, save_schedule, schedule};
use verify::{file_name, sidecar};
pub use verify::{sha256_file, verify_file};

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde::{Deserialize, Serialize};

use crate::audit;
use crate::auth::Actor;
use crate::db::{Backend, Db};
use crate::entity::backup;
use crate::error::{ApiError, Result};
use crate::permission::Permission;
use crate::validate::{Invalid, Rule};

/// Why a backup or restore could not be done.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("backups are made on the database server for a shared PostgreSQL database")]
    NotEmbedded,
    #[error("{file} is not a sound Innkeep backup: {detail}")]
    VerifyFailed { file: String, detail: String },
    #[error("the folder {folder} cannot be written: {detail}")]
    Folder { folder: String, detail: String },
    #[error("the backup file {file} does not exist")]
    NotFound { file: String },
}

impl BackupError {
    pub fn to_api(&self) -> ApiError {
        match self {
            Self::NotEmbedded => ApiError::new("backup", "not_embedded", &[]),
            Self::VerifyFailed { file, .. } => {
                ApiError::new("backup", "verify_failed", &[("file", file.clone())])
            }
            Self::Folder { folder, .. } => {
                ApiError::new("backup", "folder", &[("folder", folder.clone())])
            }
            Self::NotFound { file } => {
                ApiError::new("backup", "not_found", &[("file", file.clone())])
            }
        }
    }
}

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum BackupKind {
    Manual,
    Scheduled,
    Safety,
}

impl BackupKind {
    fn as_str(self) -> &'static str {
        match self {
            Self::Manual => "manual",
            Self::Scheduled => "scheduled",
            Self::Safety => "safety",
        }
    }
}

/// A recorded backup.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupView {
    pub id: i32,
    pub created_at: DateTime<Utc>,
    pub path: String,
    #[specta(type = f64)]
    pub size_bytes: i64,
    pub sha256: String,
    pub kind: BackupKind,
    pub verified: bool,
    pub by_user: String,
}

/// What the backup screen shows.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupOverview {
    pub backend: Backend,
    pub schedule: BackupSchedule,
    pub backups: Vec<BackupView>,
    pub default_folder: String,
}

/// A step of a running backup or restore, for the progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum BackupStep {
    Snapshot,
    Verify,
    Checksum,
    Prune,
    SafetyCopy,
    Replace,
    Done,
}

/// Progress of a backup or restore.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupProgress {
    pub step: BackupStep,
    pub percent: u8,
}

/// Receives progress; the shell forwards it to the window.
pub type Progress<'a> = &'a (dyn Fn(BackupProgress) + Send + Sync);

fn ensure_folder(folder: &Path) -> Result<(), BackupError> {
    let fail = |e: std::io::Error| BackupError::Folder {
        folder: folder.display().to_string(),
        detail: e.to_string(),
    };
    std::fs::create_dir_all(folder).map_err(fail)?;
    let probe = folder.join(".innkeep-write-test");
    std::fs::write(&probe, b"ok").map_err(fail)?;
    std::fs::remove_file(&probe).map_err(fail)
}

fn view(m: backup::Model) -> BackupView {
    let kind = match m.kind.as_str() {
        "scheduled" => BackupKind::Scheduled,
        "safety" => BackupKind::Safety,
        _ => BackupKind::Manual,
    };
    BackupView {
        id: m.id,
        created_at: m.created_at,
        path: m.path,
        size_bytes: m.size_bytes,
        sha256: m.sha256,
        kind,
        verified: m.verified,
        by_user: m.username,
    }
}

/// The backup screen (permission `backups.manage`).
pub async fn overview(db: &Db, actor: &Actor, default_folder: &Path) -> Result<BackupOverview> {
    actor.require(Permission::BackupsManage)?;
    let rows = backup::Entity::find()
        .filter(backup::Column::PropertyId.eq(actor.property_id))
        .order_by_desc(backup::Column::CreatedAt)
        .all(&db.conn)
        .await?;
    Ok(BackupOverview {
        backend: db.backend,
        schedule: schedule(&db.conn, actor.property_id, default_folder).await?,
        backups: rows.into_iter().map(view).collect(),
        default_folder: default_folder.display().to_string(),
    })
}

/// Makes a verified backup into `folder` (permission `backups.manage`).
pub async fn create(
    db: &Db,
    now: DateTime<Utc>,
    actor: &Actor,
    folder: &Path,
    kind: BackupKind,
    progress: Progress<'_>,
) -> Result<BackupView> {
    actor.require(Permission::BackupsManage)?;
    if db.backend != Backend::Embedded {
        return Err(BackupError::NotEmbedded.into());
    }
    ensure_folder(folder)?;
    let mut path = folder.join(format!(
        "innkeep-{}-{}.sqlite3",
        now.format("%Y%m%d-%H%M%S"),
        kind.as_str()
    ));
    let mut n = 1;
    while path.exists() {
        n += 1;
        path = folder.join(format!(
            "innkeep-{}-{}-{n}.sqlite3",
            now.format("%Y%m%d-%H%M%S"),
            kind.as_str()
        ));
    }
    progress(BackupProgress {
        step: BackupStep::Snapshot,
        percent: 10,
    });
    let target = path.display().to_string().replace('\'', "''");
    db.conn
        .execute_unprepared(&format!("VACUUM INTO '{target}'"))
        .await?;
    progress(BackupProgress {
        step: BackupStep::Verify,
        percent: 55,
    });
    verify_file(&path).await?;
    progress(BackupProgress {
        step: BackupStep::Checksum,
        percent: 80,
    });
    let (sha, size) = sha256_file(&path)?;
    std::fs::write(sidecar(&path), format!("{sha}  {}\n", file_name(&path)))?;
    let row = backup::ActiveModel {
        property_id: Set(actor.property_id),
        created_at: Set(now),
        path: Set(path.display().to_string()),
        size_bytes: Set(i64::try_from(size).unwrap_or(i64::MAX)),
        sha256: Set(sha.clone()),
        kind: Set(kind.as_str().into()),
        verified: Set(true),
        username: Set(actor.username.clone()),
        ..Default::default()
    }
    .insert(&db.conn)
    .await?;
    audit::record(
        &db.conn,
        now,
        actor,
        "backup.created",
        "backup",
        row.id,
        format!("{} ({} bytes, sha256 {})", row.path, size, &sha[..12]),
    )
    .await?;
    progress(BackupProgress {
        step: BackupStep::Done,
        percent: 100,
    });
    Ok(view(row))
}

/// Replaces the database file with a verified backup; the caller has closed every connection.
/// Returns nothing on success; on failure the original file is left in place.
pub fn replace_database_file(backup: &Path, database: &Path) -> Result<()> {
    let staging = database.with_extension("sqlite3.restoring");
    std::fs::copy(backup, &staging)?;
    std::fs::File::open(&staging)?.sync_all()?;
    for ext in ["sqlite3-wal", "sqlite3-shm"] {
        match std::fs::remove_file(database.with_extension(ext)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e.into()),
        }
    }
    std::fs::rename(&staging, database)?;
    Ok(())
}

/// Refuses a path that is not a file the user could mean.
pub fn chosen_file(path: &str) -> Result<PathBuf, Invalid> {
    let p = PathBuf::from(path.trim());
    if path.trim().is_empty() {
        return Err(Invalid::new("path", Rule::Required));
    }
    Ok(p)
}
