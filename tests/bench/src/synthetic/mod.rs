//! Synthetic hotels of four sizes, generated from a seed: the same seed and size always give
//! the same hotel. The hotel, its rooms and rates are made through the core's use cases; the
//! years of bookings, stays, postings and invoices are written in bulk (`write`) with the rows
//! the use cases would have written.

mod history;
mod hotel;
mod people;
mod write;

use chrono::{Days, NaiveDate, Utc};
use innkeep_core::db::Db;
use innkeep_core::error::Result;
use innkeep_core::reports;
use rand::SeedableRng;
use rand::rngs::StdRng;
use sea_orm::ConnectionTrait;

pub use history::{Fate, Stay};
pub use hotel::{PASSWORD, Room};
pub use people::{Person, resident_id};
pub use write::Written;

/// The hotel sizes of the measuring harness.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Size {
    /// 20 rooms, 3 years.
    Small,
    /// 50 rooms, 2 years at 70 %, 1.74 nights: ≈ 14,800 bookings, a new guest each — the size
    /// used when Innkeep is compared with other systems.
    Peer,
    /// 200 rooms, 10 years.
    Mid,
    /// 500 rooms, 10 years: ≈ 730,000 bookings and 1,000,000 guest profiles.
    Large,
}

impl Size {
    pub fn parse(text: &str) -> Option<Size> {
        match text {
            "small" => Some(Size::Small),
            "peer" => Some(Size::Peer),
            "mid" => Some(Size::Mid),
            "large" => Some(Size::Large),
            _ => None,
        }
    }

    pub fn rooms(self) -> u32 {
        match self {
            Size::Small => 20,
            Size::Peer => 50,
            Size::Mid => 200,
            Size::Large => 500,
        }
    }

    pub fn years(self) -> u64 {
        match self {
            Size::Small => 3,
            Size::Peer => 2,
            Size::Mid | Size::Large => 10,
        }
    }

    /// Guest profiles beyond one per booking.
    pub fn guests(self) -> usize {
        match self {
            Size::Large => 1_000_000,
            _ => 0,
        }
    }
}

/// What to generate.
pub struct Spec {
    pub size: Size,
    pub seed: u64,
    /// The hotel's business date: history before it, bookings up to 90 days after it.
    pub today: NaiveDate,
}

/// The bookings a spec gives, before anything is written (for counts and tests).
pub fn plan(spec: &Spec, rooms: &[Room]) -> Vec<Stay> {
    let start = spec.today - Days::new(365 * spec.size.years());
    history::plan(
        spec.seed,
        rooms,
        start,
        spec.today,
        spec.today + Days::new(90),
        0.70,
        1.74,
    )
}

/// Creates the hotel on an empty database and writes its history; `progress(total, done)`.
pub async fn generate(db: &Db, spec: &Spec, progress: &dyn Fn(u64, u64)) -> Result<Written> {
    let now = Utc::now();
    let (actor, rooms) = hotel::create(&db.conn, now, spec.size.rooms()).await?;
    let stays = plan(spec, &rooms);
    let extra = spec.size.guests().saturating_sub(stays.len());
    let nights: u64 = stays.iter().map(Stay::nights).sum();
    let checked_out = stays.iter().filter(|s| s.fate == Fate::CheckedOut).count() as u64;
    // Guests, bookings, nights, then each day's room charges, payments and invoices.
    let total = (stays.len() + extra) as u64 + stays.len() as u64 + nights * 2 + checked_out * 2;
    let done = std::cell::Cell::new(0u64);
    let step = |n: u64| {
        done.set(done.get() + n);
        progress(total, done.get());
    };
    let mut rng = StdRng::seed_from_u64(spec.seed);
    let mut people = |serial: u64| people::person(&mut rng, serial);
    let start = spec.today - Days::new(365 * spec.size.years());
    let written = write::write(
        &db.conn,
        db.backend,
        &actor,
        &rooms,
        &stays,
        &mut people,
        extra,
        start,
        spec.today,
        &step,
    )
    .await?;
    // A bulk load leaves PostgreSQL's planner without statistics (it would plan the roll-up
    // below as if the tables were empty); measure them first, as after any bulk import.
    if db.backend == innkeep_core::db::Backend::Postgres {
        db.conn.execute_unprepared("ANALYZE").await?;
    }
    // The daily roll-up the night audit writes for each day it closes, for the closed history.
    reports::rollup::rebuild(&db.conn, actor.property_id, start, spec.today).await?;
    Ok(written)
}
