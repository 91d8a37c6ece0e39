//! First run: the hotel and its administrator. There is no default account; the person who
//! installs Innkeep chooses the administrator's name and password.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set, TransactionTrait};
use serde::Deserialize;

use crate::audit;
use crate::auth::{self, Actor};
use crate::entity::{property, staff_user};
use crate::error::{Error, Result};
use crate::users::{self, NewUser};
use crate::{property as hotel, roles, validate};

/// What the first-run form asks.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CreateAdministratorInput {
    pub property_name: String,
    pub currency: String,
    pub time_zone: String,
    pub username: String,
    pub display_name: String,
    pub password: String,
}

/// Minor digits of common currencies (ISO 4217); others default to 2.
pub fn currency_digits(code: &str) -> i16 {
    match code {
        "JPY" | "KRW" | "VND" | "CLP" | "ISK" => 0,
        "BHD" | "KWD" | "OMR" | "JOD" | "TND" => 3,
        _ => 2,
    }
}

/// Creates the property, its default roles and the administrator, all or nothing. Refused
/// once any staff account exists.
pub async fn create_administrator(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    language: &str,
    input: CreateAdministratorInput,
) -> Result<staff_user::Model> {
    let name = validate::text("propertyName", &input.property_name, 120)?;
    let currency = hotel::currency(&input.currency)?;
    let tz = hotel::time_zone("timeZone", &input.time_zone)?;
    let txn = db.begin().await?;
    if users::any(&txn).await? {
        return Err(Error::SetupAlreadyDone);
    }
    let existing = hotel::current(&txn).await?;
    let property = match existing {
        Some(p) => p,
        None => {
            property::ActiveModel {
                name: Set(name),
                address: Set(String::new()),
                phone: Set(String::new()),
                email: Set(String::new()),
                taxpayer_id: Set(String::new()),
                currency_digits: Set(currency_digits(&currency)),
                currency: Set(currency),
                time_zone: Set(tz.name().to_string()),
                check_in_time: Set("14:00".into()),
                check_out_time: Set("12:00".into()),
                business_date: Set(now.with_timezone(&tz).date_naive()),
                folio_credit_limit_minor: Set(0),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?
        }
    };
    let admin_role =
        match roles::by_code(&txn, property.id, crate::permission::ADMINISTRATOR).await? {
            Some(r) => r.id,
            None => roles::create_defaults(&txn, property.id).await?,
        };
    crate::folios::create_default_charge_codes(&txn, property.id).await?;
    let user = users::insert(
        &txn,
        now,
        property.id,
        &NewUser {
            username: input.username,
            display_name: input.display_name,
            password: input.password,
            role_id: admin_role,
        },
        language,
    )
    .await?;
    let actor: Actor = auth::actor_for(&txn, &user).await?;
    audit::record(
        &txn,
        now,
        &actor,
        "setup.completed",
        "property",
        property.id,
        format!(
            "{} created with administrator {}",
            property.name, user.username
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(user)
}
