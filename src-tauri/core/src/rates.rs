//! Rate plans: how a room type is priced (base price, price rules by date range and weekday,
//! tax mode and rate, stay restrictions) and what cancelling or not showing up costs. Amounts
//! are stored in minor units; the pure arithmetic lives in [`crate::pricing`].

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use serde::{Deserialize, Serialize};

use crate::audit;
use crate::auth::Actor;
use crate::entity::{rate_plan, rate_rule, room_type};
use crate::error::Result;
use crate::permission::Permission;
use crate::pricing::{
    CancellationFee, CancellationPolicy, NoShowRule, PriceRule, RatePlanTerms, WeekdaySet,
};
use crate::validate::{self, Invalid, Rule};
use crate::{money, property};

/// A price rule as edited: dates inclusive and optional, weekdays as a bit set (Monday = 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RateRuleInput {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub weekdays: u8,
    pub price: Option<String>,
    pub closed_to_arrival: bool,
    pub closed_to_departure: bool,
}

/// A rate plan as edited (`id` null to create). Percentages are decimal strings ("6" = 6 %).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RatePlanInput {
    pub id: Option<i32>,
    pub room_type_id: i32,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    /// standard, member or corporate.
    pub kind: String,
    pub base_price: String,
    pub tax_inclusive: bool,
    pub tax_percent: String,
    pub min_stay: u32,
    pub max_stay: Option<u32>,
    pub cancel_free_hours: u32,
    /// none, first_night, percent or whole_stay.
    pub cancel_fee: String,
    pub cancel_fee_percent: String,
    pub no_show_fee: String,
    pub no_show_fee_percent: String,
    pub rules: Vec<RateRuleInput>,
    pub active: bool,
}

const KINDS: [&str; 3] = ["standard", "member", "corporate"];
const FEES: [&str; 4] = ["none", "first_night", "percent", "whole_stay"];

pub(crate) fn percent_bp(field: &'static str, text: &str) -> Result<i32, Invalid> {
    let p = money::parse(field, text)?;
    if p.is_sign_negative() || p > Decimal::from(100) {
        return Err(Invalid::new(field, Rule::Range { min: 0, max: 100 }));
    }
    i32::try_from(money::to_minor(field, p, 2)?).map_err(|_| Invalid::new(field, Rule::Format))
}

pub(crate) fn price_minor(field: &'static str, text: &str, digits: u32) -> Result<i64, Invalid> {
    let p = money::parse(field, text)?;
    if p.is_sign_negative() {
        return Err(Invalid::new(field, Rule::Format));
    }
    money::to_minor(field, p, digits)
}

fn fee(field: &'static str, kind: &str) -> Result<String, Invalid> {
    FEES.contains(&kind)
        .then(|| kind.to_string())
        .ok_or(Invalid::new(field, Rule::Format))
}

