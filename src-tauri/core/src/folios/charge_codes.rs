//! Charge codes: what a charge is for, its department and its VAT rate (basis points, the price
//! includes it). Every property starts with the defaults below; the system's own codes (room
//! nights and fees) stay active, the others can be renamed, re-rated, added and retired.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TryIntoModel,
};
use serde::{Deserialize, Serialize};

use super::FolioError;
use crate::auth::Actor;
use crate::entity::charge_code;
use crate::error::{Error, Result};
use crate::permission::Permission;
use crate::validate::{self, Invalid, Rule};
use crate::{audit, money};

/// The codes the system itself posts with.
pub mod code {
    pub const ROOM: &str = "ROOM";
    pub const CANCEL: &str = "CANCEL";
    pub const NOSHOW: &str = "NOSHOW";
    pub const EARLYDEP: &str = "EARLYDEP";
    pub const LATECO: &str = "LATECO";
    /// Codes that cannot be retired.
    pub const REQUIRED: [&str; 5] = [ROOM, CANCEL, NOSHOW, EARLYDEP, LATECO];
}

/// Departments a charge code belongs to (revenue reports group by them).
pub const DEPARTMENTS: [&str; 4] = ["rooms", "food_beverage", "events", "other"];

/// (code, 中文, English, department, VAT in basis points) every property starts with.
pub const DEFAULT_CHARGE_CODES: [(&str, &str, &str, &str, i32); 12] = [
    ("ROOM", "房费", "Room", "rooms", 600),
    ("BREAKFAST", "早餐", "Breakfast", "food_beverage", 600),
    ("FB", "餐饮", "Food & beverage", "food_beverage", 600),
    ("MINIBAR", "迷你吧", "Minibar", "food_beverage", 1300),
    ("LAUNDRY", "洗衣", "Laundry", "rooms", 600),
    ("PHONE", "电话", "Telephone", "other", 900),
    ("MEETING", "会议室", "Meeting room", "events", 600),
    ("MISC", "杂项", "Miscellaneous", "other", 600),
    ("CANCEL", "取消费", "Cancellation fee", "rooms", 600),
    ("NOSHOW", "未到费", "No-show fee", "rooms", 600),
    (
        "EARLYDEP",
        "提前离店费",
        "Early departure fee",
        "rooms",
        600,
    ),
    ("LATECO", "延迟退房费", "Late check-out fee", "rooms", 600),
];

/// A charge code as the UI shows it; the tax rate as a percentage string ("6.00").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ChargeCodeView {
    pub id: i32,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub department: String,
    #[specta(type = String)]
    pub tax_percent: Decimal,
    pub active: bool,
    /// Posted by the system itself (room nights, fees): cannot be retired.
    pub required: bool,
}

/// A new or edited charge code; the code itself cannot change once created.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ChargeCodeInput {
    pub id: Option<i32>,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub department: String,
    pub tax_percent: String,
    pub active: bool,
}

impl From<charge_code::Model> for ChargeCodeView {
    fn from(m: charge_code::Model) -> Self {
        Self {
            required: code::REQUIRED.contains(&m.code.as_str()),
            id: m.id,
            code: m.code,
            name_zh: m.name_zh,
            name_en: m.name_en,
            department: m.department,
            tax_percent: money::from_minor(i64::from(m.tax_rate_bp), 2),
            active: m.active,
        }
    }
}

