//! Corrections, both new postings with a reason (permission `folios.void`): a void reverses a
//! posting of the current business date, at most once (a unique index on `voids_id` makes a
//! second void impossible even from two terminals); an adjustment corrects a posting of an
//! earlier, closed date by an amount posted today.

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionSession, TransactionTrait,
};

use super::folio::{load, require_open};
use super::post::{Draft, insert, tax_of};
use super::{FolioError, Ledger, Line, kind};
use crate::auth::Actor;
use crate::entity::{charge_code, posting};
use crate::error::{Error, Result};
use crate::permission::Permission;
use crate::validate::{self, Invalid, Rule};
use crate::{money, property};

async fn correctable(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    posting_id: i32,
) -> Result<posting::Model> {
    let p = posting::Entity::find_by_id(posting_id)
        .one(conn)
        .await?
        .filter(|p| p.property_id == actor.property_id)
        .ok_or(Error::NotFound { entity: "posting" })?;
    if p.voids_id.is_some() || p.kind == kind::TRANSFER {
        return Err(FolioError::NotCorrectable.into());
    }
    Ok(p)
}

/// Refuses the correction if the folio would then have refunded more than a method paid or
/// hold a negative deposit.
async fn still_consistent(
    conn: &impl ConnectionTrait,
    folio_id: i32,
    draft: &Draft,
    digits: u32,
) -> Result<()> {
    let mut rows = super::view::lines(conn, folio_id).await?;
    rows.push((
        draft.kind.to_string(),
        draft.payment_method.clone(),
        draft.amount,
        draft.tax,
    ));
    Ledger::of(rows.iter().map(|(k, m, a, t)| Line {
        kind: k,
        method: m,
        amount: *a,
        tax: *t,
    }))
    .check(digits)?;
    Ok(())
}

/// Voids a posting of the current business date by a reversing posting.
pub async fn void_posting<C: ConnectionTrait + TransactionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    actor: &Actor,
    posting_id: i32,
    reason: &str,
) -> Result<posting::Model> {
    actor.require(Permission::FoliosVoid)?;
    let reason = validate::text("reason", reason, 500)?;
    let txn = conn.begin().await?;
    let original = correctable(&txn, actor, posting_id).await?;
    let f = load(&txn, actor, original.folio_id, true).await?;
    require_open(&f)?;
    let p = property::get(&txn, actor.property_id).await?;
    if original.business_date != p.business_date {
        return Err(FolioError::VoidOtherDate.into());
    }
    let voided = posting::Entity::find()
        .filter(posting::Column::VoidsId.eq(original.id))
        .one(&txn)
        .await?;
    if voided.is_some() {
        return Err(FolioError::AlreadyVoided.into());
    }
    let draft = Draft {
        kind: kind_of(&original.kind),
        charge_code_id: original.charge_code_id,
        payment_method: original.payment_method.clone(),
        amount: -original.amount_minor,
        tax: -original.tax_minor,
        night: original.night,
        description: original.description.clone(),
        reference: original.reference.clone(),
        card_brand: original.card_brand.clone(),
        card_last4: original.card_last4.clone(),
        auth_code: original.auth_code.clone(),
        voids_id: Some(original.id),
        reason,
        ..Default::default()
    };
    still_consistent(&txn, f.id, &draft, property::digits(&p)).await?;
    let row = insert(&txn, now, actor, &f, draft).await?;
    txn.commit().await?;
    Ok(row)
}

/// Corrects a posting of an earlier business date by `amount`, signed in the posting's own
/// sense: "-20.00" on a charge lowers the charge by 20.00, on a payment it means 20.00 less
/// was paid. The adjustment is posted today on the same folio with the same code or method.
pub async fn adjust_posting<C: ConnectionTrait + TransactionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    actor: &Actor,
    posting_id: i32,
    amount: &str,
    reason: &str,
) -> Result<posting::Model> {
    actor.require(Permission::FoliosVoid)?;
    let reason = validate::text("reason", reason, 500)?;
    let txn = conn.begin().await?;
    let original = correctable(&txn, actor, posting_id).await?;
    let f = load(&txn, actor, original.folio_id, true).await?;
    require_open(&f)?;
    let p = property::get(&txn, actor.property_id).await?;
    if original.business_date >= p.business_date {
        return Err(FolioError::AdjustSameDate.into());
    }
    let digits = property::digits(&p);
    let delta = money::to_minor("amount", money::parse("amount", amount)?, digits)?;
    if delta == 0 {
        return Err(Invalid::new("amount", Rule::Required).into());
    }
    let k = kind_of(&original.kind);
    let stored = match k {
        kind::PAYMENT | kind::DEPOSIT_APPLY | kind::DEPOSIT_REFUND => -delta,
        _ => delta,
    };
    let rate = match original.charge_code_id {
        Some(id) => charge_code::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .map_or(0, |c| c.tax_rate_bp),
        None => 0,
    };
    let draft = Draft {
        kind: k,
        charge_code_id: original.charge_code_id,
        payment_method: original.payment_method.clone(),
        amount: stored,
        tax: if k == kind::CHARGE {
            tax_of(stored, rate)
        } else {
            0
        },
        night: original.night,
        description: original.description.clone(),
        adjusts_id: Some(original.id),
        reason,
        ..Default::default()
    };
    still_consistent(&txn, f.id, &draft, digits).await?;
    let row = insert(&txn, now, actor, &f, draft).await?;
    txn.commit().await?;
    Ok(row)
}

/// The static kind name of a stored kind.
fn kind_of(stored: &str) -> &'static str {
    [
        kind::CHARGE,
        kind::PAYMENT,
        kind::REFUND,
        kind::DEPOSIT,
        kind::DEPOSIT_APPLY,
        kind::DEPOSIT_REFUND,
    ]
    .into_iter()
    .find(|k| *k == stored)
    .unwrap_or(kind::CHARGE)
}
