//! Moving a guest in the house to another room for the rest of the stay.
//!
//! The move takes the nights from the business date on; nights already slept stay in the old
//! room with their price. The rate is kept even when the new room is of another type: a move is
//! usually the hotel's doing (a broken air conditioner, a noisy neighbour) or an upgrade granted
//! at the desk, and it should not change the bill. A paid upgrade is a rate change, not a move.
//! The remaining nights do count against the new room's type, so that type must have a room left.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde::Deserialize;

use super::in_house;
use crate::audit;
use crate::auth::Actor;
use crate::entity::{reservation, reservation_night, room, stay};
use crate::error::{Error, Result};
use crate::housekeeping::{self, HousekeepingStatus};
use crate::permission::Permission;
use crate::reservations::{self, ReservationError, ReservationView};
use crate::stays::StayError;
use crate::validate::{self, Invalid, Rule};

/// A room move as the desk asks for it.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MoveInput {
    pub reservation_id: i32,
    pub room_id: i32,
    /// Why the guest moves (kept in the audit trail).
    pub reason: String,
    /// Move into a room housekeeping has not cleaned yet (the operator confirmed it).
    pub allow_dirty: bool,
}

/// Loads and checks the room the guest moves into for the nights `from..to`: an active room of
/// the hotel, not the current one, not out of order, no other guest in it, clean or inspected
/// unless `allow_dirty`. Another reservation holding it on one of those nights is refused later
/// by the database's (room, night) guard.
async fn target_room(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    current: &stay::Model,
    input: &MoveInput,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<room::Model> {
    let t = room::Entity::find_by_id(input.room_id)
        .lock_exclusive()
        .one(conn)
        .await?
        .filter(|t| t.property_id == actor.property_id && t.active)
        .ok_or(Invalid::new("roomId", Rule::Required))?;
    if t.id == current.room_id {
        return Err(StayError::SameRoom { room: t.number }.into());
    }
    if reservations::out_of_order(conn, t.id, from, to).await? {
        return Err(ReservationError::RoomOutOfOrder { room: t.number }.into());
    }
    let other = stay::Entity::find()
        .filter(stay::Column::RoomId.eq(t.id))
        .filter(stay::Column::CheckedOutAt.is_null())
        .one(conn)
        .await?;
    if let Some(s) = other {
        let booking = reservation::Entity::find_by_id(s.reservation_id)
            .one(conn)
            .await?
            .map(|r| r.booking_no)
            .unwrap_or_default();
        return Err(StayError::RoomOccupied {
            room: t.number,
            booking,
        }
        .into());
    }
    if HousekeepingStatus::parse(&t.housekeeping) == HousekeepingStatus::Dirty && !input.allow_dirty
    {
        return Err(StayError::RoomDirty { room: t.number }.into());
    }
    Ok(t)
}

/// Moves the guest of a checked-in reservation to another room from the business date on
/// (permission `frontdesk.operate`): the remaining nights, the reservation's room and the stay
/// move; the old room becomes Dirty; prices do not change. One audit entry, one transaction.
///
/// Errors: the reservation not in the house, the same room, a room out of order, occupied,
/// held by another reservation on a remaining night, dirty without confirmation, or of a type
/// with no room left on a remaining night; a reason is required.
pub async fn move_room(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    input: MoveInput,
) -> Result<ReservationView> {
    actor.require(Permission::FrontdeskOperate)?;
    let reason = validate::text("reason", &input.reason, 200)?;
    let txn = crate::db::begin_write(db).await?;
    let h = in_house(&txn, actor, input.reservation_id).await?;
    let r = &h.reservation;
    let from = h.business_date.max(r.arrival);
    // A guest leaving today still changes rooms for the rest of the day.
    let to = r.departure.max(from.succ_opt().unwrap_or(from));
    let t = target_room(&txn, actor, &h.stay, &input, from, to).await?;
    let old_room = room::Entity::find_by_id(h.stay.room_id)
        .one(&txn)
        .await?
        .ok_or(Error::NotFound { entity: "room" })?;
    let remaining = reservation_night::Entity::find()
        .filter(reservation_night::Column::ReservationId.eq(r.id))
        .filter(reservation_night::Column::Night.gte(h.business_date))
        .order_by_asc(reservation_night::Column::Night)
        .all(&txn)
        .await?;
    for n in &remaining {
        if n.room_type_id != t.room_type_id {
            reservations::check_night(&txn, actor, false, t.room_type_id, n.night).await?;
        }
    }
    for n in remaining {
        let night = n.night;
        let mut m: reservation_night::ActiveModel = n.into();
        m.room_id = Set(Some(t.id));
        m.room_type_id = Set(t.room_type_id);
        m.update(&txn)
            .await
            .map_err(|e| reservations::taken(e, &t.number, night))?;
    }
    let mut m: reservation::ActiveModel = r.clone().into();
    m.room_id = Set(Some(t.id));
    m.updated_at = Set(now);
    let saved = m.update(&txn).await?;
    let mut s: stay::ActiveModel = h.stay.clone().into();
    s.room_id = Set(t.id);
    s.update(&txn).await?;
    housekeeping::set_dirty_on_move(&txn, now, actor, old_room.id).await?;
    audit::record(
        &txn,
        now,
        actor,
        "stay.room_moved",
        "reservation",
        r.id,
        format!(
            "{}: room {} → {} from {}; {reason}",
            r.booking_no, old_room.number, t.number, h.business_date
        ),
    )
    .await?;
    let v = reservations::view(&txn, saved, h.digits).await?;
    txn.commit().await?;
    Ok(v)
}
