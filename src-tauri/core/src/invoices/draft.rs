//! What the issue dialog shows before an invoice exists: the folio's totals, whether it is
//! settled, the buyer to suggest (the folio's payer, else the guest) and any invoice it has.

use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::Serialize;

use super::{folio_sums, issue::live_invoice};
use crate::auth::Actor;
use crate::entity::{folio, guest, reservation};
use crate::error::{Error, Result};
use crate::permission::Permission;
use crate::{money, property};

/// A folio about to be invoiced; amounts are decimal strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceDraft {
    pub folio_id: i32,
    pub folio_number: String,
    pub buyer_name: String,
    #[specta(type = String)]
    pub total: Decimal,
    #[specta(type = String)]
    pub tax: Decimal,
    #[specta(type = String)]
    pub balance: Decimal,
    pub currency: String,
    /// The number of the folio's invoice that no credit note cancels.
    pub invoiced_as: Option<String>,
}

/// The draft of folio `folio_id` (permission `invoices.issue`).
pub async fn invoice_draft(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    folio_id: i32,
) -> Result<InvoiceDraft> {
    actor.require(Permission::InvoicesIssue)?;
    let f = folio::Entity::find_by_id(folio_id)
        .filter(folio::Column::PropertyId.eq(actor.property_id))
        .one(conn)
        .await?
        .ok_or(Error::NotFound { entity: "folio" })?;
    let p = property::get(conn, actor.property_id).await?;
    let digits = property::digits(&p);
    let sums = folio_sums(conn, f.id).await?;
    let buyer_name = if f.payer_name.trim().is_empty() {
        let r = reservation::Entity::find_by_id(f.reservation_id)
            .one(conn)
            .await?;
        match r {
            Some(r) => guest::Entity::find_by_id(r.guest_id)
                .one(conn)
                .await?
                .map(|g| g.name)
                .unwrap_or_default(),
            None => String::new(),
        }
    } else {
        f.payer_name.clone()
    };
    Ok(InvoiceDraft {
        folio_id: f.id,
        invoiced_as: live_invoice(conn, f.id).await?.map(|i| i.number),
        folio_number: f.number,
        buyer_name,
        total: money::from_minor(sums.charges_minor, digits),
        tax: money::from_minor(sums.tax_minor, digits),
        balance: money::from_minor(sums.balance_minor, digits),
        currency: p.currency,
    })
}
