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

use super::StayError;
use crate::auth::Actor;
use crate::entity::{reservation, stay};
use crate::error::Result;
use crate::{property, reservations};

pub use departure::{DepartureChange, DepartureQuote, change_departure, quote_departure};
pub use late::{FeePosted, LateCheckOutFee, late_check_out_fee};
pub use room_move::{MoveInput, move_room};

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
        .ok_or_else(|| StayError::NotInHouse {
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
