//! Making a booking: the quote shown before saving, then one all-or-nothing transaction that
//! checks availability night by night (overbooking only with the permission, an explicit
//! confirmation and within the type's limit), takes a booking number and writes the nights.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr,
    EntityTrait, QueryFilter, QuerySelect, Set, SqlErr,
};
use serde::Deserialize;

use super::{GUARANTEES, ReservationError, ReservationView, SOURCES, state, view};
use crate::auth::Actor;
use crate::entity::{guest, promotion, reservation, reservation_night, room, room_type};
use crate::error::{Error, Result};
use crate::guests::{self, NewGuest};
use crate::permission::Permission;
use crate::pricing::{self, Discount, PricingError, Quote};
use crate::validate::{self, Invalid, Rule};
use crate::{audit, availability, money, property, rates, series};

/// One room of a booking.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RoomRequest {
    pub room_type_id: i32,
    pub rate_plan_id: i32,
    pub adults: u32,
    pub children: u32,
    /// A room to assign right away, if the desk picked one.
    pub room_id: Option<i32>,
}

/// A booking for one or several rooms under one booking number.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BookingInput {
    pub guest_id: Option<i32>,
    pub new_guest: Option<NewGuest>,
    pub arrival: NaiveDate,
    pub departure: NaiveDate,
    pub rooms: Vec<RoomRequest>,
    pub source: String,
    pub source_detail: String,
    pub special_requests: String,
    pub notes: String,
    pub promotion_code: Option<String>,
    /// Tentative bookings hold no inventory.
    pub tentative: bool,
    /// The user confirmed selling beyond availability (needs the overbook permission).
    pub confirm_overbooking: bool,
    /// One of [`GUARANTEES`].
    pub guarantee: String,
    /// The deposit the guest is asked to pay before arrival, for the whole booking ("0" for none).
    pub deposit_due: String,
}

pub(crate) async fn promotion_of(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    code: Option<&str>,
    digits: u32,
) -> Result<Option<(promotion::Model, pricing::Promotion)>> {
    let Some(code) = code.map(str::trim).filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    let row = promotion::Entity::find()
        .filter(promotion::Column::PropertyId.eq(actor.property_id))
        .filter(promotion::Column::Code.eq(code.to_uppercase()))
        .one(conn)
        .await?
        .ok_or_else(|| {
            Error::Pricing(PricingError::PromotionNotValid {
                code: code.to_string(),
            })
        })?;
    let kind = match (row.percent_bp, row.amount_minor) {
        (Some(bp), _) => Discount::Percent(rust_decimal::Decimal::new(i64::from(bp), 2)),
        (None, Some(amount)) => Discount::Amount(money::from_minor(amount, digits)),
        (None, None) => Discount::Amount(rust_decimal::Decimal::ZERO),
    };
    let remaining = row
        .usage_limit
        .map(|limit| u32::try_from(limit - row.used_count).unwrap_or(0));
    let p = pricing::Promotion {
        code: row.code.clone(),
        kind,
        valid_from: row.valid_from,
        valid_to: row.valid_to,
        remaining_uses: remaining,
    };
    Ok(Some((row, p)))
}

/// Prices every room of a booking as it would be saved (nothing is written).
pub async fn quote(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    input: &BookingInput,
) -> Result<Vec<Quote>> {
    actor.require(Permission::ReservationsManage)?;
    let p = property::get(conn, actor.property_id).await?;
    let digits = property::digits(&p);
    let promo = promotion_of(conn, actor, input.promotion_code.as_deref(), digits).await?;
    let mut quotes = Vec::with_capacity(input.rooms.len());
    for req in &input.rooms {
        let plan = rates::get(conn, actor, req.rate_plan_id).await?;
        if plan.room_type_id != req.room_type_id {
            return Err(Invalid::new("ratePlanId", Rule::Format).into());
        }
        let terms = rates::terms(conn, &plan, digits).await?;
        let q = pricing::quote(
            &terms,
            input.arrival,
            input.departure,
            promo.as_ref().map(|(_, p)| p),
            p.business_date,
        )?;
        quotes.push(q);
    }
    Ok(quotes)
}

fn check_input(input: &BookingInput) -> Result<()> {
    if input.departure <= input.arrival {
        return Err(Error::Pricing(PricingError::DepartureNotAfterArrival));
    }
    if input.rooms.is_empty() {
        return Err(Invalid::new("rooms", Rule::Required).into());
    }
    if !SOURCES.contains(&input.source.as_str()) {
        return Err(Invalid::new("source", Rule::Format).into());
    }
    validate::optional_text("sourceDetail", &input.source_detail, 80)?;
    validate::optional_text("specialRequests", &input.special_requests, 2000)?;
    validate::optional_text("notes", &input.notes, 2000)?;
    if !GUARANTEES.contains(&input.guarantee.as_str()) {
        return Err(Invalid::new("guarantee", Rule::Format).into());
    }
    Ok(())
}

