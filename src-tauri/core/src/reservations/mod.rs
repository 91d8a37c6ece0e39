//! Reservations: one stay in one room type (and, once assigned, one room), priced per night.
//! A booking of several rooms is several reservations sharing a booking number. Confirmed
//! reservations hold one `reservation_night` row per night — the unit of availability — and a
//! unique (room, night) index makes a double assignment impossible in the database itself.

mod assign;
mod auto_assign;
mod book;
mod cancel;
mod change;
mod confirm;
mod tape_chart;
mod walk;

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::{Deserialize, Serialize};

use crate::auth::Actor;
use crate::entity::{guest, reservation, room};
use crate::error::{ApiError, Result};
use crate::permission::Permission;
use crate::{money, property};

pub use assign::assign_room;
pub(crate) use assign::place;
pub use auto_assign::{
    AssignmentStrategy, AutoAssignResult, assignment_strategy, auto_assign,
    save_assignment_strategy,
};
pub use book::{BookingInput, RoomRequest, create, create_on, quote};
pub use cancel::{cancel, cancellation_fee};
pub use change::{ChangeQuote, StayChange, change, change_dates, quote_change};
pub use confirm::{BatchFailure, BatchResult, confirm, confirm_many};
pub use tape_chart::{TapeBar, TapeChart, TapeRoom, tape_chart};
pub use walk::{WalkInput, walk, walks_between};

// Building blocks a stay in the house reuses (stays::changes): the room guard, availability of
// a night, writing and re-reading priced nights.
pub(crate) use assign::out_of_order;
pub(crate) use book::{check_night, promotion_of, taken, write_nights};
pub(crate) use cancel::stored_quote;

/// Reservation states as stored.
pub mod state {
    pub const TENTATIVE: &str = "tentative";
    pub const CONFIRMED: &str = "confirmed";
    pub const CHECKED_IN: &str = "checked_in";
    pub const CHECKED_OUT: &str = "checked_out";
    pub const CANCELLED: &str = "cancelled";
    pub const NO_SHOW: &str = "no_show";
    /// Sent to a partner hotel because the hotel could not house the guest.
    pub const WALKED: &str = "walked";
}

/// Where a booking came from.
/// How a booking is guaranteed: not at all, by a bank card on file, a deposit, a company that
/// pays, or prepaid in full.
pub const GUARANTEES: [&str; 5] = ["none", "card", "deposit", "company", "prepaid"];

pub const SOURCES: [&str; 7] = [
    "walk_in",
    "phone",
    "email",
    "website",
    "ota",
    "travel_agent",
    "company",
];

/// Why a booking cannot be made or changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReservationError {
    #[error("no room of this type is left on {night}")]
    SoldOut { night: NaiveDate },
    #[error("selling beyond availability on {night} needs an explicit overbooking confirmation")]
    OverbookNotConfirmed { night: NaiveDate },
    #[error("the overbooking limit is reached on {night}")]
    OverbookLimit { night: NaiveDate },
    #[error("room {room} is taken on {night}")]
    RoomTaken { room: String, night: NaiveDate },
    #[error("the room type holds at most {max} guests")]
    TooManyGuests { max: i32 },
    #[error("a {state} reservation cannot be changed this way")]
    WrongState { state: String },
    #[error("room {room} is of another type: confirm the upgrade")]
    OtherRoomType { room: String },
    #[error("room {room} is out of order during the stay")]
    RoomOutOfOrder { room: String },
}

impl ReservationError {
    pub fn to_api(&self) -> ApiError {
        let day = |d: &NaiveDate| d.format("%Y-%m-%d").to_string();
        match self {
            Self::SoldOut { night } => {
                ApiError::new("reservation", "sold_out", &[("night", day(night))])
            }
            Self::OverbookNotConfirmed { night } => ApiError::new(
                "reservation",
                "overbook_not_confirmed",
                &[("night", day(night))],
            ),
            Self::OverbookLimit { night } => {
                ApiError::new("reservation", "overbook_limit", &[("night", day(night))])
            }
            Self::RoomTaken { room, night } => ApiError::new(
                "reservation",
                "room_taken",
                &[("room", room.clone()), ("night", day(night))],
            ),
            Self::TooManyGuests { max } => ApiError::new(
                "reservation",
                "too_many_guests",
                &[("max", max.to_string())],
            ),
            Self::WrongState { state } => {
                ApiError::new("reservation", "wrong_state", &[("state", state.clone())])
            }
            Self::OtherRoomType { room } => {
                ApiError::new("reservation", "other_room_type", &[("room", room.clone())])
            }
            Self::RoomOutOfOrder { room } => ApiError::new(
                "reservation",
                "room_out_of_order",
                &[("room", room.clone())],
            ),
        }
    }
}

/// A reservation as lists show it.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReservationView {
    pub id: i32,
    pub booking_no: String,
    pub guest_id: i32,
    pub guest_name: String,
    pub room_type_id: i32,
    pub rate_plan_id: i32,
    pub room_id: Option<i32>,
    pub room_number: Option<String>,
    pub arrival: NaiveDate,
    pub departure: NaiveDate,
    pub adults: i32,
    pub children: i32,
    pub state: String,
    pub source: String,
    pub source_detail: String,
    pub special_requests: String,
    pub notes: String,
    #[specta(type = String)]
    pub total: Decimal,
    #[specta(type = Option<String>)]
    pub cancel_fee: Option<Decimal>,
    pub overbooked: bool,
    pub guarantee: String,
    /// The deposit asked before arrival (a booking's amount sits on its first reservation).
    #[specta(type = String)]
    pub deposit_due: Decimal,
}