/// Creates the default codes a property does not have yet (setup and the demo call it).
pub async fn create_default_charge_codes(
    conn: &impl ConnectionTrait,
    property_id: i32,
) -> Result<()> {
    let have: Vec<String> = charge_code::Entity::find()
        .filter(charge_code::Column::PropertyId.eq(property_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| c.code)
        .collect();
    for (c, zh, en, dept, bp) in DEFAULT_CHARGE_CODES {
        if have.iter().any(|h| h == c) {
            continue;
        }
        charge_code::ActiveModel {
            property_id: Set(property_id),
            code: Set(c.into()),
            name_zh: Set(zh.into()),
            name_en: Set(en.into()),
            department: Set(dept.into()),
            tax_rate_bp: Set(bp),
            active: Set(true),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}

/// The property's charge codes by code; `all` includes retired ones (permission `folios.post`
/// or `settings.manage`).
pub async fn list_charge_codes(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    all: bool,
) -> Result<Vec<ChargeCodeView>> {
    super::require_any(actor, &[Permission::FoliosPost, Permission::SettingsManage])?;
    let mut q =
        charge_code::Entity::find().filter(charge_code::Column::PropertyId.eq(actor.property_id));
    if !all {
        q = q.filter(charge_code::Column::Active.eq(true));
    }
    Ok(q.order_by_asc(charge_code::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(ChargeCodeView::from)
        .collect())
}

/// An active charge code of the property by its code.
pub(super) async fn by_code(
    conn: &impl ConnectionTrait,
    property_id: i32,
    c: &str,
) -> Result<charge_code::Model> {
    charge_code::Entity::find()
        .filter(charge_code::Column::PropertyId.eq(property_id))
        .filter(charge_code::Column::Code.eq(c.trim().to_uppercase()))
        .filter(charge_code::Column::Active.eq(true))
        .one(conn)
        .await?
        .ok_or_else(|| FolioError::UnknownChargeCode { code: c.into() }.into())
}

/// The tax rate typed as a percentage (0–100, at most two decimals) in basis points.
fn tax_bp(text: &str) -> Result<i32, Invalid> {
    let percent = money::parse("taxPercent", text)?;
    let bp = money::to_minor("taxPercent", percent, 2)?;
    if !(0..=10_000).contains(&bp) {
        return Err(Invalid::new("taxPercent", Rule::Range { min: 0, max: 100 }));
    }
    i32::try_from(bp).map_err(|_| Invalid::new("taxPercent", Rule::Format))
}

/// Creates or edits a charge code (permission `settings.manage`).
pub async fn save_charge_code(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    actor: &Actor,
    input: ChargeCodeInput,
) -> Result<ChargeCodeView> {
    actor.require(Permission::SettingsManage)?;
    let name_zh = validate::text("nameZh", &input.name_zh, 60)?;
    let name_en = validate::text("nameEn", &input.name_en, 60)?;
    if !DEPARTMENTS.contains(&input.department.as_str()) {
        return Err(Invalid::new("department", Rule::Format).into());
    }
    let bp = tax_bp(&input.tax_percent)?;
    let mut m = match input.id {
        Some(id) => {
            let row = charge_code::Entity::find_by_id(id)
                .one(conn)
                .await?
                .filter(|c| c.property_id == actor.property_id)
                .ok_or(Error::NotFound {
                    entity: "charge_code",
                })?;
            if !input.active && code::REQUIRED.contains(&row.code.as_str()) {
                return Err(FolioError::ChargeCodeRequired { code: row.code }.into());
            }
            charge_code::ActiveModel::from(row)
        }
        None => {
            let c = validate::text("code", &input.code, 16)?.to_uppercase();
            if !c
                .chars()
                .all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit() || ch == '_')
            {
                return Err(Invalid::new("code", Rule::Format).into());
            }
            let taken = charge_code::Entity::find()
                .filter(charge_code::Column::PropertyId.eq(actor.property_id))
                .filter(charge_code::Column::Code.eq(&c))
                .one(conn)
                .await?;
            if taken.is_some() {
                return Err(Invalid::new("code", Rule::Duplicate { value: c }).into());
            }
            charge_code::ActiveModel {
                property_id: Set(actor.property_id),
                code: Set(c),
                ..Default::default()
            }
        }
    };
    m.name_zh = Set(name_zh);
    m.name_en = Set(name_en);
    m.department = Set(input.department.clone());
    m.tax_rate_bp = Set(bp);
    m.active = Set(input.active);
    let saved = m.save(conn).await?.try_into_model()?;
    audit::record(
        conn,
        now,
        actor,
        "charge_code.saved",
        "charge_code",
        saved.id,
        format!(
            "{} {} / {}, {} bp{}",
            saved.code,
            saved.name_zh,
            saved.name_en,
            saved.tax_rate_bp,
            if saved.active { "" } else { ", retired" }
        ),
    )
    .await?;
    Ok(saved.into())
}
