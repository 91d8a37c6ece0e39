//! The security deposit (押金): collected by a method and held apart from the balance, then at
//! check-out applied to the charges or refunded (never more than is held). Each step is its
//! own posting whose description is the receipt line.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, TransactionSession, TransactionTrait};

use super::folio::{load, require_open};
use super::payment::{PaymentInput, method_draft};
use super::post::{Draft, insert, positive};
use super::{FolioError, kind, require_any};
use crate::auth::Actor;
use crate::entity::{folio, posting};
use crate::error::Result;
use crate::permission::Permission;
use crate::{money, property};

const MAY: [Permission; 2] = [Permission::FoliosPost, Permission::FrontdeskOperate];

/// The receipt line of a deposit step, in both languages of the receipt.
fn receipt(what: (&str, &str), f: &folio::Model, amount: i64, digits: u32, method: &str) -> String {
    let amount = money::from_minor(amount, digits);
    let method = if method.is_empty() {
        String::new()
    } else {
        format!(" ({method})")
    };
    format!("{} {} {}: {amount}{method}", what.0, what.1, f.number)
}

/// Loads the open folio, the currency digits and the deposit held, with the folio locked.
async fn held(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    folio_id: i32,
) -> Result<(folio::Model, u32, i64)> {
    let digits = property::digits_of(conn, actor.property_id).await?;
    let f = load(conn, actor, folio_id, true).await?;
    require_open(&f)?;
    let held = super::view::ledger(conn, f.id).await?.deposit_held;
    Ok((f, digits, held))
}

fn above_held(amount: i64, held: i64, digits: u32) -> Result<()> {
    if amount > held {
        return Err(FolioError::DepositAboveHeld {
            held: money::from_minor(held, digits),
        }
        .into());
    }
    Ok(())
}

/// Collects a deposit by a method (permission `folios.post` or `frontdesk.operate`).
pub async fn collect_deposit<C: ConnectionTrait + TransactionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    actor: &Actor,
    folio_id: i32,
    input: PaymentInput,
) -> Result<posting::Model> {
    require_any(actor, &MAY)?;
    let base = method_draft(&input)?;
    let txn = conn.begin().await?;
    let (f, digits, _) = held(&txn, actor, folio_id).await?;
    let amount = positive("amount", money::parse("amount", &input.amount)?, digits)?;
    let draft = Draft {
        kind: kind::DEPOSIT,
        amount,
        description: receipt(
            ("押金收取", "Deposit received"),
            &f,
            amount,
            digits,
            &input.method,
        ),
        ..base
    };
    let row = insert(&txn, now, actor, &f, draft).await?;
    txn.commit().await?;
    Ok(row)
}

/// Applies part or all of the held deposit to the folio's charges: the deposit held and the
/// balance both go down by `amount`.
pub async fn apply_deposit<C: ConnectionTrait + TransactionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    actor: &Actor,
    folio_id: i32,
    amount: &str,
) -> Result<posting::Model> {
    require_any(actor, &MAY)?;
    let txn = conn.begin().await?;
    let (f, digits, held) = held(&txn, actor, folio_id).await?;
    let amount = positive("amount", money::parse("amount", amount)?, digits)?;
    above_held(amount, held, digits)?;
    let draft = Draft {
        kind: kind::DEPOSIT_APPLY,
        amount: -amount,
        description: receipt(("押金抵扣", "Deposit applied"), &f, amount, digits, ""),
        ..Default::default()
    };
    let row = insert(&txn, now, actor, &f, draft).await?;
    txn.commit().await?;
    Ok(row)
}

/// Pays back part or all of the held deposit by a method.
pub async fn refund_deposit<C: ConnectionTrait + TransactionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    actor: &Actor,
    folio_id: i32,
    input: PaymentInput,
) -> Result<posting::Model> {
    require_any(actor, &MAY)?;
    let base = method_draft(&input)?;
    let txn = conn.begin().await?;
    let (f, digits, held) = held(&txn, actor, folio_id).await?;
    let amount = positive("amount", money::parse("amount", &input.amount)?, digits)?;
    above_held(amount, held, digits)?;
    let draft = Draft {
        kind: kind::DEPOSIT_REFUND,
        amount: -amount,
        description: receipt(
            ("押金退还", "Deposit refunded"),
            &f,
            amount,
            digits,
            &input.method,
        ),
        ..base
    };
    let row = insert(&txn, now, actor, &f, draft).await?;
    txn.commit().await?;
    Ok(row)
}
