//! Changes to a stay in the house: a room move, an earlier or later departure (added nights
//! priced by the rate plan, removed nights released, an early-departure fee) and a late
//! check-out fee. Nights before the business date are history — already slept and charged by
//! the night audit — and never change; every change acts from the business date on.
//! Check-in and check-out themselves are not here.

mod departure;
mod late;
mod room_move;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::auth::Actor;
use crate::entity::{reservation, stay};
use crate::error::{ApiError, Result};
use crate::{property, reservations};

pub use departure::{DepartureChange, DepartureQuote, change_departure, quote_departure};
pub use late::{FeePosted, LateCheckOutFee, late_check_out_fee};
pub use room_move::{MoveInput, move_room};

/// Why a change to a stay in the house is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StayChangeError {
    #[error("reservation {booking} has no guest in the house")]
    NotInHouse { booking: String },
    #[error("the guest is already in room {room}")]
    SameRoom { room: String },
    #[error("room {room} is occupied by {booking}")]
    RoomOccupied { room: String, booking: String },
    #[error("room {room} is dirty: confirm to move the guest into it anyway")]
    RoomDirty { room: String },
    #[error("the departure cannot be before the business date {business_date}")]
    DepartureBeforeBusinessDate { business_date: NaiveDate },
    #[error("the departure is already {departure}")]
    DepartureUnchanged { departure: NaiveDate },
    #[error("an early-departure fee only applies when the stay is shortened")]
    FeeWithoutShortening,
}

impl StayChangeError {
    /// The key `errors.stays.<code>` with its parameters (dates as YYYY-MM-DD).
    pub fn to_api(&self) -> ApiError {
        let day = |d: &NaiveDate| d.format("%Y-%m-%d").to_string();
        match self {
            Self::NotInHouse { booking } => {
                ApiError::new("stays", "not_in_house", &[("booking", booking.clone())])
            }
            Self::SameRoom { room } => {
                ApiError::new("stays", "same_room", &[("room", room.clone())])
            }
            Self::RoomOccupied { room, booking } => ApiError::new(
                "stays",
                "room_occupied",
                &[("room", room.clone()), ("booking", booking.clone())],
            ),
            Self::RoomDirty { room } => {
                ApiError::new("stays", "room_dirty", &[("room", room.clone())])
            }
            Self::DepartureBeforeBusinessDate { business_date } => ApiError::new(
                "stays",
                "departure_before_business_date",
                &[("date", day(business_date))],
            ),
            Self::DepartureUnchanged { departure } => {
                ApiError::new("stays", "departure_unchanged", &[("date", day(departure))])
            }
            Self::FeeWithoutShortening => ApiError::new("stays", "fee_without_shortening", &[]),
        }
    }
}

/// A checked-in reservation with its open stay (locked for the rest of the transaction:
/// FOR UPDATE on PostgreSQL), the business date and the currency's digits.
pub(super) struct InHouse {
    pub reservation: reservation::Model,
    pub stay: stay::Model,
    pub business_date: NaiveDate,
    pub digits: u32,
}

pub(super) async fn in_house(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    reservation_id: i32,
) -> Result<InHouse> {
    let r = reservations::load(
        conn,
        actor,
        reservation_id,
        &[reservations::state::CHECKED_IN],
    )
    .await?;
    let stay = stay::Entity::find()
        .filter(stay::Column::ReservationId.eq(r.id))
        .filter(stay::Column::CheckedOutAt.is_null())
        .lock_exclusive()
        .one(conn)
        .await?
        .ok_or_else(|| StayChangeError::NotInHouse {
            booking: r.booking_no.clone(),
        })?;
    let p = property::get(conn, actor.property_id).await?;
    Ok(InHouse {
        digits: property::digits(&p),
        business_date: p.business_date,
        reservation: r,
        stay,
    })
}