/// Filters of the reservation list; dates select stays overlapping `from..to`, including stays that
/// depart on `from` (a front desk still sees today's departures).
#[derive(Debug, Clone, Default, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReservationFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub state: Option<String>,
    pub source: Option<String>,
    pub room_type_id: Option<i32>,
    pub guest: Option<String>,
}

/// A reservation of the actor's property, refused unless its state is one of `states` (any when
/// empty) — the one way use cases load the reservation they act on.
pub(crate) async fn load(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: i32,
    states: &[&str],
) -> Result<reservation::Model> {
    let r = reservation::Entity::find_by_id(id)
        .one(conn)
        .await?
        .filter(|r| r.property_id == actor.property_id)
        .ok_or(crate::error::Error::NotFound {
            entity: "reservation",
        })?;
    if !states.is_empty() && !states.contains(&r.state.as_str()) {
        return Err(ReservationError::WrongState { state: r.state }.into());
    }
    Ok(r)
}

pub(crate) async fn view(
    conn: &impl ConnectionTrait,
    r: reservation::Model,
    digits: u32,
) -> Result<ReservationView> {
    let guest = guest::Entity::find_by_id(r.guest_id).one(conn).await?;
    let room_number = match r.room_id {
        Some(id) => room::Entity::find_by_id(id)
            .one(conn)
            .await?
            .map(|m| m.number),
        None => None,
    };
    Ok(view_of(
        r,
        guest.map(|g| g.name).unwrap_or_default(),
        room_number,
        digits,
    ))
}

pub(crate) fn view_of(
    r: reservation::Model,
    guest_name: String,
    room_number: Option<String>,
    digits: u32,
) -> ReservationView {
    ReservationView {
        id: r.id,
        booking_no: r.booking_no,
        guest_id: r.guest_id,
        guest_name,
        room_type_id: r.room_type_id,
        rate_plan_id: r.rate_plan_id,
        room_id: r.room_id,
        room_number,
        arrival: r.arrival,
        departure: r.departure,
        adults: r.adults,
        children: r.children,
        state: r.state,
        source: r.source,
        source_detail: r.source_detail,
        special_requests: r.special_requests,
        notes: r.notes,
        total: money::from_minor(r.total_minor, digits),
        cancel_fee: r.cancel_fee_minor.map(|f| money::from_minor(f, digits)),
        overbooked: r.overbooked,
        guarantee: r.guarantee,
        deposit_due: money::from_minor(r.deposit_due_minor, digits),
    }
}

/// Lists reservations (permission `reservations.manage`), by arrival.
pub async fn list(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    filter: &ReservationFilter,
) -> Result<Vec<ReservationView>> {
    actor.require(Permission::ReservationsManage)?;
    let digits = property::digits_of(conn, actor.property_id).await?;
    let mut q =
        reservation::Entity::find().filter(reservation::Column::PropertyId.eq(actor.property_id));
    if let Some(to) = filter.to {
        q = q.filter(reservation::Column::Arrival.lt(to));
    }
    if let Some(from) = filter.from {
        q = q.filter(reservation::Column::Departure.gte(from));
    }
    if let Some(s) = filter.state.as_deref().filter(|s| !s.is_empty()) {
        q = q.filter(reservation::Column::State.eq(s));
    }
    if let Some(s) = filter.source.as_deref().filter(|s| !s.is_empty()) {
        q = q.filter(reservation::Column::Source.eq(s));
    }
    if let Some(t) = filter.room_type_id {
        q = q.filter(reservation::Column::RoomTypeId.eq(t));
    }
    if let Some(text) = filter
        .guest
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        let lower = text.to_lowercase();
        let ids: Vec<i32> = guest::Entity::find()
            .select_only()
            .column(guest::Column::Id)
            .filter(guest::Column::PropertyId.eq(actor.property_id))
            .filter(
                Condition::any()
                    .add(guest::Column::Name.starts_with(text))
                    .add(guest::Column::NamePinyin.starts_with(&lower))
                    .add(guest::Column::PinyinInitials.starts_with(&lower))
                    .add(guest::Column::Phone.starts_with(text)),
            )
            .into_tuple()
            .all(conn)
            .await?;
        q = q.filter(
            Condition::any()
                .add(reservation::Column::GuestId.is_in(ids))
                .add(reservation::Column::BookingNo.eq(text)),
        );
    }
    let rows = q
        .order_by_asc(reservation::Column::Arrival)
        .order_by_asc(reservation::Column::Id)
        .limit(1000)
        .all(conn)
        .await?;
    let (names, numbers) = guest_names_and_room_numbers(conn, &rows).await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let name = names.get(&r.guest_id).cloned().unwrap_or_default();
            let number = r.room_id.and_then(|id| numbers.get(&id).cloned());
            view_of(r, name, number, digits)
        })
        .collect())
}

/// The guest names and room numbers of a page of reservations, in two queries rather than two
/// per row (lists, folio search).
pub(crate) async fn guest_names_and_room_numbers<'a>(
    conn: &impl ConnectionTrait,
    rows: impl IntoIterator<Item = &'a reservation::Model> + Clone,
) -> Result<(HashMap<i32, String>, HashMap<i32, String>)> {
    let guest_ids: Vec<i32> = rows.clone().into_iter().map(|r| r.guest_id).collect();
    let names = guest::Entity::find()
        .filter(guest::Column::Id.is_in(guest_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect();
    let room_ids: Vec<i32> = rows.into_iter().filter_map(|r| r.room_id).collect();
    let numbers = room::Entity::find()
        .filter(room::Column::Id.is_in(room_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|m| (m.id, m.number))
        .collect();
    Ok((names, numbers))
}
