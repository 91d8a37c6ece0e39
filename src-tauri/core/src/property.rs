//! The hotel itself: name, address, taxpayer ID, currency and its digits, time zone,
//! check-in/out times and the business date (moved only by the night audit, never by the clock).

use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryOrder, Set,
    TransactionTrait,
};
use serde::{Deserialize, Serialize};

use crate::audit;
use crate::auth::Actor;
use crate::entity::property;
use crate::error::{Error, Result};
use crate::money;
use crate::permission::Permission;
use crate::validate::{self, Invalid, Rule};

/// The property as the UI shows it; money as a decimal string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PropertyView {
    pub id: i32,
    pub name: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub taxpayer_id: String,
    pub currency: String,
    pub currency_digits: u8,
    pub time_zone: String,
    pub check_in_time: String,
    pub check_out_time: String,
    pub business_date: NaiveDate,
    #[specta(type = String)]
    pub folio_credit_limit: rust_decimal::Decimal,
}

/// Editable property details.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PropertyInput {
    pub name: String,
    pub address: String,
    pub phone: String,
    /// The hotel's own address for the header of its documents; empty when it has none.
    pub email: String,
    pub taxpayer_id: String,
    pub currency: String,
    pub currency_digits: u8,
    pub time_zone: String,
    pub check_in_time: String,
    pub check_out_time: String,
    pub folio_credit_limit: String,
}

impl From<property::Model> for PropertyView {
    fn from(m: property::Model) -> Self {
        let digits = u8::try_from(m.currency_digits).unwrap_or(2);
        Self {
            id: m.id,
            name: m.name,
            address: m.address,
            phone: m.phone,
            email: m.email,
            taxpayer_id: m.taxpayer_id,
            currency: m.currency,
            currency_digits: digits,
            time_zone: m.time_zone,
            check_in_time: m.check_in_time,
            check_out_time: m.check_out_time,
            business_date: m.business_date,
            folio_credit_limit: money::from_minor(m.folio_credit_limit_minor, u32::from(digits)),
        }
    }
}

/// The hotel of this database (the first property; every row carries its property id).
pub async fn current(conn: &impl ConnectionTrait) -> Result<Option<property::Model>> {
    Ok(property::Entity::find()
        .order_by_asc(property::Column::Id)
        .one(conn)
        .await?)
}

/// Loads a property by id.
pub async fn get(conn: &impl ConnectionTrait, id: i32) -> Result<property::Model> {
    property::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(Error::NotFound { entity: "property" })
}

/// Minor digits of the property's currency (2 for CNY), as money conversions want them.
pub fn digits(p: &property::Model) -> u32 {
    u32::try_from(p.currency_digits).unwrap_or(2)
}

/// Minor digits of a property's currency, looked up by id.
pub async fn digits_of(conn: &impl ConnectionTrait, property_id: i32) -> Result<u32> {
    Ok(digits(&get(conn, property_id).await?))
}

/// Parses a time zone name such as `Asia/Shanghai`.
pub fn time_zone(field: &'static str, name: &str) -> Result<chrono_tz::Tz, Invalid> {
    name.trim()
        .parse::<chrono_tz::Tz>()
        .map_err(|_| Invalid::new(field, Rule::Format))
}

/// A three-letter ISO 4217 currency code in capitals.
pub fn currency(value: &str) -> Result<String, Invalid> {
    let v = value.trim().to_uppercase();
    if v.len() != 3 || !v.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(Invalid::new("currency", Rule::Format));
    }
    Ok(v)
}

/// Updates the hotel's details (permission `settings.manage`); the business date is untouched.
pub async fn update(
    db: &DatabaseConnection,
    now: chrono::DateTime<Utc>,
    actor: &Actor,
    input: PropertyInput,
) -> Result<PropertyView> {
    actor.require(Permission::SettingsManage)?;
    let txn = db.begin().await?;
    let conn = &txn;
    let existing = get(conn, actor.property_id).await?;
    if input.currency_digits > 4 {
        return Err(Invalid::new("currencyDigits", Rule::Range { min: 0, max: 4 }).into());
    }
    let limit = money::parse("folioCreditLimit", &input.folio_credit_limit)?;
    if limit.is_sign_negative() {
        return Err(Invalid::new("folioCreditLimit", Rule::Format).into());
    }
    time_zone("timeZone", &input.time_zone)?;
    let mut m: property::ActiveModel = existing.into();
    m.name = Set(validate::text("propertyName", &input.name, 120)?);
    m.address = Set(validate::optional_text("address", &input.address, 300)?);
    m.phone = Set(validate::optional_text("phone", &input.phone, 40)?);
    m.email = Set(match input.email.trim() {
        "" => String::new(),
        email => crate::mail::address("propertyEmail", email)?,
    });
    m.taxpayer_id = Set(validate::optional_text(
        "taxpayerId",
        &input.taxpayer_id,
        40,
    )?);
    m.currency = Set(currency(&input.currency)?);
    m.currency_digits = Set(i16::from(input.currency_digits));
    m.time_zone = Set(input.time_zone.trim().to_string());
    m.check_in_time = Set(validate::time_of_day("checkInTime", &input.check_in_time)?);
    m.check_out_time = Set(validate::time_of_day(
        "checkOutTime",
        &input.check_out_time,
    )?);
    m.folio_credit_limit_minor = Set(money::to_minor(
        "folioCreditLimit",
        limit,
        u32::from(input.currency_digits),
    )?);
    let saved = m.update(conn).await?;
    audit::record(
        conn,
        now,
        actor,
        "property.updated",
        "property",
        saved.id,
        saved.name.clone(),
    )
    .await?;
    txn.commit().await?;
    Ok(saved.into())
}
