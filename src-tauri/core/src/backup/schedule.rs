//! The daily backup: when it is due, where it goes, and how many are kept.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, NaiveTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, ModelTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};

use super::{BackupKind, ensure_folder, sidecar};
use crate::audit;
use crate::auth::Actor;
use crate::db::Db;
use crate::entity::backup;
use crate::error::Result;
use crate::permission::Permission;
use crate::{settings, validate};

/// The daily backup: at `time` (hotel time zone) into `folder`, keeping the newest `keep`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupSchedule {
    pub enabled: bool,
    pub time: String,
    pub folder: String,
    pub keep: u32,
}

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
