//! Check-in, from a confirmed arrival of the business date or as a walk-in booked in the same
//! transaction: the guests registered with their ID documents, a ready room (a dirty one only
//! when the desk confirms), the key card, the deposit (押金) on the main folio, and the
//! reservation in the house. The room shows Occupied from its open stay.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sea_orm::{
    ActiveModelTrait, DatabaseConnection, DatabaseTransaction, EntityTrait, QuerySelect, Set,
};
use serde::{Deserialize, Serialize};

use super::registration::{StayGuestInput, register};
use super::{StayError, lists};
use crate::auth::Actor;
use crate::db::begin_write;
use crate::entity::{reservation, stay};
use crate::error::Result;
use crate::folios::{self, PaymentInput, refuse_card_number};
use crate::guests;
use crate::housekeeping::HousekeepingStatus;
use crate::permission::Permission;
use crate::reservations::{self, BookingInput, ReservationView, RoomRequest, state};
use crate::validate;
use crate::{audit, property};

/// Checking in a confirmed arrival.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CheckInInput {
    pub reservation_id: i32,
    /// The room; the assigned one unless the desk picked another.
    pub room_id: Option<i32>,
    /// The desk confirmed checking in to a room housekeeping has not cleaned.
    pub allow_dirty: bool,
    /// The desk confirmed a room of another type (an upgrade).
    pub allow_upgrade: bool,
    pub key_card: String,
    /// Every guest of the room; the first is the primary guest.
    pub guests: Vec<StayGuestInput>,
    /// The deposit (押金) taken now, if any.
    pub deposit: Option<PaymentInput>,
}

/// A guest without a booking, booked and checked in at once for tonight.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct WalkInInput {
    pub room_id: i32,
    pub rate_plan_id: i32,
    pub departure: NaiveDate,
    pub adults: u32,
    pub children: u32,
    pub allow_dirty: bool,
    pub key_card: String,
    pub guests: Vec<StayGuestInput>,
    pub deposit: Option<PaymentInput>,
}

/// What the desk sees after a check-in.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CheckedIn {
    pub reservation: ReservationView,
    pub stay_id: i32,
    pub folio_id: i32,
    pub guests: Vec<String>,
}

/// Checks in a confirmed arrival of the business date (permission `frontdesk.operate`).
///
/// Errors: [`StayError::NotArrivalDay`], [`StayError::NoRoom`], [`StayError::RoomDirty`]
/// without the confirmation, [`StayError::RoomOccupied`], an out-of-order or other-type room
/// as for an assignment, [`StayError::NoGuests`], [`StayError::IdDocumentMissing`], an invalid
/// ID number or deposit; nothing is saved then.
pub async fn check_in(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    input: CheckInInput,
) -> Result<CheckedIn> {
    actor.require(Permission::FrontdeskOperate)?;
    let txn = begin_write(db).await?;
    let done = check_in_on(&txn, now, actor, input, None).await?;
    txn.commit().await?;
    Ok(done)
}

/// Books a walk-in for tonight and checks them in, in one transaction (permissions
/// `frontdesk.operate` and `reservations.manage`).
pub async fn walk_in(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    input: WalkInInput,
) -> Result<CheckedIn> {
    actor.require(Permission::FrontdeskOperate)?;
    let txn = begin_write(db).await?;
    let today = property::get(&txn, actor.property_id).await?.business_date;
    let mut guests = input.guests;
    let Some(first) = guests.first_mut() else {
        return Err(StayError::NoGuests.into());
    };
    let fresh = match first.guest_id {
        Some(_) => None,
        None => {
            let g = guests::create(&txn, now, actor, &first.guest).await?;
            first.guest_id = Some(g.id);
            Some(g.id)
        }
    };
    let room = crate::entity::room::Entity::find_by_id(input.room_id)
        .one(&txn)
        .await?
        .filter(|r| r.property_id == actor.property_id && r.active)
        .ok_or(StayError::NoRoom)?;
    let booked = reservations::create_on(
        &txn,
        now,
        actor,
        BookingInput {
            guest_id: first.guest_id,
            new_guest: None,
            arrival: today,
            departure: input.departure,
            rooms: vec![RoomRequest {
                room_type_id: room.room_type_id,
                rate_plan_id: input.rate_plan_id,
                adults: input.adults,
                children: input.children,
                room_id: Some(room.id),
            }],
            source: "walk_in".into(),
            source_detail: String::new(),
            special_requests: String::new(),
            notes: String::new(),
            promotion_code: None,
            tentative: false,
            confirm_overbooking: false,
            guarantee: "none".into(),
            deposit_due: "0".into(),
        },
    )
    .await?;
    let reservation_id = booked.first().map(|v| v.id).ok_or(StayError::NoRoom)?;
    let done = check_in_on(
        &txn,
        now,
        actor,
        CheckInInput {
            reservation_id,
            room_id: Some(room.id),
            allow_dirty: input.allow_dirty,
            allow_upgrade: false,
            key_card: input.key_card,
            guests,
            deposit: input.deposit,
        },
        fresh,
    )
    .await?;
    txn.commit().await?;
    Ok(done)
}

