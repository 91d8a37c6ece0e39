//! Putting a reservation in a physical room: assign, move (an upgrade when the room is of
//! another type) or unassign. Every assignment goes through the database's unique (room, night)
//! guard; auto-assignment of a day's arrivals is in auto_assign.rs.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use super::{ReservationError, ReservationView, book::taken, state, view};
use crate::auth::Actor;
use crate::availability::OUT_OF_ORDER;
use crate::entity::{reservation, reservation_night, room, room_block};
use crate::error::{Error, Result};
use crate::permission::Permission;
use crate::validate::{Invalid, Rule};
use crate::{audit, property};

pub(crate) async fn out_of_order(
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

pub(super) async fn put(
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

/// Puts `r` in room `room_id` (or none) inside the caller's transaction, after the checks of
/// [`assign_room`]: the room locked, of the reservation's type unless an upgrade is allowed, and
/// not out of order during the stay. Answers the room.
pub(crate) async fn place(
    txn: &impl ConnectionTrait,
    actor: &Actor,
    r: &reservation::Model,
    room_id: Option<i32>,
    allow_upgrade: bool,
) -> Result<Option<room::Model>> {
    let target = match room_id {
        Some(rid) => {
            // Locked, so a block of the room on another terminal waits for this assignment.
            let t = room::Entity::find_by_id(rid)
                .lock_exclusive()
                .one(txn)
                .await?
                .filter(|t| t.property_id == actor.property_id && t.active)
                .ok_or(Invalid::new("roomId", Rule::Format))?;
            if t.room_type_id != r.room_type_id && !allow_upgrade {
                return Err(ReservationError::OtherRoomType { room: t.number }.into());
            }
            if out_of_order(txn, t.id, r.arrival, r.departure).await? {
                return Err(ReservationError::RoomOutOfOrder { room: t.number }.into());
            }
            Some(t)
        }
        None => None,
    };
    put(txn, r, target.as_ref()).await?;
    Ok(target)
}

/// Assigns (or with `None` unassigns) a room for the whole stay of a confirmed reservation
/// (permission `reservations.manage`); a guest in the house changes rooms with
/// `stays::move_room`, which moves the stay and leaves the old room dirty. A room of another
/// type is an upgrade and must be allowed explicitly; an out-of-order room is refused.
pub async fn assign_room(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    id: i32,
    room_id: Option<i32>,
    allow_upgrade: bool,
) -> Result<ReservationView> {
    actor.require(Permission::ReservationsManage)?;
    let txn = crate::db::begin_write(db).await?;
    let r = super::load(&txn, actor, id, &[state::CONFIRMED]).await?;
    let target = place(&txn, actor, &r, room_id, allow_upgrade).await?;
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
