//! Cancelling: the fee by the rate plan's policy is computed and shown first, then recorded on
//! the reservation and, when above zero, posted to its folio (CANCEL code) in the same
//! transaction, and the nights are released.

use chrono::{DateTime, NaiveTime, Utc};
use rust_decimal::Decimal;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use super::{ReservationView, state, view};
use crate::auth::Actor;
use crate::entity::{reservation, reservation_night};
use crate::error::Result;
use crate::permission::Permission;
use crate::pricing::{self, NightQuote, PriceSource, Quote};
use crate::validate;
use crate::{audit, money, property, rates};

/// The stay as it was priced, rebuilt from its stored nights.
pub(crate) async fn stored_quote(
    conn: &impl ConnectionTrait,
    r: &reservation::Model,
    digits: u32,
) -> Result<Quote> {
    let nights = reservation_night::Entity::find()
        .filter(reservation_night::Column::ReservationId.eq(r.id))
        .order_by_asc(reservation_night::Column::Night)
        .all(conn)
        .await?
        .into_iter()
        .map(|n| {
            let amount = money::from_minor(n.amount_minor, digits);
            let tax = money::from_minor(n.tax_minor, digits);
            NightQuote {
                night: n.night,
                price: money::from_minor(n.price_minor, digits),
                discount: money::from_minor(n.discount_minor, digits),
                amount,
                net: amount - tax,
                tax,
                source: PriceSource::Base,
            }
        })
        .collect();
    Ok(Quote::from_nights(nights, None))
}

/// What cancelling the reservation at `now` would cost, by its rate plan's policy.
pub async fn cancellation_fee(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    actor: &Actor,
    id: i32,
) -> Result<Decimal> {
    actor.require(Permission::ReservationsManage)?;
    let r = super::load(conn, actor, id, &[]).await?;
    fee_for(conn, now, &r).await
}

async fn fee_for(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    r: &reservation::Model,
) -> Result<Decimal> {
    let p = property::get(conn, r.property_id).await?;
    let digits = property::digits(&p);
    if r.state == state::TENTATIVE {
        return Ok(money::from_minor(0, digits));
    }
    let tz = property::time_zone("timeZone", &p.time_zone)?;
    let check_in = NaiveTime::parse_from_str(&p.check_in_time, "%H:%M").unwrap_or(NaiveTime::MIN);
    let plan = rates::get_any(conn, r.rate_plan_id).await?;
    let (policy, _) = rates::policies(&plan);
    let quote = stored_quote(conn, r, digits).await?;
    let now_local = now.with_timezone(&tz).naive_local();
    Ok(pricing::cancellation_fee(
        &policy,
        &quote,
        r.arrival.and_time(check_in),
        now_local,
        digits,
    ))
}

/// Cancels a tentative or confirmed reservation, recording the policy fee and releasing its
/// nights (permission `reservations.manage`).
pub async fn cancel(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    id: i32,
    reason: &str,
) -> Result<ReservationView> {
    actor.require(Permission::ReservationsManage)?;
    let reason = validate::text("reason", reason, 500)?;
    let txn = crate::db::begin_write(db).await?;
    let r = super::load(&txn, actor, id, &[state::TENTATIVE, state::CONFIRMED]).await?;
    let fee = fee_for(&txn, now, &r).await?;
    let digits = property::digits_of(&txn, r.property_id).await?;
    reservation_night::Entity::delete_many()
        .filter(reservation_night::Column::ReservationId.eq(r.id))
        .exec(&txn)
        .await?;
    let booking = r.booking_no.clone();
    let mut m: reservation::ActiveModel = r.into();
    m.state = Set(state::CANCELLED.into());
    m.cancel_fee_minor = Set(Some(money::to_minor("fee", fee, digits)?));
    m.updated_at = Set(now);
    let saved = m.update(&txn).await?;
    if fee > rust_decimal::Decimal::ZERO {
        let code = crate::folios::code::CANCEL;
        crate::folios::post_fee(&txn, now, actor, saved.id, code, fee, &booking).await?;
    }
    audit::record(
        &txn,
        now,
        actor,
        "reservation.cancelled",
        "reservation",
        saved.id,
        format!("{booking}: fee {fee}; {reason}"),
    )
    .await?;
    let v = view(&txn, saved, digits).await?;
    txn.commit().await?;
    Ok(v)
}