/// The deposit due in minor units: not negative, no more decimals than the currency has, and
/// not more than the booking costs.
fn deposit_due(input: &BookingInput, quotes: &[Quote], digits: u32) -> Result<i64> {
    let text = input.deposit_due.trim();
    let amount = if text.is_empty() {
        rust_decimal::Decimal::ZERO
    } else {
        money::parse("depositDue", text)?
    };
    let minor = money::to_minor("depositDue", amount, digits)?;
    let total: rust_decimal::Decimal = quotes.iter().map(|q| q.total).sum();
    let total_minor = money::to_minor("depositDue", total, digits)?;
    if minor < 0 || minor > total_minor {
        return Err(Invalid::new(
            "depositDue",
            Rule::Range {
                min: 0,
                max: total_minor / 10_i64.pow(digits),
            },
        )
        .into());
    }
    Ok(minor)
}

/// Whether one more night of `type_id` may be sold on `night`.
pub(crate) async fn check_night(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    confirm_overbooking: bool,
    type_id: i32,
    night: NaiveDate,
) -> Result<bool> {
    let next = night.succ_opt().unwrap_or(night);
    let a = availability::for_range(conn, actor.property_id, night, next).await?;
    let Some(n) = a.into_iter().find(|n| n.room_type_id == type_id) else {
        return Err(Invalid::new("roomTypeId", Rule::Required).into());
    };
    if n.available >= 1 {
        return Ok(false);
    }
    if n.sellable < 1 {
        return Err(if n.sellable == n.available {
            ReservationError::SoldOut { night }
        } else {
            ReservationError::OverbookLimit { night }
        }
        .into());
    }
    actor.require(Permission::Overbook)?;
    if !confirm_overbooking {
        return Err(ReservationError::OverbookNotConfirmed { night }.into());
    }
    Ok(true)
}

pub(crate) fn taken(e: DbErr, room: &str, night: NaiveDate) -> Error {
    match e.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => ReservationError::RoomTaken {
            room: room.to_string(),
            night,
        }
        .into(),
        _ => e.into(),
    }
}

/// Saves a booking, all rooms or none (permission `reservations.manage`).
pub async fn create(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    input: BookingInput,
) -> Result<Vec<ReservationView>> {
    let txn = crate::db::begin_write(db).await?;
    let views = create_on(&txn, now, actor, input).await?;
    txn.commit().await?;
    Ok(views)
}

