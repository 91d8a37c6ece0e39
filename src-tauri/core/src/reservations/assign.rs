//! Putting a reservation in a physical room: assign, move (an upgrade when the room is of
//! another type) or unassign, and auto-assign a day's arrivals. Every assignment goes through
//! the database's unique (room, night) guard.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use serde::Serialize;

use super::{ReservationError, ReservationView, book::taken, state, view};
use crate::auth::Actor;
use crate::availability::OUT_OF_ORDER;
use crate::entity::{reservation, reservation_night, room, room_block};
use crate::error::{Error, Result};
use crate::permission::Permission;
use crate::validate::{Invalid, Rule};
use crate::{audit, property};

/// What auto-assignment did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AutoAssignResult {
    pub assigned: Vec<String>,
    /// Booking numbers left without a room (no free room of the type for the whole stay).
    pub unassigned: Vec<String>,
}

async fn out_of_order(
    conn: &impl ConnectionTrait,
    room_id: i32,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<bool> {
    Ok(room_block::Entity::find()
        .filter(room_block::Column::RoomId.eq(room_id))
        .filter(room_block::Column::Kind.eq(OUT_OF_ORDER))
        .filter(room_block::Column::DateFrom.lt(to))
        .filter(room_block::Column::DateTo.gt(from))
        .one(conn)
        .await?
        .is_some())
}

async fn put(
    conn: &impl ConnectionTrait,
    r: &reservation::Model,
    target: Option<&room::Model>,
) -> Result<()> {
    let nights = reservation_night::Entity::find()
        .filter(reservation_night::Column::ReservationId.eq(r.id))
        .order_by_asc(reservation_night::Column::Night)
        .all(conn)
        .await?;
    for n in nights {
        let night = n.night;
        let mut m: reservation_night::ActiveModel = n.into();
        m.room_id = Set(target.map(|t| t.id));
        // An upgrade consumes the inventory of the room's own type.
        m.room_type_id = Set(target.map_or(r.room_type_id, |t| t.room_type_id));
        m.update(conn).await.map_err(|e| {
            taken(
                e,
                target.map(|t| t.number.as_str()).unwrap_or_default(),
                night,
            )
        })?;
    }
    let mut m: reservation::ActiveModel = r.clone().into();
    m.room_id = Set(target.map(|t| t.id));
    m.update(conn).await?;
    Ok(())
}

/// Assigns (or with `None` unassigns) a room for the whole stay of a confirmed or in-house
/// reservation (permission `reservations.manage`). A room of another type is an upgrade and
/// must be allowed explicitly; an out-of-order room is refused.
pub async fn assign_room(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    id: i32,
    room_id: Option<i32>,
    allow_upgrade: bool,
) -> Result<ReservationView> {
    actor.require(Permission::ReservationsManage)?;
    let txn = db.begin().await?;
    let r = reservation::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .filter(|r| r.property_id == actor.property_id)
        .ok_or(Error::NotFound {
            entity: "reservation",
        })?;
    if r.state != state::CONFIRMED && r.state != state::CHECKED_IN {
        return Err(ReservationError::WrongState { state: r.state }.into());
    }
    let target = match room_id {
        Some(rid) => {
            let t = room::Entity::find_by_id(rid)
                .one(&txn)
                .await?
                .filter(|t| t.property_id == actor.property_id && t.active)
                .ok_or(Invalid::new("roomId", Rule::Format))?;
            if t.room_type_id != r.room_type_id && !allow_upgrade {
                return Err(ReservationError::OtherRoomType { room: t.number }.into());
            }
            if out_of_order(&txn, t.id, r.arrival, r.departure).await? {
                return Err(ReservationError::RoomOutOfOrder { room: t.number }.into());
            }
            Some(t)
        }
        None => None,
    };
    put(&txn, &r, target.as_ref()).await?;
    let summary = match &target {
        Some(t) if t.room_type_id != r.room_type_id => {
            format!("{} upgraded to room {}", r.booking_no, t.number)
        }
        Some(t) => format!("{} in room {}", r.booking_no, t.number),
        None => format!("{} unassigned", r.booking_no),
    };
    audit::record(
        &txn,
        now,
        actor,
        "reservation.room_assigned",
        "reservation",
        r.id,
        summary,
    )
    .await?;
    let digits = property::digits_of(&txn, r.property_id).await?;
    let fresh = reservation::Entity::find_by_id(r.id)
        .one(&txn)
        .await?
        .ok_or(Error::NotFound {
            entity: "reservation",
        })?;
    let v = view(&txn, fresh, digits).await?;
    txn.commit().await?;
    Ok(v)
}

/// Gives every unassigned confirmed arrival of `day` a room of its type that is free for the
/// whole stay and not out of order, lowest floor and number first (permission
/// `reservations.manage`). Arrivals that cannot be housed are listed, not half-assigned.
pub async fn auto_assign(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    day: NaiveDate,
) -> Result<AutoAssignResult> {
    actor.require(Permission::ReservationsManage)?;
    let txn = db.begin().await?;
    let arrivals = reservation::Entity::find()
        .filter(reservation::Column::PropertyId.eq(actor.property_id))
        .filter(reservation::Column::Arrival.eq(day))
        .filter(reservation::Column::State.eq(state::CONFIRMED))
        .filter(reservation::Column::RoomId.is_null())
        .order_by_desc(reservation::Column::Departure)
        .all(&txn)
        .await?;
    let rooms = room::Entity::find()
        .filter(room::Column::PropertyId.eq(actor.property_id))
        .filter(room::Column::Active.eq(true))
        .order_by_asc(room::Column::Floor)
        .order_by_asc(room::Column::Number)
        .all(&txn)
        .await?;
    let mut result = AutoAssignResult {
        assigned: Vec::new(),
        unassigned: Vec::new(),
    };
    for r in arrivals {
        let mut placed = false;
        for candidate in rooms.iter().filter(|c| c.room_type_id == r.room_type_id) {
            let busy = reservation_night::Entity::find()
                .filter(reservation_night::Column::RoomId.eq(candidate.id))
                .filter(reservation_night::Column::Night.gte(r.arrival))
                .filter(reservation_night::Column::Night.lt(r.departure))
                .one(&txn)
                .await?
                .is_some();
            if busy || out_of_order(&txn, candidate.id, r.arrival, r.departure).await? {
                continue;
            }
            put(&txn, &r, Some(candidate)).await?;
            result
                .assigned
                .push(format!("{} → {}", r.booking_no, candidate.number));
            placed = true;
            break;
        }
        if !placed {
            result.unassigned.push(r.booking_no.clone());
        }
    }
    let summary = format!(
        "{day}: {} assigned, {} left",
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
