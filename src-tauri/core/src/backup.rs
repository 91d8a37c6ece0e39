//! Backups of the embedded database: online snapshots with `VACUUM INTO` (never a copy of an
//! open file), each verified by opening it and running `PRAGMA integrity_check`, with its
//! SHA-256 recorded in the database and in a `.sha256` file beside it; a daily schedule with
//! a retention count; and restore with a safety copy of the current database first.
//! A PostgreSQL hotel is backed up on the server (pg_dump), not here.

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, NaiveTime, Utc};
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sea_orm::sqlx::{self, Row};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ModelTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::{Deserialize, Serialize};

use crate::audit;
use crate::auth::Actor;
use crate::db::{Backend, Db};
use crate::entity::backup;
use crate::error::{ApiError, Result};
use crate::permission::Permission;
use crate::settings;
use crate::validate::{self, Invalid, Rule};

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

/// The daily backup: at `time` (hotel time zone) into `folder`, keeping the newest `keep`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupSchedule {
    pub enabled: bool,
    pub time: String,
    pub folder: String,
    pub keep: u32,
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

const SCHEDULE: &str = "backup.schedule";

/// The schedule, or a disabled default pointing at `default_folder`.
pub async fn schedule(
    conn: &impl ConnectionTrait,
    property_id: i32,
    default_folder: &Path,
) -> Result<BackupSchedule> {
    Ok(settings::read(conn, property_id, SCHEDULE)
        .await?
        .unwrap_or_else(|| BackupSchedule {
            enabled: true,
            time: "03:00".into(),
            folder: default_folder.display().to_string(),
            keep: 14,
        }))
}

/// Saves the schedule (permission `backups.manage`); the folder must be writable.
pub async fn save_schedule(
    db: &Db,
    now: DateTime<Utc>,
    actor: &Actor,
    input: BackupSchedule,
) -> Result<BackupSchedule> {
    actor.require(Permission::BackupsManage)?;
    let time = validate::time_of_day("time", &input.time)?;
    let folder = validate::text("folder", &input.folder, 500)?;
    let keep = u32::try_from(validate::range("keep", i64::from(input.keep), 1, 365)?).unwrap_or(1);
    ensure_folder(Path::new(&folder))?;
    let s = BackupSchedule {
        enabled: input.enabled,
        time,
        folder,
        keep,
    };
    write_schedule(db, now, actor, &s).await?;
    Ok(s)
}

async fn write_schedule(
    db: &Db,
    now: DateTime<Utc>,
    actor: &Actor,
    s: &BackupSchedule,
) -> Result<()> {
    use sea_orm::TransactionTrait;
    let txn = db.conn.begin().await?;
    settings::write(&txn, actor.property_id, SCHEDULE, s).await?;
    let summary = format!(
        "{} at {} into {}, keep {}",
        if s.enabled { "daily" } else { "off" },
        s.time,
        s.folder,
        s.keep
    );
    audit::record(
        &txn,
        now,
        actor,
        "backup.schedule_updated",
        "setting",
        SCHEDULE,
        summary,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

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

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn sidecar(path: &Path) -> PathBuf {
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

/// Deletes the oldest scheduled backups beyond `keep`, files and records.
pub async fn prune(db: &Db, now: DateTime<Utc>, actor: &Actor, keep: u32) -> Result<u32> {
    let rows = backup::Entity::find()
        .filter(backup::Column::PropertyId.eq(actor.property_id))
        .filter(backup::Column::Kind.eq(BackupKind::Scheduled.as_str()))
        .order_by_desc(backup::Column::CreatedAt)
        .all(&db.conn)
        .await?;
    let mut removed = 0;
    for old in rows.into_iter().skip(keep as usize) {
        let path = PathBuf::from(&old.path);
        let _ = std::fs::remove_file(sidecar(&path));
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e.into()),
        }
        audit::record(
            &db.conn,
            now,
            actor,
            "backup.pruned",
            "backup",
            old.id,
            old.path.clone(),
        )
        .await?;
        old.delete(&db.conn).await?;
        removed += 1;
    }
    Ok(removed)
}

/// Whether the daily backup is due: enabled, the scheduled time has passed today (hotel time),
/// and no scheduled backup was made since that time today.
pub fn is_due(
    schedule: &BackupSchedule,
    now_local: NaiveDateTime,
    last_scheduled_local: Option<NaiveDateTime>,
) -> bool {
    let Ok(at) = NaiveTime::parse_from_str(&schedule.time, "%H:%M") else {
        return false;
    };
    let slot = now_local.date().and_time(at);
    schedule.enabled && now_local >= slot && last_scheduled_local.is_none_or(|last| last < slot)
}

/// When the last scheduled backup was made.
pub async fn last_scheduled(
    conn: &impl ConnectionTrait,
    property_id: i32,
) -> Result<Option<DateTime<Utc>>> {
    Ok(backup::Entity::find()
        .filter(backup::Column::PropertyId.eq(property_id))
        .filter(backup::Column::Kind.eq(BackupKind::Scheduled.as_str()))
        .order_by_desc(backup::Column::CreatedAt)
        .one(conn)
        .await?
        .map(|b| b.created_at))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn the_daily_backup_is_due_once_after_its_time() {
        let s = BackupSchedule {
            enabled: true,
            time: "03:00".into(),
            folder: "/b".into(),
            keep: 7,
        };
        assert!(!is_due(&s, at("2026-11-23 02:59"), None));
        assert!(is_due(&s, at("2026-11-23 03:00"), None));
        assert!(is_due(
            &s,
            at("2026-11-23 09:00"),
            Some(at("2026-11-22 03:01"))
        ));
        assert!(!is_due(
            &s,
            at("2026-11-23 09:00"),
            Some(at("2026-11-23 03:01"))
        ));
        let off = BackupSchedule {
            enabled: false,
            ..s
        };
        assert!(!is_due(&off, at("2026-11-23 09:00"), None));
    }
}
