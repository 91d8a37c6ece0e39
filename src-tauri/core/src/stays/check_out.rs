//! Check-out: the stay's open folios settled one by one — the deposit (押金) applied to what
//! the guest owes and the rest refunded, the balance paid (or refunded) by the method the
//! guest chooses, each folio invoiced or closed — then the stay closed, the reservation
//! checked out and the room left Vacant-Dirty. One transaction: a refused step leaves the
//! stay as it was.

use chrono::{DateTime, Days, Utc};
use rust_decimal::Decimal;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction,
    EntityTrait, QueryFilter, QuerySelect, Set,
};
use serde::{Deserialize, Serialize};

use super::{StayError, lists};
use crate::auth::Actor;
use crate::db::begin_write;
use crate::documents::money_text;
use crate::entity::{folio, posting, reservation, stay};
use crate::error::{Error, Result};
use crate::folios::{self, PaymentInput};
use crate::invoices::{self, Buyer};
use crate::permission::Permission;
use crate::reservations::{self, ReservationView, state};
use crate::{audit, housekeeping, property};

/// How one folio's balance is paid at check-out; a folio in credit is refunded by this method.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Settlement {
    pub folio_id: i32,
    pub method: String,
    pub card_brand: String,
    pub card_last4: String,
    pub auth_code: String,
    pub reference: String,
}

/// Checking a guest out.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CheckOutInput {
    pub reservation_id: i32,
    /// Apply the deposit held to what the guest owes before anything is paid.
    pub apply_deposit: bool,
    /// The method that gives back what remains of the deposit; needed when some remains.
    pub deposit_refund_method: Option<String>,
    /// How each folio with a balance is settled.
    pub settlements: Vec<Settlement>,
    /// Issue an invoice for every folio with charges, to this buyer (发票 title and taxpayer
    /// ID); `None` closes the folios without one.
    pub invoice: Option<Buyer>,
}

/// An invoice issued at check-out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct IssuedInvoice {
    pub id: i32,
    pub number: String,
    pub folio_id: i32,
}

/// What the desk sees after a check-out.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CheckedOut {
    pub reservation: ReservationView,
    pub invoices: Vec<IssuedInvoice>,
    pub room_number: String,
}

/// What a check-out will add before settling: tonight's room charge when the guest leaves
/// before the night audit.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CheckOutQuote {
    #[specta(type = Option<String>)]
    pub tonight: Option<Decimal>,
    /// The stay departs after tomorrow: the departure must be changed first.
    pub early: bool,
}

/// What checking out `reservation_id` now would post (permission `frontdesk.operate`).
pub async fn check_out_quote(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    reservation_id: i32,
) -> Result<CheckOutQuote> {
    actor.require(Permission::FrontdeskOperate)?;
    let r = reservations::load(conn, actor, reservation_id, &[state::CHECKED_IN]).await?;
    let today = property::get(conn, actor.property_id).await?.business_date;
    let tonight = if r.departure == today + Days::new(1) {
        folios::room_night_due(conn, actor.property_id, r.id, today).await?
    } else {
        None
    };
    Ok(CheckOutQuote {
        tonight,
        early: r.departure > today + Days::new(1),
    })
}

/// Checks out a guest in the house (permission `frontdesk.operate`; `invoices.issue` to
/// invoice).
///
/// Errors: [`StayError::EarlyDeparture`] before the last night; [`StayError::DepositRefundMethod`]
/// when a deposit remains without a method; [`StayError::BalanceDue`] for a folio with a
/// balance and no settlement; a refund above what a method paid; nothing is saved then.
pub async fn check_out(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    input: CheckOutInput,
) -> Result<CheckedOut> {
    actor.require(Permission::FrontdeskOperate)?;
    let txn = begin_write(db).await?;
    let done = check_out_on(&txn, now, actor, input).await?;
    txn.commit().await?;
    Ok(done)
}

