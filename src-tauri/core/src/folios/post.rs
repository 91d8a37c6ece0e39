//! Charges: by charge code with the VAT split out of the tax-inclusive amount, routed to the
//! folio the reservation sends that code to; room nights and fees for the use cases that
//! cause them (night audit, check-out, cancellation, no-show). Also the one place a posting
//! row is written.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set,
    TransactionSession, TransactionTrait,
};
use serde::Deserialize;

use super::folio::{ensure_folio, load, require_open};
use super::{POSTS_AS_PART_OF_WORK, charge_codes, kind, refuse_card_number, require_any};
use crate::auth::Actor;
use crate::entity::{charge_code, folio, folio_route, posting, reservation_night};
use crate::error::Result;
use crate::permission::Permission;
use crate::validate::{self, Invalid, Rule};
use crate::{audit, money, pricing, property};

/// A charge typed at the desk: the unit amount (tax included) times the quantity.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ChargeInput {
    pub charge_code: String,
    pub amount: String,
    pub quantity: u32,
    pub description: String,
    pub night: Option<NaiveDate>,
}

/// The fields of a posting the use cases choose; the rest (property, date, time, user) are
/// filled in by [`insert`].
#[derive(Debug, Clone, Default)]
pub(super) struct Draft {
    pub kind: &'static str,
    pub charge_code_id: Option<i32>,
    pub payment_method: String,
    pub amount: i64,
    pub tax: i64,
    pub night: Option<NaiveDate>,
    pub description: String,
    pub reference: String,
    pub card_brand: String,
    pub card_last4: String,
    pub auth_code: String,
    pub voids_id: Option<i32>,
    pub adjusts_id: Option<i32>,
    pub reason: String,
}

/// Writes one posting on the property's open business date, translating the database's
/// refusals (locked date, one void per posting), and records it in the audit trail.
pub(super) async fn insert(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    actor: &Actor,
    f: &folio::Model,
    d: Draft,
) -> Result<posting::Model> {
    let p = property::get(conn, actor.property_id).await?;
    let summary = format!(
        "{} {} {}{}{}",
        f.number,
        d.kind,
        money::from_minor(d.amount, property::digits(&p)),
        if d.payment_method.is_empty() {
            String::new()
        } else {
            format!(" {}", d.payment_method)
        },
        if d.reason.is_empty() {
            String::new()
        } else {
            format!("; {}", d.reason)
        },
    );
    let action = match (d.voids_id, d.adjusts_id) {
        (Some(_), _) => "posting.voided",
        (_, Some(_)) => "posting.adjusted",
        _ => "posting.created",
    };
    let row = posting::ActiveModel {
        property_id: Set(actor.property_id),
        folio_id: Set(f.id),
        kind: Set(d.kind.into()),
        charge_code_id: Set(d.charge_code_id),
        payment_method: Set(d.payment_method),
        amount_minor: Set(d.amount),
        tax_minor: Set(d.tax),
        business_date: Set(p.business_date),
        night: Set(d.night),
        posted_at: Set(now),
        user_id: Set(actor.user_id),
        description: Set(d.description),
        reference: Set(d.reference),
        card_brand: Set(d.card_brand),
        card_last4: Set(d.card_last4),
        auth_code: Set(d.auth_code),
        voids_id: Set(d.voids_id),
        adjusts_id: Set(d.adjusts_id),
        reason: Set(d.reason),
        ..Default::default()
    }
    .insert(conn)
    .await
    .map_err(super::posting_db_error)?;
    audit::record(conn, now, actor, action, "posting", row.id, summary).await?;
    Ok(row)
}

/// The VAT inside a tax-inclusive amount, rounded by the one rounding policy.
pub(super) fn tax_of(amount_minor: i64, tax_rate_bp: i32) -> i64 {
    let bp = Decimal::from(tax_rate_bp);
    let tax = Decimal::from(amount_minor) * bp / (Decimal::from(10_000) + bp);
    i64::try_from(pricing::round(tax, 0)).unwrap_or(0)
}

/// Where a charge of `code` posted on `f` goes: the folio its reservation routes the code to.
async fn routed(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    f: folio::Model,
    code: &charge_code::Model,
) -> Result<folio::Model> {
    let route = folio_route::Entity::find()
        .filter(folio_route::Column::ReservationId.eq(f.reservation_id))
        .filter(folio_route::Column::ChargeCodeId.eq(code.id))
        .one(conn)
        .await?;
    match route {
        Some(r) if r.folio_id != f.id => load(conn, actor, r.folio_id, true).await,
        _ => Ok(f),
    }
}

/// The amount (tax included, minor units), night and description of a charge.
fn line(amount: i64, description: String, night: Option<NaiveDate>) -> Draft {
    Draft {
        amount,
        description,
        night,
        ..Default::default()
    }
}

/// Posts the charge `line` with `code` on `f` or where the code is routed.
async fn charge(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    actor: &Actor,
    f: folio::Model,
    code: &charge_code::Model,
    line: Draft,
) -> Result<posting::Model> {
    let target = routed(conn, actor, f, code).await?;
    require_open(&target)?;
    let draft = Draft {
        kind: kind::CHARGE,
        charge_code_id: Some(code.id),
        tax: tax_of(line.amount, code.tax_rate_bp),
        ..line
    };
    insert(conn, now, actor, &target, draft).await
}

/// A positive amount in minor units, the error naming `field`.
pub(super) fn positive(field: &'static str, amount: Decimal, digits: u32) -> Result<i64> {
    let minor = money::to_minor(field, amount, digits)?;
    if minor <= 0 {
        return Err(Invalid::new(field, Rule::Format).into());
    }
    Ok(minor)
}

