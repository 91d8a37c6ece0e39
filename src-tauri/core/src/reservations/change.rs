//! Changing the dates of a booking: nights kept from the old stay keep their price, only the
//! added nights are priced anew (`pricing::requote`), availability is checked again and the
//! room guard applies to the new nights, all in one transaction.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect, Set,
    TransactionTrait,
};

use super::book::{check_night, promotion_of, write_nights};
use super::cancel::stored_quote;
use super::{ReservationError, ReservationView, state, view};
use crate::auth::Actor;
use crate::entity::{promotion, reservation, reservation_night, room, room_type};
use crate::error::{Error, Result};
use crate::permission::Permission;
use crate::pricing::{self, PricingError};
use crate::{audit, money, property, rates};

/// Moves or resizes a tentative or confirmed stay (permission `reservations.manage`).
pub async fn change_dates(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    id: i32,
    arrival: NaiveDate,
    departure: NaiveDate,
    confirm_overbooking: bool,
) -> Result<ReservationView> {
    actor.require(Permission::ReservationsManage)?;
    if departure <= arrival {
        return Err(Error::Pricing(PricingError::DepartureNotAfterArrival));
    }
    let txn = db.begin().await?;
    let r = reservation::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .filter(|r| r.property_id == actor.property_id)
        .ok_or(Error::NotFound {
            entity: "reservation",
        })?;
    if r.state != state::TENTATIVE && r.state != state::CONFIRMED {
        return Err(ReservationError::WrongState { state: r.state }.into());
    }
    room_type::Entity::find_by_id(r.room_type_id)
        .lock_exclusive()
        .one(&txn)
        .await?;
    let p = property::get(&txn, r.property_id).await?;
    let digits = property::digits(&p);
    let plan = rates::get_any(&txn, r.rate_plan_id).await?;
    let terms = rates::terms(&txn, &plan, digits).await?;
    let code = match r.promotion_id {
        Some(pid) => promotion::Entity::find_by_id(pid)
            .one(&txn)
            .await?
            .map(|p| p.code),
        None => None,
    };
    let promo = promotion_of(&txn, actor, code.as_deref(), digits).await?;
    let mut old = stored_quote(&txn, &r, digits).await?;
    old.promotion = code;
    let new = if old.nights.is_empty() {
        pricing::quote(
            &terms,
            arrival,
            departure,
            promo.as_ref().map(|(_, p)| p),
            p.business_date,
        )?
    } else {
        pricing::requote(
            &terms,
            &old,
            arrival,
            departure,
            promo.as_ref().map(|(_, p)| p),
            p.business_date,
        )?
    };
    reservation_night::Entity::delete_many()
        .filter(reservation_night::Column::ReservationId.eq(r.id))
        .exec(&txn)
        .await?;
    let mut overbooked = false;
    if r.state == state::CONFIRMED {
        for n in &new.nights {
            overbooked |=
                check_night(&txn, actor, confirm_overbooking, r.room_type_id, n.night).await?;
        }
        let assigned = match r.room_id {
            Some(rid) => room::Entity::find_by_id(rid).one(&txn).await?,
            None => None,
        };
        write_nights(&txn, &r, assigned.as_ref(), &new, digits).await?;
    }
    let summary = format!(
        "{}: {}–{} → {}–{}, total {} → {}",
        r.booking_no,
        r.arrival,
        r.departure,
        arrival,
        departure,
        money::from_minor(r.total_minor, digits),
        new.total
    );
    let mut m: reservation::ActiveModel = r.into();
    m.arrival = Set(arrival);
    m.departure = Set(departure);
    m.total_minor = Set(money::to_minor("total", new.total, digits)?);
    m.overbooked = Set(overbooked);
    m.updated_at = Set(now);
    let saved = m.update(&txn).await?;
    audit::record(
        &txn,
        now,
        actor,
        "reservation.dates_changed",
        "reservation",
        saved.id,
        summary,
    )
    .await?;
    let v = view(&txn, saved, digits).await?;
    txn.commit().await?;
    Ok(v)
}
