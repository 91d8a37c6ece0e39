//! Issuing: the folio locked, its balance checked, the next number of the series taken and the
//! folio closed — all in one transaction, so a number is never skipped or used twice.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr,
    EntityTrait, QueryFilter, QuerySelect, Set, SqlErr,
};

use super::{Buyer, CREDIT_NOTE_SERIES, INVOICE_SERIES, InvoiceError, folio_sums, kind};
use crate::auth::Actor;
use crate::db::begin_write;
use crate::documents::money_text;
use crate::entity::{folio, invoice};
use crate::error::{Error, Result};
use crate::permission::Permission;
use crate::validate;
use crate::{audit, folios, money, property, series};

async fn locked_folio(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    folio_id: i32,
) -> Result<folio::Model> {
    folio::Entity::find_by_id(folio_id)
        .filter(folio::Column::PropertyId.eq(actor.property_id))
        .lock_exclusive()
        .one(conn)
        .await?
        .ok_or(Error::NotFound { entity: "folio" })
}

/// The folio's invoice that no credit note cancels, if any.
pub(super) async fn live_invoice(
    conn: &impl ConnectionTrait,
    folio_id: i32,
) -> Result<Option<invoice::Model>> {
    let rows = invoice::Entity::find()
        .filter(invoice::Column::FolioId.eq(folio_id))
        .all(conn)
        .await?;
    let credited: Vec<i32> = rows.iter().filter_map(|r| r.credits_id).collect();
    Ok(rows
        .into_iter()
        .find(|r| r.kind == kind::INVOICE && !credited.contains(&r.id)))
}

/// Issues the invoice of folio `folio_id` to `buyer` and closes the folio, in one transaction.
/// A closed folio whose invoice was cancelled by a credit note can be invoiced again (the
/// corrected invoice).
///
/// Errors: permission `invoices.issue`; `buyerName` / `taxpayerId` invalid; the folio not
/// found; [`InvoiceError::NotSettled`] with the balance when it is not zero;
/// [`InvoiceError::NothingToInvoice`] without charges; [`InvoiceError::AlreadyInvoiced`].
pub async fn issue(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    folio_id: i32,
    buyer: Buyer,
) -> Result<invoice::Model> {
    let txn = begin_write(db).await?;
    let made = issue_on(&txn, now, actor, folio_id, buyer).await?;
    txn.commit().await?;
    Ok(made)
}