/// Posts a charge typed at the desk (permission `folios.post`). The charge follows the
/// reservation's routing for its code; the posting says on which folio it landed.
pub async fn post_charge<C: ConnectionTrait + TransactionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    actor: &Actor,
    folio_id: i32,
    input: ChargeInput,
) -> Result<posting::Model> {
    actor.require(Permission::FoliosPost)?;
    let description = validate::optional_text("description", &input.description, 200)?;
    refuse_card_number("description", &description)?;
    if !(1..=999).contains(&input.quantity) {
        return Err(Invalid::new("quantity", Rule::Range { min: 1, max: 999 }).into());
    }
    let txn = conn.begin().await?;
    let digits = property::digits_of(&txn, actor.property_id).await?;
    let unit = positive("amount", money::parse("amount", &input.amount)?, digits)?;
    let total = unit
        .checked_mul(i64::from(input.quantity))
        .ok_or(Invalid::new("amount", Rule::Format))?;
    let f = load(&txn, actor, folio_id, true).await?;
    require_open(&f)?;
    let code = charge_codes::by_code(&txn, actor.property_id, &input.charge_code).await?;
    let description = match (input.quantity, description.is_empty()) {
        (1, _) => description,
        (q, true) => format!("× {q}"),
        (q, false) => format!("{description} × {q}"),
    };
    let row = charge(
        &txn,
        now,
        actor,
        f,
        &code,
        line(total, description, input.night),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// Posts one room night on the reservation's main folio, or where ROOM is routed (for the
/// night audit and check-out, under their own permission).
pub async fn post_room_charge<C: ConnectionTrait + TransactionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    actor: &Actor,
    reservation_id: i32,
    night: NaiveDate,
    amount: Decimal,
) -> Result<posting::Model> {
    require_any(actor, &POSTS_AS_PART_OF_WORK)?;
    let txn = conn.begin().await?;
    let digits = property::digits_of(&txn, actor.property_id).await?;
    let minor = positive("amount", amount, digits)?;
    let f = ensure_folio(&txn, now, actor, reservation_id).await?;
    let code = charge_codes::by_code(&txn, actor.property_id, charge_codes::code::ROOM).await?;
    let row = charge(
        &txn,
        now,
        actor,
        f,
        &code,
        line(minor, String::new(), Some(night)),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// The reservation's booked room price for `night` when it is not yet charged on any of its
/// folios; `None` when charged already or at a zero rate.
pub async fn room_night_due(
    conn: &impl ConnectionTrait,
    property_id: i32,
    reservation_id: i32,
    night: NaiveDate,
) -> Result<Option<Decimal>> {
    let room = charge_codes::by_code(conn, property_id, charge_codes::code::ROOM).await?;
    let folio_ids: Vec<i32> = folio::Entity::find()
        .filter(folio::Column::ReservationId.eq(reservation_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|f| f.id)
        .collect();
    let charged: i64 = posting::Entity::find()
        .filter(posting::Column::FolioId.is_in(folio_ids))
        .filter(posting::Column::ChargeCodeId.eq(room.id))
        .filter(posting::Column::Night.eq(night))
        .all(conn)
        .await?
        .iter()
        .map(|p| p.amount_minor)
        .sum();
    let booked = reservation_night::Entity::find()
        .filter(reservation_night::Column::ReservationId.eq(reservation_id))
        .filter(reservation_night::Column::Night.eq(night))
        .one(conn)
        .await?;
    let Some(n) = booked.filter(|n| n.amount_minor > 0 && charged <= 0) else {
        return Ok(None);
    };
    let digits = property::digits_of(conn, property_id).await?;
    Ok(Some(money::from_minor(n.amount_minor, digits)))
}

/// Posts the reservation's room charge for `night` at its booked price, unless that night is
/// already charged on one of its folios; a zero rate posts nothing (check-out of a guest leaving
/// before the audit, and the night audit).
pub async fn post_room_night<C: ConnectionTrait + TransactionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    actor: &Actor,
    reservation_id: i32,
    night: NaiveDate,
) -> Result<Option<posting::Model>> {
    require_any(actor, &POSTS_AS_PART_OF_WORK)?;
    match room_night_due(conn, actor.property_id, reservation_id, night).await? {
        Some(amount) => Ok(Some(
            post_room_charge(conn, now, actor, reservation_id, night, amount).await?,
        )),
        None => Ok(None),
    }
}

/// Posts a fee (cancellation, no-show, early departure, late check-out — any charge code) on
/// the reservation's main folio or where the code is routed.
pub async fn post_fee<C: ConnectionTrait + TransactionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    actor: &Actor,
    reservation_id: i32,
    code: &str,
    amount: Decimal,
    description: &str,
) -> Result<posting::Model> {
    require_any(actor, &POSTS_AS_PART_OF_WORK)?;
    let description = validate::optional_text("description", description, 200)?;
    refuse_card_number("description", &description)?;
    let txn = conn.begin().await?;
    let digits = property::digits_of(&txn, actor.property_id).await?;
    let minor = positive("amount", amount, digits)?;
    let f = ensure_folio(&txn, now, actor, reservation_id).await?;
    let code = charge_codes::by_code(&txn, actor.property_id, code).await?;
    let row = charge(&txn, now, actor, f, &code, line(minor, description, None)).await?;
    txn.commit().await?;
    Ok(row)
}

#[cfg(test)]
mod tests {
    use super::tax_of;

    #[test]
    fn vat_is_split_out_of_the_inclusive_amount() {
        assert_eq!(tax_of(29900, 600), 1692);
        assert_eq!(tax_of(10600, 600), 600);
        assert_eq!(tax_of(-10600, 600), -600);
        assert_eq!(tax_of(5000, 0), 0);
    }
}
