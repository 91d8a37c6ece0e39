//! The figures of a closed business date, computed once inside the audit's transaction and
//! kept as JSON on its `night_audit` row: occupancy, ADR and RevPAR, revenue by charge code,
//! payments by method, voids and adjustments by user, and what the audit itself did.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};

use super::NightAuditError;
use crate::auth::Actor;
use crate::entity::{charge_code, night_audit, posting, room, room_block, staff_user};
use crate::error::{Error, Result};
use crate::permission::Permission;
use crate::{availability, folios, money, pricing, property};

/// Revenue of one charge code on the date (voids and adjustments included), tax inside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CodeTotal {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub amount: String,
    pub tax: String,
}

/// Payments taken by one method on the date, net of refunds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MethodTotal {
    pub method: String,
    pub count: u32,
    pub amount: String,
}

/// The voids and adjustments one user posted on the date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Corrections {
    pub user: String,
    pub voids: u32,
    pub voided: String,
    pub adjustments: u32,
    pub adjusted: String,
}

/// A reservation the audit marked as a no-show, with the fee posted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NoShowLine {
    pub booking_no: String,
    pub guest: String,
    pub fee: String,
}

/// The closed date's report figures. Amounts are decimal strings in the hotel's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AuditSummary {
    pub business_date: NaiveDate,
    pub closed_at: DateTime<Utc>,
    pub run_by: String,
    pub currency: String,
    pub rooms_available: u32,
    pub rooms_occupied: u32,
    /// Percent of available rooms occupied, one decimal ("62.5").
    pub occupancy: String,
    pub room_revenue: String,
    pub adr: String,
    pub revpar: String,
    pub revenue: Vec<CodeTotal>,
    pub revenue_total: String,
    pub payments: Vec<MethodTotal>,
    pub payments_total: String,
    pub corrections: Vec<Corrections>,
    pub room_charges: u32,
    pub no_shows: Vec<NoShowLine>,
    /// Pre-check findings the operator acknowledged.
    pub acknowledged: u32,
}

/// What the run knows that the postings do not say.
pub(super) struct RunFacts {
    pub closed_at: DateTime<Utc>,
    pub rooms_occupied: u32,
    pub room_charges: u32,
    pub no_shows: Vec<NoShowLine>,
    pub acknowledged: u32,
}

fn ratio(a: Decimal, b: u32, digits: u32) -> Decimal {
    if b == 0 {
        pricing::round(Decimal::ZERO, digits)
    } else {
        pricing::round(a / Decimal::from(b), digits)
    }
}

async fn rooms_available(
    conn: &impl ConnectionTrait,
    property_id: i32,
    date: NaiveDate,
) -> Result<u32> {
    let rooms = room::Entity::find()
        .filter(room::Column::PropertyId.eq(property_id))
        .filter(room::Column::Active.eq(true))
        .all(conn)
        .await?;
    let blocked = room_block::Entity::find()
        .filter(room_block::Column::PropertyId.eq(property_id))
        .filter(room_block::Column::Kind.eq(availability::OUT_OF_ORDER))
        .filter(room_block::Column::DateFrom.lte(date))
        .filter(room_block::Column::DateTo.gt(date))
        .all(conn)
        .await?;
    let open = rooms
        .iter()
        .filter(|r| !blocked.iter().any(|b| b.room_id == r.id))
        .count();
    Ok(u32::try_from(open).unwrap_or(0))
}

