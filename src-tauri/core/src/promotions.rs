//! Promotions: a code giving a percentage or an amount off each night, valid for bookings made
//! (business date) between two dates, optionally limited in uses. Managed with `rates.manage`; a booking that
//! uses one counts against its limit (reservations/book.rs), and pricing applies it (pricing/).

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use serde::{Deserialize, Serialize};

use crate::auth::Actor;
use crate::entity::promotion;
use crate::error::Result;
use crate::permission::Permission;
use crate::rates::{percent_bp, price_minor};
use crate::validate::{self, Invalid, Rule};
use crate::{audit, money, property};

/// How a promotion reduces the price.
pub const KINDS: [&str; 2] = ["percent", "amount"];

/// A promotion as the editor shows and saves it (`id` null to create).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PromotionInput {
    pub id: Option<i32>,
    pub code: String,
    /// "percent" (value in percent, e.g. "15") or "amount" (value in the currency, per night).
    pub kind: String,
    pub value: String,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub usage_limit: Option<u32>,
    /// How often bookings used it (read-only).
    pub used_count: u32,
}

fn view(m: promotion::Model, digits: u32) -> PromotionInput {
    let (kind, value) = match (m.percent_bp, m.amount_minor) {
        (Some(bp), _) => ("percent", Decimal::new(i64::from(bp), 2).normalize()),
        (None, amount) => ("amount", money::from_minor(amount.unwrap_or(0), digits)),
    };
    PromotionInput {
        id: Some(m.id),
        code: m.code,
        kind: kind.into(),
        value: value.to_string(),
        valid_from: m.valid_from,
        valid_to: m.valid_to,
        usage_limit: m.usage_limit.and_then(|l| u32::try_from(l).ok()),
        used_count: u32::try_from(m.used_count).unwrap_or(0),
    }
}

fn code(text: &str) -> Result<String, Invalid> {
    let c = validate::text("code", text, 24)?.to_uppercase();
    if c.chars().count() < 2 {
        return Err(Invalid::new("code", Rule::TooShort { min: 2 }));
    }
    if !c
        .chars()
        .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_')
    {
        return Err(Invalid::new("code", Rule::Format));
    }
    Ok(c)
}

/// The hotel's promotions, newest validity first (permission `rates.manage`).
pub async fn list(conn: &impl ConnectionTrait, actor: &Actor) -> Result<Vec<PromotionInput>> {
    actor.require(Permission::RatesManage)?;
    let digits = property::digits_of(conn, actor.property_id).await?;
    Ok(promotion::Entity::find()
        .filter(promotion::Column::PropertyId.eq(actor.property_id))
        .order_by_desc(promotion::Column::ValidTo)
        .order_by_asc(promotion::Column::Code)
        .all(conn)
        .await?
        .into_iter()
        .map(|m| view(m, digits))
        .collect())
}

/// Creates or changes a promotion (permission `rates.manage`). A limit below the uses already
/// made is refused; to end a promotion early, move its last date.
pub async fn save(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    input: &PromotionInput,
) -> Result<PromotionInput> {
    actor.require(Permission::RatesManage)?;
    let digits = property::digits_of(db, actor.property_id).await?;
    let code = code(&input.code)?;
    let (percent, amount) = match input.kind.as_str() {
        "percent" => {
            let bp = percent_bp("value", &input.value)?;
            if bp == 0 {
                return Err(Invalid::new("value", Rule::Range { min: 0, max: 100 }).into());
            }
            (Some(bp), None)
        }
        "amount" => {
            let minor = price_minor("value", &input.value, digits)?;
            if minor == 0 {
                return Err(Invalid::new("value", Rule::Format).into());
            }
            (None, Some(minor))
        }
        _ => return Err(Invalid::new("kind", Rule::Format).into()),
    };
    if input.valid_to < input.valid_from {
        return Err(Invalid::new("validTo", Rule::Format).into());
    }
    let txn = db.begin().await?;
    let same_code = promotion::Entity::find()
        .filter(promotion::Column::PropertyId.eq(actor.property_id))
        .filter(promotion::Column::Code.eq(code.clone()))
        .one(&txn)
        .await?;
    if same_code.is_some_and(|p| Some(p.id) != input.id) {
        return Err(Invalid::new("code", Rule::Duplicate { value: code }).into());
    }
    let mut m = match input.id {
        Some(id) => promotion::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .filter(|p| p.property_id == actor.property_id)
            .map(promotion::ActiveModel::from)
            .ok_or(Invalid::new("id", Rule::Required))?,
        None => promotion::ActiveModel {
            property_id: Set(actor.property_id),
            used_count: Set(0),
            ..Default::default()
        },
    };
    let used = m.used_count.clone().unwrap();
    if let Some(limit) = input.usage_limit {
        validate::range(
            "usageLimit",
            i64::from(limit),
            i64::from(used.max(1)),
            1_000_000,
        )?;
    }
    m.code = Set(code.clone());
    m.percent_bp = Set(percent);
    m.amount_minor = Set(amount);
    m.valid_from = Set(input.valid_from);
    m.valid_to = Set(input.valid_to);
    m.usage_limit = Set(input.usage_limit.and_then(|l| i32::try_from(l).ok()));
    let saved = if input.id.is_some() {
        m.update(&txn).await?
    } else {
        m.insert(&txn).await?
    };
    let action = if input.id.is_some() {
        "promotion.updated"
    } else {
        "promotion.created"
    };
    let summary = format!(
        "{code}: {} {} off, {}–{}",
        input.value, input.kind, input.valid_from, input.valid_to
    );
    audit::record(&txn, now, actor, action, "promotion", saved.id, summary).await?;
    txn.commit().await?;
    Ok(view(saved, digits))
}
