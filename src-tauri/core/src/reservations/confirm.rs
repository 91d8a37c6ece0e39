//! Confirming tentative reservations: a tentative booking holds no inventory, so confirming it
//! prices its nights by the rate plan, checks availability night by night and writes the nights
//! (through the room guard when a room is already chosen) — one reservation per transaction, so a
//! batch confirms what it can and reports the rest with the reason.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, QuerySelect, Set};
use serde::Serialize;

use super::book::{check_night, promotion_of, write_nights};
use super::{ReservationView, state, view};
use crate::auth::Actor;
use crate::entity::{promotion, reservation, room, room_type};
use crate::error::{ApiError, Error, Result};
use crate::permission::Permission;
use crate::{audit, money, pricing, property, rates};

/// What a batch confirmation did.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BatchResult {
    pub done: Vec<ReservationView>,
    pub failed: Vec<BatchFailure>,
}

/// One reservation a batch could not handle, and why.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BatchFailure {
    pub id: i32,
    pub error: ApiError,
}

/// Confirms one tentative reservation (permission `reservations.manage`).
pub async fn confirm(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    id: i32,
    confirm_overbooking: bool,
) -> Result<ReservationView> {
    actor.require(Permission::ReservationsManage)?;
    let txn = crate::db::begin_write(db).await?;
    let r = super::load(&txn, actor, id, &[state::TENTATIVE]).await?;
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
    let quote = pricing::quote(
        &terms,
        r.arrival,
        r.departure,
        promo.as_ref().map(|(_, p)| p),
        p.business_date,
    )?;
    let mut overbooked = false;
    for n in &quote.nights {
        overbooked |=
            check_night(&txn, actor, confirm_overbooking, r.room_type_id, n.night).await?;
    }
    let assigned = match r.room_id {
        Some(rid) => room::Entity::find_by_id(rid).one(&txn).await?,
        None => None,
    };
    write_nights(&txn, &r, assigned.as_ref(), &quote, digits).await?;
    let booking = r.booking_no.clone();
    let mut m: reservation::ActiveModel = r.into();
    m.state = Set(state::CONFIRMED.into());
    m.total_minor = Set(money::to_minor("total", quote.total, digits)?);
    m.overbooked = Set(overbooked);
    m.updated_at = Set(now);
    let saved = m.update(&txn).await?;
    audit::record(
        &txn,
        now,
        actor,
        "reservation.confirmed",
        "reservation",
        saved.id,
        format!("{booking}: total {}", quote.total),
    )
    .await?;
    let v = view(&txn, saved, digits).await?;
    txn.commit().await?;
    Ok(v)
}

/// Confirms each tentative reservation of `ids` on its own; overbooking is never implied.
pub async fn confirm_many(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    ids: &[i32],
) -> Result<BatchResult> {
    actor.require(Permission::ReservationsManage)?;
    let mut result = BatchResult {
        done: Vec::new(),
        failed: Vec::new(),
    };
    for &id in ids {
        match confirm(db, now, actor, id, false).await {
            Ok(v) => result.done.push(v),
            Err(e @ (Error::Db(_) | Error::Io(_) | Error::Internal(_))) => return Err(e),
            Err(e) => result.failed.push(BatchFailure {
                id,
                error: e.to_api(),
            }),
        }
    }
    Ok(result)
}