/// [`create`] inside the caller's transaction (a walk-in books and checks in in one).
pub async fn create_on(
    txn: &DatabaseTransaction,
    now: DateTime<Utc>,
    actor: &Actor,
    input: BookingInput,
) -> Result<Vec<ReservationView>> {
    actor.require(Permission::ReservationsManage)?;
    check_input(&input)?;
    let quotes = quote(txn, actor, &input).await?;
    // Serialises bookings of the same types across terminals (FOR UPDATE on PostgreSQL; on
    // SQLite the caller's transaction began as the one writer, see `db::begin_write`).
    let type_ids: Vec<i32> = input.rooms.iter().map(|r| r.room_type_id).collect();
    let types = room_type::Entity::find()
        .filter(room_type::Column::Id.is_in(type_ids))
        .lock_exclusive()
        .all(txn)
        .await?;
    let p = property::get(txn, actor.property_id).await?;
    let digits = property::digits(&p);
    let guest_id = match (input.guest_id, &input.new_guest) {
        (Some(id), _) => {
            guest::Entity::find_by_id(id)
                .one(txn)
                .await?
                .filter(|g| g.property_id == actor.property_id)
                .ok_or(Invalid::new("guestId", Rule::Required))?
                .id
        }
        (None, Some(new)) => guests::create(txn, now, actor, new).await?.id,
        (None, None) => return Err(Invalid::new("guestName", Rule::Required).into()),
    };
    let promo = promotion_of(txn, actor, input.promotion_code.as_deref(), digits).await?;
    let deposit_minor = deposit_due(&input, &quotes, digits)?;
    let booking_no = series::next(txn, actor.property_id, series::BOOKING).await?;
    let mut made = Vec::new();
    for (req, q) in input.rooms.iter().zip(&quotes) {
        let t = types
            .iter()
            .find(|t| t.id == req.room_type_id && t.property_id == actor.property_id)
            .ok_or(Invalid::new("roomTypeId", Rule::Required))?;
        let guests = i32::try_from(req.adults + req.children).unwrap_or(i32::MAX);
        if req.adults == 0
            || i64::from(req.adults) > i64::from(t.max_adults)
            || i64::from(req.children) > i64::from(t.max_children)
        {
            return Err(ReservationError::TooManyGuests {
                max: t.max_adults + t.max_children,
            }
            .into());
        }
        let room = match req.room_id {
            Some(id) => Some(
                room::Entity::find_by_id(id)
                    .one(txn)
                    .await?
                    .filter(|r| {
                        r.property_id == actor.property_id && r.room_type_id == t.id && r.active
                    })
                    .ok_or(Invalid::new("roomId", Rule::Format))?,
            ),
            None => None,
        };
        if let Some(r) = &room
            && super::assign::out_of_order(txn, r.id, input.arrival, input.departure).await?
        {
            return Err(ReservationError::RoomOutOfOrder {
                room: r.number.clone(),
            }
            .into());
        }
        let mut overbooked = false;
        if !input.tentative {
            for n in &q.nights {
                overbooked |=
                    check_night(txn, actor, input.confirm_overbooking, t.id, n.night).await?;
            }
        }
        let r = reservation::ActiveModel {
            property_id: Set(actor.property_id),
            booking_no: Set(booking_no.clone()),
            room_type_id: Set(t.id),
            room_id: Set(room.as_ref().map(|r| r.id)),
            rate_plan_id: Set(req.rate_plan_id),
            guest_id: Set(guest_id),
            arrival: Set(input.arrival),
            departure: Set(input.departure),
            adults: Set(i32::try_from(req.adults).unwrap_or(1)),
            children: Set(guests - i32::try_from(req.adults).unwrap_or(1)),
            state: Set(if input.tentative {
                state::TENTATIVE
            } else {
                state::CONFIRMED
            }
            .into()),
            source: Set(input.source.clone()),
            source_detail: Set(input.source_detail.trim().into()),
            special_requests: Set(input.special_requests.trim().into()),
            notes: Set(input.notes.trim().into()),
            promotion_id: Set(promo.as_ref().map(|(row, _)| row.id)),
            total_minor: Set(money::to_minor("total", q.total, digits)?),
            cancel_fee_minor: Set(None),
            overbooked: Set(overbooked),
            guarantee: Set(input.guarantee.clone()),
            deposit_due_minor: Set(if made.is_empty() { deposit_minor } else { 0 }),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        if !input.tentative {
            write_nights(txn, &r, room.as_ref(), q, digits).await?;
        }
        made.push(r);
    }
    if let Some((row, _)) = promo {
        let used = row.used_count + 1;
        let mut m: promotion::ActiveModel = row.into();
        m.used_count = Set(used);
        m.update(txn).await?;
    }
    let summary = format!(
        "{} {}–{} × {} rooms",
        booking_no,
        input.arrival,
        input.departure,
        made.len()
    );
    audit::record(
        txn,
        now,
        actor,
        "reservation.created",
        "reservation",
        &booking_no,
        summary,
    )
    .await?;
    let mut views = Vec::with_capacity(made.len());
    for r in made {
        views.push(view(txn, r, digits).await?);
    }
    Ok(views)
}

/// Writes the nights of a confirmed reservation; a room held by another stay is refused by the
/// database's unique (room, night) index.
pub(crate) async fn write_nights(
    conn: &impl ConnectionTrait,
    r: &reservation::Model,
    room: Option<&room::Model>,
    q: &Quote,
    digits: u32,
) -> Result<()> {
    for n in &q.nights {
        let row = reservation_night::ActiveModel {
            property_id: Set(r.property_id),
            reservation_id: Set(r.id),
            night: Set(n.night),
            room_type_id: Set(r.room_type_id),
            room_id: Set(room.map(|m| m.id)),
            price_minor: Set(money::to_minor("price", n.price, digits)?),
            discount_minor: Set(money::to_minor("discount", n.discount, digits)?),
            amount_minor: Set(money::to_minor("amount", n.amount, digits)?),
            tax_minor: Set(money::to_minor("tax", n.tax, digits)?),
            ..Default::default()
        };
        reservation_night::Entity::insert(row)
            .exec(conn)
            .await
            .map_err(|e| {
                taken(
                    e,
                    room.map(|m| m.number.as_str()).unwrap_or_default(),
                    n.night,
                )
            })?;
    }
    Ok(())
}
