//! The night audit of a synthetic hotel, timed. An audit closes its day for good, so on SQLite
//! it runs on a copy of the hotel's file (the kept hotel stays as it was); on PostgreSQL the
//! cluster is a throwaway one and the audit is the last thing measured.

use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate, Utc};
use innkeep_core::auth::Actor;
use innkeep_core::clock::ManualClock;
use innkeep_core::db::{self, Backend, Db};
use innkeep_core::night_audit::{self, RunInput};
use sea_orm::ConnectionTrait;

/// What a series of audits did: one timing per closed day, and the room nights of the first.
pub struct Audits {
    pub times: Vec<Duration>,
    pub room_charges: u32,
    pub rooms: u32,
    pub no_shows: usize,
}

/// Runs the audit for `days` consecutive business dates from `today` (findings acknowledged,
/// as the night auditor would after reading them).
pub async fn run(db: &Db, actor: &Actor, today: NaiveDate, days: u64) -> Result<Audits, String> {
    let copy = match (db.backend, &db.sqlite_path) {
        (Backend::Embedded, Some(path)) => Some(copy_of(db, path).await?),
        _ => None,
    };
    let target = match &copy {
        Some(path) => db::open_embedded(path).await.map_err(|e| e.to_string())?,
        None => db.clone(),
    };
    let mut audits = Audits {
        times: Vec::new(),
        room_charges: 0,
        rooms: 0,
        no_shows: 0,
    };
    for d in 0..days {
        let date = today + Days::new(d);
        let clock = ManualClock::new(Utc::now());
        let input = RunInput {
            business_date: date,
            acknowledged: true,
        };
        let started = Instant::now();
        let outcome = night_audit::run(&target.conn, &clock, actor, input, |_| {})
            .await
            .map_err(|e| format!("night audit of {date}: {e}"))?;
        audits.times.push(started.elapsed());
        if d == 0 {
            audits.room_charges = outcome.summary.room_charges;
            audits.rooms = outcome.summary.rooms_available;
            audits.no_shows = outcome.summary.no_shows.len();
        }
    }
    audits.times.sort();
    if let Some(path) = copy {
        target.conn.close().await.map_err(|e| e.to_string())?;
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
    Ok(audits)
}

/// A copy of the SQLite file beside it (the write-ahead log checkpointed into it first).
async fn copy_of(db: &Db, path: &std::path::Path) -> Result<std::path::PathBuf, String> {
    db.conn
        .execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
        .await
        .map_err(|e| e.to_string())?;
    let copy = path.with_extension("audit.db");
    std::fs::copy(path, &copy).map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
    Ok(copy)
}
