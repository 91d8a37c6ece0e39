//! Backups and restore as the desk runs them: manual, scheduled, and restoring a chosen file
//! (which needs every connection closed, so it runs with the desk held).

use std::path::{Path, PathBuf};

use super::{AppStatus, Desk};
use crate::auth::Actor;
use crate::backup::{
    self, BackupKind, BackupOverview, BackupProgress, BackupSchedule, BackupStep, BackupView,
    Progress,
};
use crate::db::{self, Backend, Db};
use crate::error::Result;
use crate::permission::Permission;
use crate::{audit, property};

impl Desk {
    /// The backup screen.
    pub async fn backup_overview(&self) -> Result<BackupOverview> {
        let (db, actor) = self.acting().await?;
        backup::overview(&db, &actor, &self.paths.default_backup_dir()).await
    }

    /// Saves the daily schedule.
    pub async fn save_backup_schedule(&self, schedule: BackupSchedule) -> Result<BackupOverview> {
        let (db, actor) = self.acting().await?;
        backup::save_schedule(&db, self.now(), &actor, schedule).await?;
        backup::overview(&db, &actor, &self.paths.default_backup_dir()).await
    }

    async fn folder(&self, db: &Db, property_id: i32) -> Result<PathBuf> {
        let s = backup::schedule(&db.conn, property_id, &self.paths.default_backup_dir()).await?;
        Ok(PathBuf::from(s.folder))
    }

    /// "Back up now" into the schedule's folder.
    pub async fn backup_now(&self, progress: Progress<'_>) -> Result<BackupView> {
        let (db, actor) = self.acting().await?;
        let folder = self.folder(&db, actor.property_id).await?;
        backup::create(
            &db,
            self.now(),
            &actor,
            &folder,
            BackupKind::Manual,
            progress,
        )
        .await
    }

    /// Makes the daily backup when it is due; returns whether one was made. Failures are in the
    /// audit trail and the log, and retried at the next call.
    pub async fn run_due_backup(&self) -> Result<bool> {
        let db = { self.inner.lock().await.db.clone() };
        let Some(db) = db.filter(|d| d.backend == Backend::Embedded) else {
            return Ok(false);
        };
        let Some(p) = property::current(&db.conn).await? else {
            return Ok(false);
        };
        let tz = property::time_zone("timeZone", &p.time_zone)?;
        let schedule = backup::schedule(&db.conn, p.id, &self.paths.default_backup_dir()).await?;
        let now = self.now();
        let last = backup::last_scheduled(&db.conn, p.id)
            .await?
            .map(|t| t.with_timezone(&tz).naive_local());
        if !backup::is_due(&schedule, now.with_timezone(&tz).naive_local(), last) {
            return Ok(false);
        }
        let system = Actor::system(p.id, &[Permission::BackupsManage]);
        match backup::create(
            &db,
            now,
            &system,
            Path::new(&schedule.folder),
            BackupKind::Scheduled,
            &|_| {},
        )
        .await
        {
            Ok(_) => {
                backup::prune(&db, now, &system, schedule.keep).await?;
                Ok(true)
            }
            Err(e) => {
                log::error!("scheduled backup failed: {e}");
                audit::record(
                    &db.conn,
                    now,
                    &system,
                    "backup.failed",
                    "backup",
                    "",
                    e.to_string(),
                )
                .await?;
                Err(e)
            }
        }
    }

    /// Restores a backup file: verifies it, makes a safety copy of the current database, swaps
    /// the file and reopens. The session ends (the restored staff list may differ).
    pub async fn restore_backup(&self, path: &str, progress: Progress<'_>) -> Result<AppStatus> {
        let (db, actor) = self.acting().await?;
        actor.require(Permission::BackupsManage)?;
        if db.backend != Backend::Embedded {
            return Err(backup::BackupError::NotEmbedded.into());
        }
        let chosen = backup::chosen_file(path)?;
        progress(BackupProgress {
            step: BackupStep::Verify,
            percent: 5,
        });
        backup::verify_file(&chosen).await?;
        let mut inner = self.inner.lock().await;
        progress(BackupProgress {
            step: BackupStep::SafetyCopy,
            percent: 20,
        });
        let safety = backup::create(
            &db,
            self.now(),
            &actor,
            &self.paths.safety_dir(),
            BackupKind::Safety,
            &|_| {},
        )
        .await?;
        progress(BackupProgress {
            step: BackupStep::Replace,
            percent: 60,
        });
        let database = self.paths.database_file();
        inner.session = None;
        if let Some(open) = inner.db.take() {
            let _ = open.conn.close().await;
        }
        drop(db);
        let replaced = backup::replace_database_file(&chosen, &database);
        let reopened = db::open_embedded(&database).await;
        match reopened {
            Ok(restored) => {
                if let Some(p) = property::current(&restored.conn).await? {
                    let who = Actor {
                        property_id: p.id,
                        user_id: None,
                        ..actor.clone()
                    };
                    let summary = match &replaced {
                        Ok(()) => {
                            format!("restored {}; safety copy {}", chosen.display(), safety.path)
                        }
                        Err(e) => format!("restore of {} failed: {e}", chosen.display()),
                    };
                    audit::record(
                        &restored.conn,
                        self.now(),
                        &who,
                        "backup.restored",
                        "backup",
                        "",
                        summary,
                    )
                    .await?;
                }
                inner.db = Some(restored);
            }
            Err(e) => inner.conn_error = Some(e.into()),
        }
        replaced?;
        progress(BackupProgress {
            step: BackupStep::Done,
            percent: 100,
        });
        self.status_of(&inner).await
    }
}