async fn check_in_on(
    txn: &DatabaseTransaction,
    now: DateTime<Utc>,
    actor: &Actor,
    input: CheckInInput,
    fresh: Option<i32>,
) -> Result<CheckedIn> {
    // Locked first, so a second terminal checking in the same guest waits and then finds them
    // in the house.
    reservation::Entity::find_by_id(input.reservation_id)
        .lock_exclusive()
        .one(txn)
        .await?;
    let r = reservations::load(txn, actor, input.reservation_id, &[state::CONFIRMED]).await?;
    let p = property::get(txn, actor.property_id).await?;
    if r.arrival != p.business_date {
        return Err(StayError::NotArrivalDay {
            arrival: r.arrival,
            today: p.business_date,
        }
        .into());
    }
    let key_card = validate::optional_text("keyCard", &input.key_card, 40)?;
    refuse_card_number("keyCard", &key_card)?;
    let wanted = input.room_id.or(r.room_id).ok_or(StayError::NoRoom)?;
    let room = reservations::place(txn, actor, &r, Some(wanted), input.allow_upgrade)
        .await?
        .ok_or(StayError::NoRoom)?;
    if let Some(booking) = lists::occupant(txn, room.id).await? {
        return Err(StayError::RoomOccupied {
            room: room.number,
            booking,
        }
        .into());
    }
    if HousekeepingStatus::parse(&room.housekeeping) == HousekeepingStatus::Dirty
        && !input.allow_dirty
    {
        return Err(StayError::RoomDirty { room: room.number }.into());
    }
    let s = stay::ActiveModel {
        property_id: Set(actor.property_id),
        reservation_id: Set(r.id),
        room_id: Set(room.id),
        key_card: Set(key_card),
        checked_in_on: Set(p.business_date),
        checked_in_at: Set(now),
        checked_in_by: Set(actor.user_id),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let names = register(txn, now, actor, s.id, &input.guests, fresh).await?;
    let mut m: reservation::ActiveModel = r.clone().into();
    m.state = Set(state::CHECKED_IN.into());
    m.update(txn).await?;
    let folio = folios::ensure_folio(txn, now, actor, r.id).await?;
    if let Some(deposit) = input.deposit.filter(|d| takes_money(&d.amount)) {
        folios::collect_deposit(txn, now, actor, folio.id, deposit).await?;
    }
    audit::record(
        txn,
        now,
        actor,
        "stay.checked_in",
        "reservation",
        r.id,
        format!(
            "{} checked in to room {}: {}",
            r.booking_no,
            room.number,
            names.join(", ")
        ),
    )
    .await?;
    let fresh_r = reservations::load(txn, actor, r.id, &[]).await?;
    Ok(CheckedIn {
        reservation: reservations::view(txn, fresh_r, property::digits(&p)).await?,
        stay_id: s.id,
        folio_id: folio.id,
        guests: names,
    })
}

/// A deposit field left empty or at zero means no deposit; anything else is checked as money.
fn takes_money(amount: &str) -> bool {
    let t = amount.trim();
    !(t.is_empty() || t.parse::<Decimal>().is_ok_and(|d| d.is_zero()))
}
