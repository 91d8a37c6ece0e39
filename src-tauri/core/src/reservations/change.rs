//! Changing a booking: dates, room type and rate plan, guest counts, the guest, requests and
//! notes. The re-quote re-prices only what changed — with the same plan, nights kept from the old
//! stay keep their price and only added nights are priced anew (`pricing::requote`); a new type
//! or plan prices the stay anew. Availability is checked again and the room guard applies to the
//! new nights, all in one transaction.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QuerySelect, Set,
};
use serde::{Deserialize, Serialize};

use super::book::{check_night, promotion_of, write_nights};
use super::cancel::stored_quote;
use super::{ReservationError, ReservationView, state, view};
use crate::auth::Actor;
use crate::entity::{guest, promotion, reservation, reservation_night, room, room_type};
use crate::error::{Error, Result};
use crate::permission::Permission;
use crate::pricing::{self, PricingError, Quote};
use crate::validate::{self, Invalid, Rule};
use crate::{audit, money, property, rates};

/// The booking as it should become.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct StayChange {
    pub arrival: NaiveDate,
    pub departure: NaiveDate,
    pub room_type_id: i32,
    pub rate_plan_id: i32,
    pub adults: u32,
    pub children: u32,
    pub guest_id: i32,
    pub special_requests: String,
    pub notes: String,
}

/// The price of a change before it is saved: the stay as priced now and as it would be.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ChangeQuote {
    pub before: Quote,
    pub after: Quote,
    /// The assigned room does not fit the new type and would be released.
    pub releases_room: bool,
}

/// A booking may be changed while tentative or confirmed.
const CHANGEABLE: [&str; 2] = [state::TENTATIVE, state::CONFIRMED];

/// Checks the change and prices it against the stored stay.
async fn price(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    r: &reservation::Model,
    change: &StayChange,
) -> Result<(ChangeQuote, room_type::Model, u32)> {
    if change.departure <= change.arrival {
        return Err(Error::Pricing(PricingError::DepartureNotAfterArrival));
    }
    let t = room_type::Entity::find_by_id(change.room_type_id)
        .one(conn)
        .await?
        .filter(|t| t.property_id == actor.property_id && (t.active || t.id == r.room_type_id))
        .ok_or(Invalid::new("roomTypeId", Rule::Required))?;
    if change.adults == 0
        || i64::from(change.adults) > i64::from(t.max_adults)
        || i64::from(change.children) > i64::from(t.max_children)
    {
        return Err(ReservationError::TooManyGuests {
            max: t.max_adults + t.max_children,
        }
        .into());
    }
    let p = property::get(conn, r.property_id).await?;
    let digits = property::digits(&p);
    let plan = rates::get(conn, actor, change.rate_plan_id).await?;
    if plan.room_type_id != t.id {
        return Err(Invalid::new("ratePlanId", Rule::Format).into());
    }
    let terms = rates::terms(conn, &plan, digits).await?;
    let code = match r.promotion_id {
        Some(pid) => promotion::Entity::find_by_id(pid)
            .one(conn)
            .await?
            .map(|p| p.code),
        None => None,
    };
    let promo = promotion_of(conn, actor, code.as_deref(), digits).await?;
    let promo = promo.as_ref().map(|(_, p)| p);
    let mut before = stored_quote(conn, r, digits).await?;
    before.promotion = code;
    let same_plan = plan.id == r.rate_plan_id;
    let after = if same_plan && !before.nights.is_empty() {
        pricing::requote(
            &terms,
            &before,
            change.arrival,
            change.departure,
            promo,
            p.business_date,
        )?
    } else {
        pricing::quote(
            &terms,
            change.arrival,
            change.departure,
            promo,
            p.business_date,
        )?
    };
    let releases_room = r.room_id.is_some() && t.id != r.room_type_id;
    Ok((
        ChangeQuote {
            before,
            after,
            releases_room,
        },
        t,
        digits,
    ))
}

/// What a change would cost, nothing written (permission `reservations.manage`).
pub async fn quote_change(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: i32,
    change: &StayChange,
) -> Result<ChangeQuote> {
    actor.require(Permission::ReservationsManage)?;
    let r = super::load(conn, actor, id, &CHANGEABLE).await?;
    Ok(price(conn, actor, &r, change).await?.0)
}

