//! Extending or shortening a stay in the house, and what it costs.
//!
//! Added nights are priced anew by the rate plan (`pricing::requote`: the kept nights keep their
//! price), must be available in the room's type, and go through the room's guards (out of order,
//! the database's (room, night) index). Removed nights are released; only nights from the
//! business date on can go, the earlier ones have been slept. Rate plans carry no
//! early-departure rule of their own, so the early-departure fee is what the operator enters
//! (charge code EARLYDEP), posted to the folio in the same transaction; none when left empty.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QuerySelect, Set,
};
use serde::{Deserialize, Serialize};

use super::{InHouse, in_house};
use crate::auth::Actor;
use crate::entity::{promotion, reservation, reservation_night, room, room_type};
use crate::error::{Error, Result};
use crate::folios::{self, code};
use crate::permission::Permission;
use crate::pricing::{self, PricingError, Quote};
use crate::reservations::{self, ReservationError, ReservationView};
use crate::stays::StayError;
use crate::validate::{self, Invalid, Rule};
use crate::{audit, money, rates};

/// The new departure of a stay in the house.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DepartureChange {
    pub reservation_id: i32,
    pub departure: NaiveDate,
    /// The early-departure fee (tax included); empty or zero for none. Only when shortening.
    pub early_departure_fee: String,
    /// Why the stay changes (kept in the audit trail and on the fee's posting).
    pub reason: String,
    /// Sell an added night beyond availability (needs the overbooking permission).
    pub confirm_overbooking: bool,
}

/// What a new departure would do, before it is saved.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DepartureQuote {
    pub before: Quote,
    pub after: Quote,
    pub added: Vec<NaiveDate>,
    pub removed: Vec<NaiveDate>,
    /// `after.total - before.total`: positive when the guest stays longer.
    #[specta(type = String)]
    pub difference: Decimal,
    /// The stay gets shorter: an early-departure fee may be charged.
    pub early: bool,
}

/// Prices the stay of `h` ending on `departure`.
async fn price(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    h: &InHouse,
    departure: NaiveDate,
) -> Result<DepartureQuote> {
    let r = &h.reservation;
    if departure == r.departure {
        return Err(StayError::DepartureUnchanged { departure }.into());
    }
    if departure < h.business_date {
        return Err(StayError::DepartureBeforeBusinessDate {
            business_date: h.business_date,
        }
        .into());
    }
    if departure <= r.arrival {
        return Err(Error::Pricing(PricingError::DepartureNotAfterArrival));
    }
    let code = match r.promotion_id {
        Some(pid) => promotion::Entity::find_by_id(pid)
            .one(conn)
            .await?
            .map(|p| p.code),
        None => None,
    };
    let mut before = reservations::stored_quote(conn, r, h.digits).await?;
    before.promotion = code.clone();
    let after = if departure > r.departure {
        let plan = rates::get(conn, actor, r.rate_plan_id).await?;
        let terms = rates::terms(conn, &plan, h.digits).await?;
        let promo = reservations::promotion_of(conn, actor, code.as_deref(), h.digits).await?;
        pricing::requote(
            &terms,
            &before,
            r.arrival,
            departure,
            promo.as_ref().map(|(_, p)| p),
            h.business_date,
        )?
    } else {
        let kept = before
            .nights
            .iter()
            .filter(|n| n.night < departure)
            .cloned()
            .collect();
        Quote::from_nights(kept, code)
    };
    let nights = |q: &Quote| q.nights.iter().map(|n| n.night).collect::<Vec<_>>();
    let (old, new) = (nights(&before), nights(&after));
    Ok(DepartureQuote {
        added: new.iter().filter(|d| !old.contains(d)).copied().collect(),
        removed: old.iter().filter(|d| !new.contains(d)).copied().collect(),
        difference: after.total - before.total,
        early: departure < r.departure,
        before,
        after,
    })
}

/// What moving the departure of a checked-in reservation would cost, nothing written
/// (permission `frontdesk.operate`).
pub async fn quote_departure(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    reservation_id: i32,
    departure: NaiveDate,
) -> Result<DepartureQuote> {
    actor.require(Permission::FrontdeskOperate)?;
    let h = in_house(conn, actor, reservation_id).await?;
    price(conn, actor, &h, departure).await
}