/// [`issue`] inside the caller's write transaction (check-out settles, invoices and closes the
/// stay's folios in one).
pub async fn issue_on(
    txn: &DatabaseTransaction,
    now: DateTime<Utc>,
    actor: &Actor,
    folio_id: i32,
    buyer: Buyer,
) -> Result<invoice::Model> {
    actor.require(Permission::InvoicesIssue)?;
    let buyer = buyer.checked()?;
    let f = locked_folio(txn, actor, folio_id).await?;
    if let Some(existing) = live_invoice(txn, f.id).await? {
        return Err(InvoiceError::AlreadyInvoiced {
            number: existing.number,
        }
        .into());
    }
    let p = property::get(txn, actor.property_id).await?;
    let sums = folio_sums(txn, f.id).await?;
    if sums.balance_minor != 0 {
        let balance = money::from_minor(sums.balance_minor, property::digits(&p));
        return Err(InvoiceError::NotSettled {
            balance: money_text(balance, property::digits(&p), &p.currency),
        }
        .into());
    }
    if sums.deposit_held_minor != 0 {
        let held = money::from_minor(sums.deposit_held_minor, property::digits(&p));
        return Err(InvoiceError::DepositHeld {
            amount: money_text(held, property::digits(&p), &p.currency),
        }
        .into());
    }
    if sums.charge_count == 0 {
        return Err(InvoiceError::NothingToInvoice.into());
    }
    let number = series::next(txn, actor.property_id, INVOICE_SERIES).await?;
    let made = invoice::ActiveModel {
        property_id: Set(actor.property_id),
        folio_id: Set(f.id),
        kind: Set(kind::INVOICE.into()),
        number: Set(number.clone()),
        business_date: Set(p.business_date),
        issued_at: Set(now),
        user_id: Set(actor.user_id),
        buyer_name: Set(buyer.name.clone()),
        taxpayer_id: Set(buyer.taxpayer_id.clone()),
        total_minor: Set(sums.charges_minor),
        tax_minor: Set(sums.tax_minor),
        credits_id: Set(None),
        reason: Set(String::new()),
        last_posting_id: Set(sums.last_posting_id),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let folio_number = f.number.clone();
    let mut closing: folio::ActiveModel = f.into();
    closing.state = Set(folios::state::CLOSED.into());
    closing.closed_at = Set(Some(now));
    closing.update(txn).await?;
    let total = money::from_minor(sums.charges_minor, property::digits(&p));
    audit::record(
        txn,
        now,
        actor,
        "invoice.issued",
        "invoice",
        made.id,
        format!(
            "invoice {number} for folio {folio_number}: {} to {}",
            money_text(total, property::digits(&p), &p.currency),
            buyer.name
        ),
    )
    .await?;
    Ok(made)
}

/// Cancels invoice `invoice_id` with a credit note from the credit note series: the same
/// buyer, the negated totals, the reason, and a reference to the invoice (once: a database
/// index refuses a second credit note). The folio stays as it is; the corrected invoice is
/// issued with [`issue`].
///
/// Errors: permissions `invoices.issue` and `folios.void`; `reason` required (≤ 500); the
/// invoice not found; [`InvoiceError::NotAnInvoice`]; [`InvoiceError::AlreadyCredited`].
pub async fn credit_note(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    invoice_id: i32,
    reason: &str,
) -> Result<invoice::Model> {
    actor.require(Permission::InvoicesIssue)?;
    actor.require(Permission::FoliosVoid)?;
    let reason = validate::text("reason", reason, 500)?;
    let txn = begin_write(db).await?;
    let original = invoice::Entity::find_by_id(invoice_id)
        .filter(invoice::Column::PropertyId.eq(actor.property_id))
        .one(&txn)
        .await?
        .ok_or(Error::NotFound { entity: "invoice" })?;
    if original.kind != kind::INVOICE {
        return Err(InvoiceError::NotAnInvoice {
            number: original.number,
        }
        .into());
    }
    // The folio's lock queues two terminals crediting the same invoice.
    locked_folio(&txn, actor, original.folio_id).await?;
    if let Some(cn) = invoice::Entity::find()
        .filter(invoice::Column::CreditsId.eq(original.id))
        .one(&txn)
        .await?
    {
        return Err(already_credited(&original, cn.number));
    }
    let p = property::get(&txn, actor.property_id).await?;
    let number = series::next(&txn, actor.property_id, CREDIT_NOTE_SERIES).await?;
    let inserted = invoice::ActiveModel {
        property_id: Set(actor.property_id),
        folio_id: Set(original.folio_id),
        kind: Set(kind::CREDIT_NOTE.into()),
        number: Set(number.clone()),
        business_date: Set(p.business_date),
        issued_at: Set(now),
        user_id: Set(actor.user_id),
        buyer_name: Set(original.buyer_name.clone()),
        taxpayer_id: Set(original.taxpayer_id.clone()),
        total_minor: Set(-original.total_minor),
        tax_minor: Set(-original.tax_minor),
        credits_id: Set(Some(original.id)),
        reason: Set(reason.clone()),
        last_posting_id: Set(original.last_posting_id),
        ..Default::default()
    }
    .insert(&txn)
    .await;
    let made = match inserted {
        Ok(m) => m,
        Err(e) if is_unique(&e) => return Err(already_credited(&original, String::new())),
        Err(e) => return Err(e.into()),
    };
    audit::record(
        &txn,
        now,
        actor,
        "invoice.credited",
        "invoice",
        original.id,
        format!(
            "credit note {number} cancels invoice {}: {reason}",
            original.number
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(made)
}

fn already_credited(original: &invoice::Model, credit_note: String) -> Error {
    InvoiceError::AlreadyCredited {
        number: original.number.clone(),
        credit_note,
    }
    .into()
}

fn is_unique(e: &DbErr) -> bool {
    matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}