/// Changes a tentative or confirmed booking (permission `reservations.manage`). A new room type
/// releases an assigned room of the old type.
pub async fn change(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    id: i32,
    change: &StayChange,
    confirm_overbooking: bool,
) -> Result<ReservationView> {
    actor.require(Permission::ReservationsManage)?;
    let special_requests =
        validate::optional_text("specialRequests", &change.special_requests, 2000)?;
    let notes = validate::optional_text("notes", &change.notes, 2000)?;
    let txn = crate::db::begin_write(db).await?;
    let r = super::load(&txn, actor, id, &CHANGEABLE).await?;
    // Serialises sales of the types involved across terminals (FOR UPDATE on PostgreSQL).
    room_type::Entity::find()
        .filter(room_type::Column::Id.is_in([r.room_type_id, change.room_type_id]))
        .lock_exclusive()
        .all(&txn)
        .await?;
    let (q, t, digits) = price(&txn, actor, &r, change).await?;
    guest::Entity::find_by_id(change.guest_id)
        .one(&txn)
        .await?
        .filter(|g| g.property_id == actor.property_id)
        .ok_or(Invalid::new("guestId", Rule::Required))?;
    reservation_night::Entity::delete_many()
        .filter(reservation_night::Column::ReservationId.eq(r.id))
        .exec(&txn)
        .await?;
    let room_id = if q.releases_room { None } else { r.room_id };
    let mut updated = r.clone();
    updated.room_type_id = t.id;
    updated.room_id = room_id;
    let mut overbooked = false;
    if r.state == state::CONFIRMED {
        for n in &q.after.nights {
            overbooked |= check_night(&txn, actor, confirm_overbooking, t.id, n.night).await?;
        }
        let assigned = match room_id {
            Some(rid) => room::Entity::find_by_id(rid).one(&txn).await?,
            None => None,
        };
        if let Some(a) = &assigned
            && super::assign::out_of_order(&txn, a.id, change.arrival, change.departure).await?
        {
            return Err(ReservationError::RoomOutOfOrder {
                room: a.number.clone(),
            }
            .into());
        }
        write_nights(&txn, &updated, assigned.as_ref(), &q.after, digits).await?;
    }
    let summary = describe(&r, change, &q, &t.code);
    let mut m: reservation::ActiveModel = r.into();
    m.arrival = Set(change.arrival);
    m.departure = Set(change.departure);
    m.room_type_id = Set(t.id);
    m.rate_plan_id = Set(change.rate_plan_id);
    m.room_id = Set(room_id);
    m.adults = Set(i32::try_from(change.adults).unwrap_or(1));
    m.children = Set(i32::try_from(change.children).unwrap_or(0));
    m.guest_id = Set(change.guest_id);
    m.special_requests = Set(special_requests);
    m.notes = Set(notes);
    m.total_minor = Set(money::to_minor("total", q.after.total, digits)?);
    m.overbooked = Set(overbooked);
    m.updated_at = Set(now);
    let saved = m.update(&txn).await?;
    audit::record(
        &txn,
        now,
        actor,
        "reservation.changed",
        "reservation",
        saved.id,
        summary,
    )
    .await?;
    let v = view(&txn, saved, digits).await?;
    txn.commit().await?;
    Ok(v)
}

fn describe(r: &reservation::Model, c: &StayChange, q: &ChangeQuote, type_code: &str) -> String {
    let mut parts = vec![format!("{}:", r.booking_no)];
    if (r.arrival, r.departure) != (c.arrival, c.departure) {
        parts.push(format!(
            "{}–{} → {}–{}",
            r.arrival, r.departure, c.arrival, c.departure
        ));
    }
    if r.room_type_id != c.room_type_id || r.rate_plan_id != c.rate_plan_id {
        parts.push(format!("type/plan → {type_code} #{}", c.rate_plan_id));
    }
    if (r.adults, r.children) != (c.adults as i32, c.children as i32) {
        parts.push(format!("guests → {}+{}", c.adults, c.children));
    }
    if r.guest_id != c.guest_id {
        parts.push(format!("guest #{} → #{}", r.guest_id, c.guest_id));
    }
    if q.releases_room {
        parts.push("room released".into());
    }
    parts.push(format!("total {} → {}", q.before.total, q.after.total));
    parts.join(" ")
}

/// Moves or resizes a stay, everything else unchanged (the tape chart's end-drag).
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
    let r = super::load(db, actor, id, &CHANGEABLE).await?;
    let c = StayChange {
        arrival,
        departure,
        room_type_id: r.room_type_id,
        rate_plan_id: r.rate_plan_id,
        adults: u32::try_from(r.adults).unwrap_or(1),
        children: u32::try_from(r.children).unwrap_or(0),
        guest_id: r.guest_id,
        special_requests: r.special_requests,
        notes: r.notes,
    };
    change(db, now, actor, id, &c, confirm_overbooking).await
}
