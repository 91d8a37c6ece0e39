//! Auto-assignment of a day's arrivals by the house rules: one room for the whole stay, of the
//! booked type, never out of order; rooms out of service (sellable, but with a defect) only when
//! nothing else is free; among the free rooms the guest's known preferences (smoking,
//! quiet side, floor) come first, then the house setting — "cluster" fills the busiest floor first
//! (fewer floors to clean and heat), "spread" fills floors evenly — then floor and number.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use serde::{Deserialize, Serialize};

use super::assign::put;
use super::state;
use crate::auth::Actor;
use crate::availability::{OUT_OF_ORDER, OUT_OF_SERVICE};
use crate::entity::{guest, reservation, reservation_night, room, room_block};
use crate::error::Result;
use crate::guests::Preferences;
use crate::permission::Permission;
use crate::{audit, settings};

const STRATEGY: &str = "rooms.assignment_strategy";

/// How auto-assignment spreads guests over floors.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum AssignmentStrategy {
    /// Fill the busiest floor first.
    #[default]
    Cluster,
    /// Fill floors evenly.
    Spread,
}

/// What auto-assignment did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AutoAssignResult {
    pub assigned: Vec<String>,
    /// Booking numbers left without a room (no free room of the type for the whole stay).
    pub unassigned: Vec<String>,
}

/// The house's assignment strategy (any signed-in user may read it).
pub async fn assignment_strategy(
    conn: &impl ConnectionTrait,
    actor: &Actor,
) -> Result<AssignmentStrategy> {
    Ok(settings::read(conn, actor.property_id, STRATEGY)
        .await?
        .unwrap_or_default())
}

/// Changes the house's assignment strategy (permission `settings.manage`).
pub async fn save_assignment_strategy(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    strategy: AssignmentStrategy,
) -> Result<AssignmentStrategy> {
    actor.require(Permission::SettingsManage)?;
    let txn = crate::db::begin_write(db).await?;
    settings::write(&txn, actor.property_id, STRATEGY, &strategy).await?;
    audit::record(
        &txn,
        now,
        actor,
        "settings.updated",
        "setting",
        STRATEGY,
        format!("room assignment {strategy:?}"),
    )
    .await?;
    txn.commit().await?;
    Ok(strategy)
}

fn features(r: &room::Model) -> Vec<String> {
    serde_json::from_str(&r.features).unwrap_or_default()
}

/// Lower is better: mismatched preferences first (smoking weighs most), then the strategy.
fn score(
    r: &room::Model,
    prefs: &Preferences,
    strategy: AssignmentStrategy,
    floor_load: &HashMap<i32, i64>,
) -> (i64, i64, i32, String) {
    let f = features(r);
    let has = |name: &str| f.iter().any(|x| x == name);
    let mut penalty = 0;
    if prefs.smoking.is_some_and(|wanted| wanted != has("smoking")) {
        penalty += 4;
    }
    if prefs.quiet && !has("quiet") {
        penalty += 2;
    }
    if prefs.floor.is_some_and(|floor| floor != r.floor) {
        penalty += 1;
    }
    let load = floor_load.get(&r.floor).copied().unwrap_or(0);
    let spread = match strategy {
        AssignmentStrategy::Cluster => -load,
        AssignmentStrategy::Spread => load,
    };
    (penalty, spread, r.floor, r.number.clone())
}

