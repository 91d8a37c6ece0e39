//! Payments and refunds by method, and moving a balance to another folio (e.g. the company's).
//! A refund never exceeds what that method paid on the folio.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, TransactionSession, TransactionTrait};
use serde::Deserialize;

use super::folio::{load, require_open};
use super::post::{Draft, insert, positive};
use super::{FolioError, METHODS, kind, refuse_card_number};
use crate::auth::Actor;
use crate::entity::posting;
use crate::error::Result;
use crate::permission::Permission;
use crate::validate::{self, Invalid, Rule};
use crate::{money, property};

/// A payment or refund. For a bank card only the brand, the last four digits and the
/// authorization code are kept; other methods ignore the card fields.
#[derive(Debug, Clone, Default, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PaymentInput {
    pub method: String,
    pub amount: String,
    pub card_brand: String,
    pub card_last4: String,
    pub auth_code: String,
    pub reference: String,
}

/// The checked method and card details of `input`, as a draft without amount or kind.
pub(super) fn method_draft(input: &PaymentInput) -> Result<Draft> {
    if !METHODS.contains(&input.method.as_str()) {
        return Err(Invalid::new("method", Rule::Required).into());
    }
    let reference = validate::optional_text("reference", &input.reference, 60)?;
    refuse_card_number("reference", &reference)?;
    let mut d = Draft {
        payment_method: input.method.clone(),
        reference,
        ..Default::default()
    };
    if input.method == "bank_card" {
        refuse_card_number("cardBrand", &input.card_brand)?;
        refuse_card_number("authCode", &input.auth_code)?;
        d.card_brand = validate::text("cardBrand", &input.card_brand, 16)?;
        let last4 = input.card_last4.trim();
        if last4.len() != 4 || !last4.chars().all(|c| c.is_ascii_digit()) {
            return Err(Invalid::new("cardLast4", Rule::Format).into());
        }
        d.card_last4 = last4.into();
        let auth = validate::text("authCode", &input.auth_code, 16)?;
        if !auth.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(Invalid::new("authCode", Rule::Format).into());
        }
        d.auth_code = auth;
    }
    Ok(d)
}

/// Takes a payment on an open folio (permission `folios.post`).
pub async fn post_payment<C: ConnectionTrait + TransactionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    actor: &Actor,
    folio_id: i32,
    input: PaymentInput,
) -> Result<posting::Model> {
    actor.require(Permission::FoliosPost)?;
    let base = method_draft(&input)?;
    let txn = conn.begin().await?;
    let digits = property::digits_of(&txn, actor.property_id).await?;
    let amount = positive("amount", money::parse("amount", &input.amount)?, digits)?;
    let f = load(&txn, actor, folio_id, true).await?;
    require_open(&f)?;
    let draft = Draft {
        kind: kind::PAYMENT,
        amount: -amount,
        ..base
    };
    let row = insert(&txn, now, actor, &f, draft).await?;
    txn.commit().await?;
    Ok(row)
}

/// Pays money back by a method, never more than that method paid on the folio less what was
/// already refunded (permission `folios.post`).
pub async fn refund_payment<C: ConnectionTrait + TransactionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    actor: &Actor,
    folio_id: i32,
    input: PaymentInput,
) -> Result<posting::Model> {
    actor.require(Permission::FoliosPost)?;
    let base = method_draft(&input)?;
    let txn = conn.begin().await?;
    let digits = property::digits_of(&txn, actor.property_id).await?;
    let amount = positive("amount", money::parse("amount", &input.amount)?, digits)?;
    let f = load(&txn, actor, folio_id, true).await?;
    require_open(&f)?;
    let available = super::view::ledger(&txn, f.id)
        .await?
        .refundable(&input.method);
    if amount > available {
        return Err(FolioError::RefundAbovePaid {
            method: input.method.clone(),
            available: money::from_minor(available.max(0), digits),
        }
        .into());
    }
    let draft = Draft {
        kind: kind::REFUND,
        amount,
        ..base
    };
    let row = insert(&txn, now, actor, &f, draft).await?;
    txn.commit().await?;
    Ok(row)
}

/// Moves the whole balance of one open folio to another (e.g. to the company's account folio)
/// as a pair of transfer postings; returns (out of `from`, into `to`). Permission `folios.post`.
pub async fn transfer_balance<C: ConnectionTrait + TransactionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    actor: &Actor,
    from_folio: i32,
    to_folio: i32,
) -> Result<(posting::Model, posting::Model)> {
    actor.require(Permission::FoliosPost)?;
    if from_folio == to_folio {
        return Err(FolioError::SameFolio.into());
    }
    let txn = conn.begin().await?;
    // Lock in id order so two opposite transfers cannot deadlock.
    let (low, high) = (from_folio.min(to_folio), from_folio.max(to_folio));
    let a = load(&txn, actor, low, true).await?;
    let b = load(&txn, actor, high, true).await?;
    let (from, to) = if a.id == from_folio { (a, b) } else { (b, a) };
    require_open(&from)?;
    require_open(&to)?;
    let balance = super::view::ledger(&txn, from.id).await?.balance;
    if balance == 0 {
        return Err(Invalid::new("balance", Rule::Required).into());
    }
    let out = Draft {
        kind: kind::TRANSFER,
        amount: -balance,
        description: format!("→ {}", to.number),
        ..Default::default()
    };
    let into = Draft {
        kind: kind::TRANSFER,
        amount: balance,
        description: format!("← {}", from.number),
        ..Default::default()
    };
    let a = insert(&txn, now, actor, &from, out).await?;
    let b = insert(&txn, now, actor, &to, into).await?;
    txn.commit().await?;
    Ok((a, b))
}