async fn check_out_on(
    txn: &DatabaseTransaction,
    now: DateTime<Utc>,
    actor: &Actor,
    input: CheckOutInput,
) -> Result<CheckedOut> {
    reservation::Entity::find_by_id(input.reservation_id)
        .lock_exclusive()
        .one(txn)
        .await?;
    let r = reservations::load(txn, actor, input.reservation_id, &[state::CHECKED_IN]).await?;
    let p = property::get(txn, actor.property_id).await?;
    let digits = property::digits(&p);
    let last_night = p.business_date;
    if r.departure > last_night + Days::new(1) {
        return Err(StayError::EarlyDeparture {
            departure: r.departure,
        }
        .into());
    }
    if r.departure > last_night {
        // Leaving before tonight's audit: tonight is charged now.
        folios::post_room_night(txn, now, actor, r.id, last_night).await?;
    }
    let text = |d: Decimal| money_text(d, digits, &p.currency);
    let mut issued = Vec::new();
    for f in lists::open_folios(txn, r.id).await? {
        settle_deposit(txn, now, actor, &f, &input, text).await?;
        let balance = folios::folio_balance(txn, f.id).await?.balance;
        if !balance.is_zero() {
            let s = input
                .settlements
                .iter()
                .find(|s| s.folio_id == f.id)
                .ok_or_else(|| StayError::BalanceDue {
                    folio: f.number.clone(),
                    balance: text(balance),
                })?;
            let pay = payment(s, balance.abs());
            if balance.is_sign_positive() {
                folios::post_payment(txn, now, actor, f.id, pay).await?;
            } else {
                folios::refund_payment(txn, now, actor, f.id, pay).await?;
            }
        }
        match &input.invoice {
            Some(buyer) if has_charges(txn, f.id).await? => {
                let inv = invoices::issue_on(txn, now, actor, f.id, buyer.clone()).await?;
                issued.push(IssuedInvoice {
                    id: inv.id,
                    number: inv.number,
                    folio_id: f.id,
                });
            }
            _ => {
                folios::close_folio(txn, now, actor, f.id).await?;
            }
        }
    }
    let s = stay::Entity::find()
        .filter(stay::Column::ReservationId.eq(r.id))
        .one(txn)
        .await?
        .ok_or(Error::NotFound { entity: "stay" })?;
    let room_id = s.room_id;
    let mut m: stay::ActiveModel = s.into();
    m.checked_out_on = Set(Some(p.business_date));
    m.checked_out_at = Set(Some(now));
    m.checked_out_by = Set(actor.user_id);
    m.update(txn).await?;
    let mut m: reservation::ActiveModel = r.clone().into();
    m.state = Set(state::CHECKED_OUT.into());
    m.update(txn).await?;
    housekeeping::set_dirty_on_check_out(txn, now, actor, room_id).await?;
    let fresh = reservations::load(txn, actor, r.id, &[]).await?;
    let view = reservations::view(txn, fresh, digits).await?;
    let room_number = view.room_number.clone().unwrap_or_default();
    let numbers: Vec<&str> = issued.iter().map(|i| i.number.as_str()).collect();
    audit::record(
        txn,
        now,
        actor,
        "stay.checked_out",
        "reservation",
        r.id,
        format!(
            "{} checked out of room {room_number}{}",
            r.booking_no,
            if numbers.is_empty() {
                String::new()
            } else {
                format!(", invoice {}", numbers.join(", "))
            }
        ),
    )
    .await?;
    Ok(CheckedOut {
        reservation: view,
        invoices: issued,
        room_number,
    })
}

/// Applies the folio's deposit to its balance (when asked) and refunds the rest.
async fn settle_deposit(
    txn: &DatabaseTransaction,
    now: DateTime<Utc>,
    actor: &Actor,
    f: &folio::Model,
    input: &CheckOutInput,
    text: impl Fn(Decimal) -> String,
) -> Result<()> {
    let t = folios::folio_balance(txn, f.id).await?;
    if t.deposit_held <= Decimal::ZERO {
        return Ok(());
    }
    let mut held = t.deposit_held;
    if input.apply_deposit && t.balance > Decimal::ZERO {
        let applied = held.min(t.balance);
        folios::apply_deposit(txn, now, actor, f.id, &applied.to_string()).await?;
        held -= applied;
    }
    if held > Decimal::ZERO {
        let method = input
            .deposit_refund_method
            .clone()
            .filter(|m| !m.is_empty())
            .ok_or_else(|| StayError::DepositRefundMethod {
                folio: f.number.clone(),
                amount: text(held),
            })?;
        let refund = PaymentInput {
            method,
            amount: held.to_string(),
            card_brand: String::new(),
            card_last4: String::new(),
            auth_code: String::new(),
            reference: String::new(),
        };
        folios::refund_deposit(txn, now, actor, f.id, refund).await?;
    }
    Ok(())
}

fn payment(s: &Settlement, amount: Decimal) -> PaymentInput {
    PaymentInput {
        method: s.method.clone(),
        amount: amount.to_string(),
        card_brand: s.card_brand.clone(),
        card_last4: s.card_last4.clone(),
        auth_code: s.auth_code.clone(),
        reference: s.reference.clone(),
    }
}

async fn has_charges(conn: &impl ConnectionTrait, folio_id: i32) -> Result<bool> {
    Ok(posting::Entity::find()
        .filter(posting::Column::FolioId.eq(folio_id))
        .filter(posting::Column::Kind.eq(folios::kind::CHARGE))
        .one(conn)
        .await?
        .is_some())
}
