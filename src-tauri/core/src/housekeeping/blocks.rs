//! Out-of-order and out-of-service blocks of a room for a range of nights. Neither may be set on a
//! room that is occupied or assigned to a reservation during those nights; a room carries at most
//! one block per night. The room and its type are locked first, so a block and a sale or an
//! assignment of the same room on another terminal happen one after the other.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, ModelTrait,
    QueryFilter, QuerySelect, Set, TransactionTrait,
};
use serde::Deserialize;

use super::board::occupied;
use super::{BlockKind, BlockView, HousekeepingError};
use crate::auth::Actor;
use crate::entity::{reservation, room, room_block, room_type};
use crate::error::{Error, Result};
use crate::permission::Permission;
use crate::reservations::state;
use crate::validate::{self, Invalid, Rule};
use crate::{audit, property};

/// The longest block, in nights.
const MAX_NIGHTS: i64 = 366;

/// A new block: the nights `from..to` (to exclusive, the first night the room is back).
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BlockInput {
    pub room_id: i32,
    pub kind: BlockKind,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub reason: String,
}

/// Locks and loads an active room of the actor's hotel, and its type (FOR UPDATE on PostgreSQL;
/// SQLite has a single writer already).
async fn locked_room(conn: &impl ConnectionTrait, actor: &Actor, id: i32) -> Result<room::Model> {
    let r = room::Entity::find_by_id(id)
        .lock_exclusive()
        .one(conn)
        .await?
        .filter(|r| r.property_id == actor.property_id && r.active)
        .ok_or(Error::NotFound { entity: "room" })?;
    room_type::Entity::find_by_id(r.room_type_id)
        .lock_exclusive()
        .one(conn)
        .await?;
    Ok(r)
}

/// Booking numbers that hold the room during `from..to`: reservations assigned to it (tentative,
/// confirmed or in house) and, when the block starts by the business date, the guest in it now
/// (also one who should have left already).
async fn holders(
    conn: &impl ConnectionTrait,
    room: &room::Model,
    today: NaiveDate,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<String>> {
    let mut ids: Vec<i32> = reservation::Entity::find()
        .filter(reservation::Column::RoomId.eq(room.id))
        .filter(reservation::Column::State.is_in([
            state::TENTATIVE,
            state::CONFIRMED,
            state::CHECKED_IN,
        ]))
        .filter(reservation::Column::Arrival.lt(to))
        .filter(reservation::Column::Departure.gt(from))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    if from <= today
        && let Some(id) = occupied(conn, room.property_id).await?.get(&room.id)
    {
        ids.push(*id);
    }
    let mut numbers: Vec<String> = reservation::Entity::find()
        .filter(reservation::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| r.booking_no)
        .collect();
    numbers.sort();
    numbers.dedup();
    Ok(numbers)
}

/// Blocks a room out of order or out of service (permission `housekeeping.update`). Refused with
/// the booking numbers when the room is occupied or assigned during those nights, when it is
/// already blocked on one of them, or when the block would start before the business date.
pub async fn block_room(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    input: BlockInput,
) -> Result<BlockView> {
    actor.require(Permission::HousekeepingUpdate)?;
    let reason = validate::text("reason", &input.reason, 200)?;
    let nights = (input.to - input.from).num_days();
    if !(1..=MAX_NIGHTS).contains(&nights) {
        return Err(Invalid::new(
            "to",
            Rule::Range {
                min: 1,
                max: MAX_NIGHTS,
            },
        )
        .into());
    }
    let txn = db.begin().await?;
    let r = locked_room(&txn, actor, input.room_id).await?;
    let today = property::get(&txn, actor.property_id).await?.business_date;
    if input.from < today {
        return Err(HousekeepingError::BlockInPast {
            business_date: today,
        }
        .into());
    }
    if let Some(b) = room_block::Entity::find()
        .filter(room_block::Column::RoomId.eq(r.id))
        .filter(room_block::Column::DateFrom.lt(input.to))
        .filter(room_block::Column::DateTo.gt(input.from))
        .one(&txn)
        .await?
    {
        return Err(HousekeepingError::AlreadyBlocked {
            room: r.number,
            from: b.date_from,
            to: b.date_to,
        }
        .into());
    }
    let bookings = holders(&txn, &r, today, input.from, input.to).await?;
    if !bookings.is_empty() {
        return Err(HousekeepingError::RoomInUse {
            room: r.number,
            bookings,
        }
        .into());
    }
    let saved = room_block::ActiveModel {
        property_id: Set(actor.property_id),
        room_id: Set(r.id),
        date_from: Set(input.from),
        date_to: Set(input.to),
        kind: Set(input.kind.as_str().to_string()),
        reason: Set(reason),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        now,
        actor,
        "room.blocked",
        "room",
        r.id,
        format!(
            "{} {} {}–{}: {}",
            r.number, saved.kind, saved.date_from, saved.date_to, saved.reason
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(saved.into())
}

/// Ends a block (permission `housekeeping.update`): a block that has not started yet is removed;
/// one that has ends on the business date, so the nights already past stay on record and the room
/// is back from tonight. A block that is already over is refused.
pub async fn unblock_room(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    block_id: i32,
) -> Result<()> {
    actor.require(Permission::HousekeepingUpdate)?;
    let txn = db.begin().await?;
    let b = room_block::Entity::find_by_id(block_id)
        .one(&txn)
        .await?
        .filter(|b| b.property_id == actor.property_id)
        .ok_or(Error::NotFound {
            entity: "room_block",
        })?;
    let r = locked_room(&txn, actor, b.room_id).await?;
    let today = property::get(&txn, actor.property_id).await?.business_date;
    if b.date_to <= today {
        return Err(HousekeepingError::BlockOver {
            business_date: today,
        }
        .into());
    }
    let summary = format!(
        "{} {} {}–{} ended on {today}",
        r.number, b.kind, b.date_from, b.date_to
    );
    if b.date_from >= today {
        b.delete(&txn).await?;
    } else {
        let mut m: room_block::ActiveModel = b.into();
        m.date_to = Set(today);
        m.update(&txn).await?;
    }
    audit::record(&txn, now, actor, "room.unblocked", "room", r.id, summary).await?;
    txn.commit().await?;
    Ok(())
}