/// Gives every unassigned confirmed arrival of `day` a room (permission `reservations.manage`),
/// longest stays first. Arrivals that cannot be housed are listed, not half-assigned.
pub async fn auto_assign(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    day: NaiveDate,
) -> Result<AutoAssignResult> {
    actor.require(Permission::ReservationsManage)?;
    let strategy = assignment_strategy(db, actor).await?;
    let txn = crate::db::begin_write(db).await?;
    let arrivals = reservation::Entity::find()
        .filter(reservation::Column::PropertyId.eq(actor.property_id))
        .filter(reservation::Column::Arrival.eq(day))
        .filter(reservation::Column::State.eq(state::CONFIRMED))
        .filter(reservation::Column::RoomId.is_null())
        .order_by_desc(reservation::Column::Departure)
        .order_by_asc(reservation::Column::Id)
        .all(&txn)
        .await?;
    let Some(last) = arrivals.iter().map(|r| r.departure).max() else {
        return Ok(AutoAssignResult {
            assigned: Vec::new(),
            unassigned: Vec::new(),
        });
    };
    let guest_ids: Vec<i32> = arrivals.iter().map(|r| r.guest_id).collect();
    let prefs: HashMap<i32, Preferences> = guest::Entity::find()
        .filter(guest::Column::Id.is_in(guest_ids))
        .all(&txn)
        .await?
        .into_iter()
        .map(|g| (g.id, Preferences::parse(&g.preferences)))
        .collect();
    // Locked, so a block of a room on another terminal waits for this run.
    let rooms = room::Entity::find()
        .filter(room::Column::PropertyId.eq(actor.property_id))
        .filter(room::Column::Active.eq(true))
        .lock_exclusive()
        .all(&txn)
        .await?;
    // Every held room-night and out-of-order block in the window, loaded once.
    let mut held: HashSet<(i32, NaiveDate)> = HashSet::new();
    for n in reservation_night::Entity::find()
        .filter(reservation_night::Column::PropertyId.eq(actor.property_id))
        .filter(reservation_night::Column::RoomId.is_not_null())
        .filter(reservation_night::Column::Night.gte(day))
        .filter(reservation_night::Column::Night.lt(last))
        .all(&txn)
        .await?
    {
        if let Some(room_id) = n.room_id {
            held.insert((room_id, n.night));
        }
    }
    let blocks = room_block::Entity::find()
        .filter(room_block::Column::PropertyId.eq(actor.property_id))
        .filter(room_block::Column::DateFrom.lt(last))
        .filter(room_block::Column::DateTo.gt(day))
        .all(&txn)
        .await?;
    let mut floor_load: HashMap<i32, i64> = HashMap::new();
    for r in &rooms {
        if held.contains(&(r.id, day)) {
            *floor_load.entry(r.floor).or_default() += 1;
        }
    }
    let mut result = AutoAssignResult {
        assigned: Vec::new(),
        unassigned: Vec::new(),
    };
    for r in arrivals {
        let nights: Vec<NaiveDate> = r
            .arrival
            .iter_days()
            .take_while(|d| *d < r.departure)
            .collect();
        let blocked = |c: &room::Model, kind: &str| {
            blocks.iter().any(|b| {
                b.room_id == c.id
                    && b.kind == kind
                    && b.date_from < r.departure
                    && b.date_to > r.arrival
            })
        };
        let free = |c: &&room::Model| {
            c.room_type_id == r.room_type_id
                && nights.iter().all(|n| !held.contains(&(c.id, *n)))
                && !blocked(c, OUT_OF_ORDER)
        };
        let wanted = prefs.get(&r.guest_id).cloned().unwrap_or_default();
        let best = rooms.iter().filter(free).min_by_key(|c| {
            (
                blocked(c, OUT_OF_SERVICE),
                score(c, &wanted, strategy, &floor_load),
            )
        });
        match best {
            Some(room) => {
                put(&txn, &r, Some(room)).await?;
                for n in &nights {
                    held.insert((room.id, *n));
                }
                *floor_load.entry(room.floor).or_default() += 1;
                result
                    .assigned
                    .push(format!("{} → {}", r.booking_no, room.number));
            }
            None => result.unassigned.push(r.booking_no.clone()),
        }
    }
    let summary = format!(
        "{day}: {} assigned, {} left ({strategy:?})",
        result.assigned.len(),
        result.unassigned.len()
    );
    audit::record(
        &txn,
        now,
        actor,
        "reservation.auto_assigned",
        "reservation",
        day,
        summary,
    )
    .await?;
    txn.commit().await?;
    Ok(result)
}
