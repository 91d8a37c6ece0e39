//! Walking a guest: a confirmed reservation the hotel cannot house (typically after overbooking)
//! is sent to a partner hotel. The partner, the cost borne by the hotel and the reason are kept,
//! the nights are released and the reservation is closed as walked; walks are counted for reports.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, Set,
};
use serde::Deserialize;

use super::{ReservationView, state, view};
use crate::auth::Actor;
use crate::entity::{reservation, reservation_night, walk};
use crate::error::Result;
use crate::permission::Permission;
use crate::validate::{self, Invalid, Rule};
use crate::{audit, money, property};

/// Where the guest went, what it cost the hotel, and why.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct WalkInput {
    pub partner_hotel: String,
    /// Decimal string in the hotel's currency; zero when the partner bears it.
    pub cost: String,
    pub reason: String,
}

/// Walks a confirmed reservation that is not in the house (permission `reservations.manage`).
pub async fn walk(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    id: i32,
    input: &WalkInput,
) -> Result<ReservationView> {
    actor.require(Permission::ReservationsManage)?;
    let partner = validate::text("partnerHotel", &input.partner_hotel, 120)?;
    let reason = validate::text("reason", &input.reason, 500)?;
    let cost = money::parse("cost", &input.cost)?;
    if cost < Decimal::ZERO {
        return Err(Invalid::new("cost", Rule::Format).into());
    }
    let txn = crate::db::begin_write(db).await?;
    let r = super::load(&txn, actor, id, &[state::CONFIRMED]).await?;
    let p = property::get(&txn, r.property_id).await?;
    let digits = property::digits(&p);
    let cost_minor = money::to_minor("cost", cost, digits)?;
    reservation_night::Entity::delete_many()
        .filter(reservation_night::Column::ReservationId.eq(r.id))
        .exec(&txn)
        .await?;
    walk::ActiveModel {
        property_id: Set(r.property_id),
        reservation_id: Set(r.id),
        partner_hotel: Set(partner.clone()),
        cost_minor: Set(cost_minor),
        reason: Set(reason.clone()),
        business_date: Set(p.business_date),
        walked_at: Set(now),
        user_id: Set(actor.user_id),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let booking = r.booking_no.clone();
    let mut m: reservation::ActiveModel = r.into();
    m.state = Set(state::WALKED.into());
    m.room_id = Set(None);
    m.updated_at = Set(now);
    let saved = m.update(&txn).await?;
    audit::record(
        &txn,
        now,
        actor,
        "reservation.walked",
        "reservation",
        saved.id,
        format!("{booking} walked to {partner}, cost {cost}; {reason}"),
    )
    .await?;
    let v = view(&txn, saved, digits).await?;
    txn.commit().await?;
    Ok(v)
}

/// Walks recorded on business dates `from..to` (for reports).
pub async fn walks_between(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<u64> {
    actor.require(Permission::ReservationsManage)?;
    Ok(walk::Entity::find()
        .filter(walk::Column::PropertyId.eq(actor.property_id))
        .filter(walk::Column::BusinessDate.gte(from))
        .filter(walk::Column::BusinessDate.lt(to))
        .count(conn)
        .await?)
}