/// Extends or shortens the stay of a checked-in reservation (permission `frontdesk.operate`):
/// added nights priced and held in the guest's room, removed nights released, the reservation's
/// total re-summed, an early-departure fee posted (charge code EARLYDEP) when one is entered.
/// One audit entry for the change (the fee's posting has its own), one transaction.
///
/// Errors: not in the house; the departure unchanged, before the business date or not after the
/// arrival; the plan's stay limits or closures for a later departure; no room of the type left
/// on an added night, the room out of order or held by another reservation then; a fee that is
/// not a positive amount or comes with a longer stay.
pub async fn change_departure(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    input: DepartureChange,
) -> Result<ReservationView> {
    actor.require(Permission::FrontdeskOperate)?;
    let reason = validate::optional_text("reason", &input.reason, 200)?;
    let fee = match input.early_departure_fee.trim() {
        "" => None,
        text => Some(money::parse("earlyDepartureFee", text)?).filter(|f| !f.is_zero()),
    };
    if fee.is_some_and(|f| f < Decimal::ZERO) {
        return Err(Invalid::new("earlyDepartureFee", Rule::Format).into());
    }
    let txn = crate::db::begin_write(db).await?;
    let h = in_house(&txn, actor, input.reservation_id).await?;
    let r = &h.reservation;
    let room = room::Entity::find_by_id(h.stay.room_id)
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or(Error::NotFound { entity: "room" })?;
    // Serialises sales of the room's type across terminals (FOR UPDATE on PostgreSQL).
    room_type::Entity::find_by_id(room.room_type_id)
        .lock_exclusive()
        .one(&txn)
        .await?;
    let q = price(&txn, actor, &h, input.departure).await?;
    if fee.is_some() && !q.early {
        return Err(StayError::FeeWithoutShortening.into());
    }
    if let (Some(&first), Some(&last)) = (q.added.first(), q.added.last()) {
        for &night in &q.added {
            reservations::check_night(
                &txn,
                actor,
                input.confirm_overbooking,
                room.room_type_id,
                night,
            )
            .await?;
        }
        let end = last.succ_opt().unwrap_or(last);
        if reservations::out_of_order(&txn, room.id, first, end).await? {
            return Err(ReservationError::RoomOutOfOrder { room: room.number }.into());
        }
        let added = Quote::from_nights(
            q.after
                .nights
                .iter()
                .filter(|n| q.added.contains(&n.night))
                .cloned()
                .collect(),
            None,
        );
        // The nights count against the type of the room the guest is in, as after an upgrade.
        let mut holder = r.clone();
        holder.room_type_id = room.room_type_id;
        reservations::write_nights(&txn, &holder, Some(&room), &added, h.digits).await?;
    }
    if !q.removed.is_empty() {
        reservation_night::Entity::delete_many()
            .filter(reservation_night::Column::ReservationId.eq(r.id))
            .filter(reservation_night::Column::Night.gte(input.departure))
            .exec(&txn)
            .await?;
    }
    if let Some(amount) = fee {
        let description = if reason.is_empty() {
            format!("{} → {}", r.departure, input.departure)
        } else {
            reason.clone()
        };
        folios::post_fee(&txn, now, actor, r.id, code::EARLYDEP, amount, &description).await?;
    }
    let mut m: reservation::ActiveModel = r.clone().into();
    m.departure = Set(input.departure);
    m.total_minor = Set(money::to_minor("total", q.after.total, h.digits)?);
    m.updated_at = Set(now);
    let saved = m.update(&txn).await?;
    let mut summary = format!(
        "{}: departure {} → {}, total {} → {}",
        r.booking_no, r.departure, input.departure, q.before.total, q.after.total
    );
    if let Some(amount) = fee {
        summary.push_str(&format!(", early-departure fee {amount}"));
    }
    if !reason.is_empty() {
        summary.push_str(&format!("; {reason}"));
    }
    audit::record(
        &txn,
        now,
        actor,
        "stay.departure_changed",
        "reservation",
        r.id,
        summary,
    )
    .await?;
    let v = reservations::view(&txn, saved, h.digits).await?;
    txn.commit().await?;
    Ok(v)
}