/// Creates or changes a rate plan with its rules (permission `rates.manage`).
pub async fn save(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    input: RatePlanInput,
) -> Result<RatePlanInput> {
    actor.require(Permission::RatesManage)?;
    let digits = property::digits_of(db, actor.property_id).await?;
    let code = validate::text("code", &input.code, 16)?.to_uppercase();
    if !KINDS.contains(&input.kind.as_str()) {
        return Err(Invalid::new("kind", Rule::Format).into());
    }
    if input.min_stay == 0 || input.max_stay.is_some_and(|m| m < input.min_stay) {
        return Err(Invalid::new(
            "minStay",
            Rule::Range {
                min: 1,
                max: i64::from(input.max_stay.unwrap_or(365)),
            },
        )
        .into());
    }
    let txn = db.begin().await?;
    room_type::Entity::find_by_id(input.room_type_id)
        .one(&txn)
        .await?
        .filter(|t| t.property_id == actor.property_id)
        .ok_or(Invalid::new("roomTypeId", Rule::Required))?;
    let mut m = match input.id {
        Some(id) => rate_plan::ActiveModel::from(plan_of(&txn, actor, id).await?),
        None => rate_plan::ActiveModel {
            property_id: Set(actor.property_id),
            ..Default::default()
        },
    };
    m.room_type_id = Set(input.room_type_id);
    m.code = Set(code);
    m.name_zh = Set(validate::text("nameZh", &input.name_zh, 80)?);
    m.name_en = Set(validate::text("nameEn", &input.name_en, 80)?);
    m.kind = Set(input.kind.clone());
    m.base_price_minor = Set(price_minor("basePrice", &input.base_price, digits)?);
    m.tax_inclusive = Set(input.tax_inclusive);
    m.tax_rate_bp = Set(percent_bp("taxPercent", &input.tax_percent)?);
    m.min_stay = Set(i32::try_from(input.min_stay).unwrap_or(1));
    m.max_stay = Set(input.max_stay.and_then(|v| i32::try_from(v).ok()));
    m.cancel_free_hours = Set(i32::try_from(input.cancel_free_hours.min(24 * 365)).unwrap_or(0));
    m.cancel_fee = Set(fee("cancelFee", &input.cancel_fee)?);
    m.cancel_fee_percent_bp = Set(percent_bp("cancelFeePercent", &input.cancel_fee_percent)?);
    m.no_show_fee = Set(fee("noShowFee", &input.no_show_fee)?);
    m.no_show_fee_percent_bp = Set(percent_bp("noShowFeePercent", &input.no_show_fee_percent)?);
    m.active = Set(input.active);
    let saved = if input.id.is_some() {
        m.update(&txn).await?
    } else {
        m.insert(&txn).await?
    };
    rate_rule::Entity::delete_many()
        .filter(rate_rule::Column::RatePlanId.eq(saved.id))
        .exec(&txn)
        .await?;
    for (i, r) in input.rules.iter().enumerate() {
        if let (Some(f), Some(t)) = (r.from, r.to)
            && t < f
        {
            return Err(Invalid::new("to", Rule::Format).into());
        }
        let price = r
            .price
            .as_deref()
            .filter(|p| !p.trim().is_empty())
            .map(|p| price_minor("price", p, digits))
            .transpose()?;
        rate_rule::ActiveModel {
            rate_plan_id: Set(saved.id),
            position: Set(i32::try_from(i).unwrap_or(i32::MAX)),
            date_from: Set(r.from),
            date_to: Set(r.to),
            weekdays: Set(i16::from(r.weekdays & 0x7f)),
            price_minor: Set(price),
            closed_to_arrival: Set(r.closed_to_arrival),
            closed_to_departure: Set(r.closed_to_departure),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    let action = if input.id.is_some() {
        "rate_plan.updated"
    } else {
        "rate_plan.created"
    };
    let summary = format!(
        "{} base {} ({} rules)",
        saved.code,
        input.base_price,
        input.rules.len()
    );
    audit::record(&txn, now, actor, action, "rate_plan", saved.id, summary).await?;
    let v = view(&txn, saved, digits).await?;
    txn.commit().await?;
    Ok(v)
}

async fn plan_of(conn: &impl ConnectionTrait, actor: &Actor, id: i32) -> Result<rate_plan::Model> {
    rate_plan::Entity::find_by_id(id)
        .one(conn)
        .await?
        .filter(|p| p.property_id == actor.property_id)
        .ok_or_else(|| Invalid::new("ratePlanId", Rule::Required).into())
}

/// The hotel's rate plans with their rules, as the editor shows them.
pub async fn list(conn: &impl ConnectionTrait, actor: &Actor) -> Result<Vec<RatePlanInput>> {
    let digits = property::digits_of(conn, actor.property_id).await?;
    let plans = rate_plan::Entity::find()
        .filter(rate_plan::Column::PropertyId.eq(actor.property_id))
        .order_by_asc(rate_plan::Column::RoomTypeId)
        .order_by_asc(rate_plan::Column::Code)
        .all(conn)
        .await?;
    let mut out = Vec::with_capacity(plans.len());
    for p in plans {
        out.push(view(conn, p, digits).await?);
    }
    Ok(out)
}

async fn view(
    conn: &impl ConnectionTrait,
    p: rate_plan::Model,
    digits: u32,
) -> Result<RatePlanInput> {
    let rules = rate_rule::Entity::find()
        .filter(rate_rule::Column::RatePlanId.eq(p.id))
        .order_by_asc(rate_rule::Column::Position)
        .all(conn)
        .await?;
    let percent = |v: i32| bp(v).normalize().to_string();
    Ok(RatePlanInput {
        id: Some(p.id),
        room_type_id: p.room_type_id,
        code: p.code,
        name_zh: p.name_zh,
        name_en: p.name_en,
        kind: p.kind,
        base_price: money::from_minor(p.base_price_minor, digits).to_string(),
        tax_inclusive: p.tax_inclusive,
        tax_percent: percent(p.tax_rate_bp),
        min_stay: u32::try_from(p.min_stay).unwrap_or(1),
        max_stay: p.max_stay.and_then(|m| u32::try_from(m).ok()),
        cancel_free_hours: u32::try_from(p.cancel_free_hours).unwrap_or(0),
        cancel_fee: p.cancel_fee,
        cancel_fee_percent: percent(p.cancel_fee_percent_bp),
        no_show_fee: p.no_show_fee,
        no_show_fee_percent: percent(p.no_show_fee_percent_bp),
        rules: rules
            .into_iter()
            .map(|r| RateRuleInput {
                from: r.date_from,
                to: r.date_to,
                weekdays: u8::try_from(r.weekdays).unwrap_or(0x7f),
                price: r
                    .price_minor
                    .map(|m| money::from_minor(m, digits).to_string()),
                closed_to_arrival: r.closed_to_arrival,
                closed_to_departure: r.closed_to_departure,
            })
            .collect(),
        active: p.active,
    })
}

/// Loads a plan by id, whoever asks (for reservations that already hold it).
pub async fn get_any(conn: &impl ConnectionTrait, id: i32) -> Result<rate_plan::Model> {
    rate_plan::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(crate::error::Error::NotFound {
            entity: "rate plan",
        })
}

/// Loads a plan of the actor's property.
pub async fn get(conn: &impl ConnectionTrait, actor: &Actor, id: i32) -> Result<rate_plan::Model> {
    plan_of(conn, actor, id).await
}

fn bp(value: i32) -> Decimal {
    Decimal::new(i64::from(value), 2)
}

fn fee_of(kind: &str, percent_bp: i32) -> CancellationFee {
    match kind {
        "none" => CancellationFee::None,
        "percent" => CancellationFee::Percent(bp(percent_bp)),
        "whole_stay" => CancellationFee::WholeStay,
        _ => CancellationFee::FirstNight,
    }
}

/// The pricing terms of a plan, for [`crate::pricing::quote`].
pub async fn terms(
    conn: &impl ConnectionTrait,
    plan: &rate_plan::Model,
    digits: u32,
) -> Result<RatePlanTerms> {
    let rules = rate_rule::Entity::find()
        .filter(rate_rule::Column::RatePlanId.eq(plan.id))
        .order_by_asc(rate_rule::Column::Position)
        .all(conn)
        .await?;
    Ok(RatePlanTerms {
        base_price: money::from_minor(plan.base_price_minor, digits),
        tax_inclusive: plan.tax_inclusive,
        tax_rate: bp(plan.tax_rate_bp) / Decimal::from(100),
        rules: rules
            .into_iter()
            .map(|r| PriceRule {
                from: r.date_from,
                to: r.date_to,
                weekdays: WeekdaySet(u8::try_from(r.weekdays).unwrap_or(0x7f)),
                price: r.price_minor.map(|p| money::from_minor(p, digits)),
                closed_to_arrival: r.closed_to_arrival,
                closed_to_departure: r.closed_to_departure,
            })
            .collect(),
        min_stay: u32::try_from(plan.min_stay).unwrap_or(1),
        max_stay: plan.max_stay.and_then(|m| u32::try_from(m).ok()),
        currency_digits: digits,
    })
}

/// The cancellation policy and no-show rule of a plan.
pub fn policies(plan: &rate_plan::Model) -> (CancellationPolicy, NoShowRule) {
    (
        CancellationPolicy {
            free_until_hours_before: u32::try_from(plan.cancel_free_hours).unwrap_or(0),
            fee: fee_of(&plan.cancel_fee, plan.cancel_fee_percent_bp),
        },
        NoShowRule {
            fee: fee_of(&plan.no_show_fee, plan.no_show_fee_percent_bp),
        },
    )
}
