//! The late check-out fee: an amount the desk agrees with the guest who leaves after the
//! check-out time, posted with charge code LATECO on the reservation's folio (or where LATECO
//! is routed).

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sea_orm::{DatabaseConnection, EntityTrait, TransactionTrait};
use serde::{Deserialize, Serialize};

use super::in_house;
use crate::auth::Actor;
use crate::entity::folio;
use crate::error::{Error, Result};
use crate::folios::{self, code};
use crate::permission::Permission;
use crate::validate;
use crate::{audit, money};

/// A late check-out fee as the desk types it.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LateCheckOutFee {
    pub reservation_id: i32,
    /// Tax included.
    pub amount: String,
    /// E.g. "until 18:00"; printed on the folio.
    pub description: String,
}

/// Where a fee landed.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FeePosted {
    pub posting_id: i32,
    pub folio_id: i32,
    pub folio_number: String,
    #[specta(type = String)]
    pub amount: Decimal,
}

/// Posts a late check-out fee for a checked-in reservation (permission `frontdesk.operate`).
///
/// Errors: not in the house; an amount that is not positive; a description too long or holding
/// a card number; the folio closed or the business date locked.
pub async fn late_check_out_fee(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    input: LateCheckOutFee,
) -> Result<FeePosted> {
    actor.require(Permission::FrontdeskOperate)?;
    let amount = money::parse("amount", &input.amount)?;
    let description = validate::optional_text("description", &input.description, 200)?;
    let txn = db.begin().await?;
    let h = in_house(&txn, actor, input.reservation_id).await?;
    let posting = folios::post_fee(
        &txn,
        now,
        actor,
        h.reservation.id,
        code::LATECO,
        amount,
        &description,
    )
    .await?;
    let f = folio::Entity::find_by_id(posting.folio_id)
        .one(&txn)
        .await?
        .ok_or(Error::NotFound { entity: "folio" })?;
    let amount = money::from_minor(posting.amount_minor, h.digits);
    audit::record(
        &txn,
        now,
        actor,
        "stay.late_check_out_fee",
        "reservation",
        h.reservation.id,
        format!("{}: {amount} on {}", h.reservation.booking_no, f.number),
    )
    .await?;
    txn.commit().await?;
    Ok(FeePosted {
        posting_id: posting.id,
        folio_id: f.id,
        folio_number: f.number,
        amount,
    })
}
