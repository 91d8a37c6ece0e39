//! What a confirmation shows, read from the database: the hotel, the guest and every room of
//! one booking number with its nights as they were priced and its rate plan's policy.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::auth::Actor;
use crate::documents::blocks::Letterhead;
use crate::entity::{guest, promotion, rate_plan, reservation, reservation_night, room, room_type};
use crate::error::{Error, Result};
use crate::pricing::{self, CancellationPolicy, NightQuote, NoShowRule, PriceSource, Quote};
use crate::reservations::state;
use crate::{money, property, rates};

/// One booking number, ready to print.
#[derive(Debug, Clone)]
pub(crate) struct Confirmation {
    pub hotel: Letterhead,
    pub currency: String,
    pub digits: u32,
    pub check_in: String,
    pub check_out: String,
    pub booking_no: String,
    pub issued: NaiveDate,
    pub guest: String,
    pub guest_phone: String,
    pub guest_email: String,
    pub stays: Vec<Stay>,
    /// How the booking is guaranteed (one of `reservations::GUARANTEES`).
    pub guarantee: String,
    /// The deposit the guest is asked to pay before arrival, for the whole booking.
    pub deposit_due: Option<Decimal>,
}

/// One room of the booking.
#[derive(Debug, Clone)]
pub(crate) struct Stay {
    pub state: String,
    pub arrival: NaiveDate,
    pub departure: NaiveDate,
    pub type_zh: String,
    pub type_en: String,
    pub plan_zh: String,
    pub plan_en: String,
    pub room_number: Option<String>,
    pub adults: i32,
    pub children: i32,
    /// The nights as priced; `None` when the price is known only as a total (a tentative
    /// booking whose plan would price it differently today).
    pub quote: Option<Quote>,
    pub total: Decimal,
    pub tax_inclusive: bool,
    /// The tax rate in percent (6 = 6 %).
    pub tax_percent: Decimal,
    pub promotion: Option<String>,
    pub policy: CancellationPolicy,
    pub no_show: NoShowRule,
    pub cancel_fee: Option<Decimal>,
    pub special_requests: String,
}

impl Confirmation {
    /// The stays that still count: neither cancelled nor a no-show.
    /// Every room of the booking is cancelled: the document confirms the cancellation.
    pub(crate) fn cancelled(&self) -> bool {
        !self.stays.is_empty() && self.stays.iter().all(|s| s.state == state::CANCELLED)
    }

    pub(crate) fn active(&self) -> impl Iterator<Item = &Stay> {
        self.stays
            .iter()
            .filter(|s| s.state != state::CANCELLED && s.state != state::NO_SHOW)
    }

    /// First arrival and last departure of the stays that count (of all stays if none does).
    pub(crate) fn dates(&self) -> (NaiveDate, NaiveDate) {
        let pick = |stays: Vec<&Stay>| {
            let arrival = stays.iter().map(|s| s.arrival).min();
            let departure = stays.iter().map(|s| s.departure).max();
            arrival.zip(departure)
        };
        pick(self.active().collect())
            .or_else(|| pick(self.stays.iter().collect()))
            .unwrap_or((self.issued, self.issued))
    }
}

fn night(n: reservation_night::Model, digits: u32) -> NightQuote {
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
}

/// A tentative reservation holds no nights: they are priced again from its plan and shown only
/// if they add up to exactly the total that was saved.
async fn priced_again(
    conn: &impl ConnectionTrait,
    r: &reservation::Model,
    plan: &rate_plan::Model,
    today: NaiveDate,
    digits: u32,
) -> Result<Option<Quote>> {
    if r.promotion_id.is_some() {
        return Ok(None);
    }
    let terms = rates::terms(conn, plan, digits).await?;
    Ok(pricing::quote(&terms, r.arrival, r.departure, None, today)
        .ok()
        .filter(|q| money::to_minor("total", q.total, digits).ok() == Some(r.total_minor)))
}

/// Loads booking `booking_no` of the actor's hotel (the caller checks the permission).
pub(crate) async fn load(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    booking_no: &str,
) -> Result<Confirmation> {
    let p = property::get(conn, actor.property_id).await?;
    let digits = property::digits(&p);
    let rows = reservation::Entity::find()
        .filter(reservation::Column::PropertyId.eq(actor.property_id))
        .filter(reservation::Column::BookingNo.eq(booking_no.trim()))
        .order_by_asc(reservation::Column::Id)
        .all(conn)
        .await?;
    let first = rows.first().ok_or(Error::NotFound { entity: "booking" })?;
    let g = guest::Entity::find_by_id(first.guest_id).one(conn).await?;
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let mut nights: HashMap<i32, Vec<NightQuote>> = HashMap::new();
    for n in reservation_night::Entity::find()
        .filter(reservation_night::Column::ReservationId.is_in(ids))
        .order_by_asc(reservation_night::Column::Night)
        .all(conn)
        .await?
    {
        nights
            .entry(n.reservation_id)
            .or_default()
            .push(night(n, digits));
    }
    let mut stays = Vec::with_capacity(rows.len());
    for r in &rows {
        let t = room_type::Entity::find_by_id(r.room_type_id)
            .one(conn)
            .await?
            .ok_or(Error::NotFound {
                entity: "room type",
            })?;
        let plan = rates::get_any(conn, r.rate_plan_id).await?;
        let room_number = match r.room_id {
            Some(id) => room::Entity::find_by_id(id)
                .one(conn)
                .await?
                .map(|m| m.number),
            None => None,
        };
        let promotion = match r.promotion_id {
            Some(id) => promotion::Entity::find_by_id(id)
                .one(conn)
                .await?
                .map(|m| m.code),
            None => None,
        };
        let quote = match nights.remove(&r.id) {
            Some(n) => Some(Quote::from_nights(n, promotion.clone())),
            None if r.state == state::TENTATIVE => {
                priced_again(conn, r, &plan, p.business_date, digits).await?
            }
            None => None,
        };
        let (policy, no_show) = rates::policies(&plan);
        stays.push(Stay {
            state: r.state.clone(),
            arrival: r.arrival,
            departure: r.departure,
            type_zh: t.name_zh,
            type_en: t.name_en,
            plan_zh: plan.name_zh.clone(),
            plan_en: plan.name_en.clone(),
            room_number,
            adults: r.adults,
            children: r.children,
            quote,
            total: money::from_minor(r.total_minor, digits),
            tax_inclusive: plan.tax_inclusive,
            tax_percent: Decimal::new(i64::from(plan.tax_rate_bp), 2),
            promotion,
            policy,
            no_show,
            cancel_fee: r.cancel_fee_minor.map(|f| money::from_minor(f, digits)),
            special_requests: r.special_requests.clone(),
        });
    }
    Ok(Confirmation {
        hotel: Letterhead::of(&p),
        currency: p.currency.clone(),
        digits,
        check_in: p.check_in_time.clone(),
        check_out: p.check_out_time.clone(),
        booking_no: first.booking_no.clone(),
        issued: p.business_date,
        guest: g.as_ref().map(|g| g.name.clone()).unwrap_or_default(),
        guest_phone: g.as_ref().map(|g| g.phone.clone()).unwrap_or_default(),
        guest_email: g.map(|g| g.email).unwrap_or_default(),
        guarantee: first.guarantee.clone(),
        deposit_due: Some(money::from_minor(
            rows.iter().map(|r| r.deposit_due_minor).sum(),
            digits,
        )),
        stays,
    })
}