/// Computes the figures of `date` from its postings (inside the audit's transaction).
pub(super) async fn compute(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    date: NaiveDate,
    facts: RunFacts,
) -> Result<AuditSummary> {
    let p = property::get(conn, actor.property_id).await?;
    let digits = property::digits(&p);
    let m = |minor: i64| money::from_minor(minor, digits).to_string();
    let rows = posting::Entity::find()
        .filter(posting::Column::PropertyId.eq(actor.property_id))
        .filter(posting::Column::BusinessDate.eq(date))
        .all(conn)
        .await?;
    let codes: BTreeMap<i32, charge_code::Model> = charge_code::Entity::find()
        .filter(charge_code::Column::PropertyId.eq(actor.property_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let users: BTreeMap<i32, String> = staff_user::Entity::find()
        .filter(staff_user::Column::PropertyId.eq(actor.property_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    let mut by_code: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    let mut by_method: BTreeMap<String, (u32, i64)> = BTreeMap::new();
    let mut by_user: BTreeMap<String, (u32, i64, u32, i64)> = BTreeMap::new();
    let mut room_revenue = 0_i64;
    for r in &rows {
        if r.kind == folios::kind::CHARGE
            && let Some(c) = r.charge_code_id.and_then(|id| codes.get(&id))
        {
            let e = by_code.entry(c.code.clone()).or_default();
            e.0 += r.amount_minor;
            e.1 += r.tax_minor;
            if c.code == folios::code::ROOM && r.night == Some(date) {
                room_revenue += r.amount_minor;
            }
        }
        if r.kind == folios::kind::PAYMENT || r.kind == folios::kind::REFUND {
            let e = by_method.entry(r.payment_method.clone()).or_default();
            e.0 += u32::from(r.kind == folios::kind::PAYMENT && r.voids_id.is_none());
            e.1 -= r.amount_minor;
        }
        if r.voids_id.is_some() || r.adjusts_id.is_some() {
            let who = r
                .user_id
                .and_then(|id| users.get(&id).cloned())
                .unwrap_or_default();
            let e = by_user.entry(who).or_default();
            if r.voids_id.is_some() {
                e.0 += 1;
                e.1 += r.amount_minor;
            } else {
                e.2 += 1;
                e.3 += r.amount_minor;
            }
        }
    }
    let revenue: Vec<CodeTotal> = by_code
        .iter()
        .map(|(code, (amount, tax))| {
            let c = codes.values().find(|c| &c.code == code);
            CodeTotal {
                code: code.clone(),
                name_zh: c.map(|c| c.name_zh.clone()).unwrap_or_default(),
                name_en: c.map(|c| c.name_en.clone()).unwrap_or_default(),
                amount: m(*amount),
                tax: m(*tax),
            }
        })
        .collect();
    let available = rooms_available(conn, actor.property_id, date).await?;
    let room_revenue_dec = money::from_minor(room_revenue, digits);
    let occupancy = if available == 0 {
        Decimal::ZERO
    } else {
        Decimal::from(facts.rooms_occupied) * Decimal::ONE_HUNDRED / Decimal::from(available)
    };
    Ok(AuditSummary {
        business_date: date,
        closed_at: facts.closed_at,
        run_by: users
            .get(&actor.user_id.unwrap_or_default())
            .cloned()
            .unwrap_or_default(),
        currency: p.currency.clone(),
        rooms_available: available,
        rooms_occupied: facts.rooms_occupied,
        occupancy: pricing::round(occupancy, 1).to_string(),
        room_revenue: m(room_revenue),
        adr: ratio(room_revenue_dec, facts.rooms_occupied, digits).to_string(),
        revpar: ratio(room_revenue_dec, available, digits).to_string(),
        revenue_total: m(by_code.values().map(|v| v.0).sum()),
        revenue,
        payments_total: m(by_method.values().map(|v| v.1).sum()),
        payments: by_method
            .into_iter()
            .map(|(method, (count, amount))| MethodTotal {
                method,
                count,
                amount: m(amount),
            })
            .collect(),
        corrections: by_user
            .into_iter()
            .map(
                |(user, (voids, voided, adjustments, adjusted))| Corrections {
                    user,
                    voids,
                    voided: m(voided),
                    adjustments,
                    adjusted: m(adjusted),
                },
            )
            .collect(),
        room_charges: facts.room_charges,
        no_shows: facts.no_shows,
        acknowledged: facts.acknowledged,
    })
}

/// The figures of a closed date (permission `night_audit.run` or `reports.view`).
pub async fn closed_summary(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    date: NaiveDate,
) -> Result<AuditSummary> {
    if actor.require(Permission::ReportsView).is_err() {
        actor.require(Permission::NightAuditRun)?;
    }
    let row = night_audit::Entity::find()
        .filter(night_audit::Column::PropertyId.eq(actor.property_id))
        .filter(night_audit::Column::BusinessDate.eq(date))
        .one(conn)
        .await?
        .ok_or(NightAuditError::NotClosed { date })?;
    serde_json::from_str(&row.summary)
        .map_err(|e| Error::Internal(format!("night audit summary of {date}: {e}")))
}
