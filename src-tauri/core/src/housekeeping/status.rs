//! A room's housekeeping status: how it combines with occupancy, the bulk update from the board,
//! and the "Dirty" a check-out leaves behind. Every change is one audit entry per room.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};

use super::board::{self, RoomStatusView};
use super::{HousekeepingStatus, RoomStatus};
use crate::auth::Actor;
use crate::entity::room;
use crate::error::{Error, Result};
use crate::permission::Permission;
use crate::validate::{Invalid, Rule};
use crate::{audit, property};

/// At most this many rooms in one bulk update.
const MAX_ROOMS: usize = 1000;

/// VC / VD / OC / OD / Inspected from the two axes. An occupied room counts as clean once
/// housekeeping has cleaned or inspected it; "Inspected" on the board means vacant and ready.
pub fn derive_status(occupied: bool, housekeeping: HousekeepingStatus) -> RoomStatus {
    match (occupied, housekeeping) {
        (true, HousekeepingStatus::Dirty) => RoomStatus::OccupiedDirty,
        (true, _) => RoomStatus::OccupiedClean,
        (false, HousekeepingStatus::Dirty) => RoomStatus::VacantDirty,
        (false, HousekeepingStatus::Clean) => RoomStatus::VacantClean,
        (false, HousekeepingStatus::Inspected) => RoomStatus::Inspected,
    }
}

async fn write(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    actor: &Actor,
    r: room::Model,
    to: HousekeepingStatus,
    why: &str,
) -> Result<()> {
    let from = HousekeepingStatus::parse(&r.housekeeping);
    if from == to && r.housekeeping == to.as_str() {
        return Ok(());
    }
    let (id, number) = (r.id, r.number.clone());
    let mut m: room::ActiveModel = r.into();
    m.housekeeping = Set(to.as_str().to_string());
    m.update(conn).await?;
    audit::record(
        conn,
        now,
        actor,
        "room.housekeeping_set",
        "room",
        id,
        format!("{number}: {} → {}{why}", from.as_str(), to.as_str()),
    )
    .await
}

/// Sets the housekeeping status of several rooms at once, all or nothing (permission
/// `housekeeping.update`). Rooms already in that status are left alone and not audited; a room
/// that is not an active room of the hotel refuses the whole update. Returns the rooms' board
/// rows as they are now.
pub async fn set_status(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    room_ids: &[i32],
    status: HousekeepingStatus,
) -> Result<Vec<RoomStatusView>> {
    actor.require(Permission::HousekeepingUpdate)?;
    let wanted: HashSet<i32> = room_ids.iter().copied().collect();
    if wanted.is_empty() {
        return Err(Invalid::new("roomIds", Rule::Required).into());
    }
    if wanted.len() > MAX_ROOMS {
        return Err(Invalid::new(
            "roomIds",
            Rule::Range {
                min: 1,
                max: MAX_ROOMS as i64,
            },
        )
        .into());
    }
    let txn = db.begin().await?;
    let rooms = room::Entity::find()
        .filter(room::Column::PropertyId.eq(actor.property_id))
        .filter(room::Column::Active.eq(true))
        .filter(room::Column::Id.is_in(wanted.iter().copied()))
        .order_by_asc(room::Column::Number)
        .all(&txn)
        .await?;
    if rooms.len() != wanted.len() {
        return Err(Error::NotFound { entity: "room" });
    }
    for r in rooms {
        write(&txn, now, actor, r, status, "").await?;
    }
    let today = property::get(&txn, actor.property_id).await?.business_date;
    let rows = board::rows(&txn, actor.property_id, today, Some(&wanted)).await?;
    txn.commit().await?;
    Ok(rows)
}

/// Marks the room Dirty as part of a check-out, inside the check-out's transaction. It checks no
/// permission of its own: the check-out that calls it has checked `frontdesk.operate`.
pub async fn set_dirty_on_check_out<C: ConnectionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    actor: &Actor,
    room_id: i32,
) -> Result<()> {
    set_dirty(conn, now, actor, room_id, " (check-out)").await
}

/// Marks the room a guest moved out of Dirty, inside the room move's transaction (which has
/// checked `frontdesk.operate`).
pub async fn set_dirty_on_move<C: ConnectionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    actor: &Actor,
    room_id: i32,
) -> Result<()> {
    set_dirty(conn, now, actor, room_id, " (room move)").await
}

async fn set_dirty<C: ConnectionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    actor: &Actor,
    room_id: i32,
    why: &str,
) -> Result<()> {
    let r = room::Entity::find_by_id(room_id)
        .one(conn)
        .await?
        .filter(|r| r.property_id == actor.property_id)
        .ok_or(Error::NotFound { entity: "room" })?;
    write(conn, now, actor, r, HousekeepingStatus::Dirty, why).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_axes_make_the_five_board_statuses() {
        use HousekeepingStatus::*;
        let all: Vec<RoomStatus> = [
            (false, Clean),
            (false, Dirty),
            (false, Inspected),
            (true, Clean),
            (true, Dirty),
            (true, Inspected),
        ]
        .into_iter()
        .map(|(o, h)| derive_status(o, h))
        .collect();
        assert_eq!(
            all,
            [
                RoomStatus::VacantClean,
                RoomStatus::VacantDirty,
                RoomStatus::Inspected,
                RoomStatus::OccupiedClean,
                RoomStatus::OccupiedDirty,
                RoomStatus::OccupiedClean,
            ]
        );
    }

    #[test]
    fn an_unknown_stored_status_reads_as_dirty() {
        assert_eq!(HousekeepingStatus::parse("??"), HousekeepingStatus::Dirty);
        assert_eq!(
            HousekeepingStatus::parse("inspected"),
            HousekeepingStatus::Inspected
        );
    }
}
