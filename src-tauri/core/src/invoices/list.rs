//! Invoices and credit notes as the desk lists them: number, date, buyer, total and kind, with
//! which credit note cancels an invoice and which invoice a credit note cancels.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::{Deserialize, Serialize};

use crate::auth::Actor;
use crate::entity::{folio, invoice, staff_user};
use crate::error::{Error, Result};
use crate::permission::Permission;
use crate::{money, property};

/// One invoice or credit note; amounts are decimal strings (a credit note's are negative).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceView {
    pub id: i32,
    pub kind: String,
    pub number: String,
    pub folio_id: i32,
    pub folio_number: String,
    pub business_date: NaiveDate,
    pub issued_at: DateTime<Utc>,
    pub issued_by: String,
    pub buyer_name: String,
    pub taxpayer_id: String,
    #[specta(type = String)]
    pub total: Decimal,
    #[specta(type = String)]
    pub tax: Decimal,
    pub currency: String,
    pub reason: String,
    /// For a credit note: the number of the invoice it cancels.
    pub credits_number: Option<String>,
    /// For an invoice: the number of the credit note that cancels it.
    pub credited_by: Option<String>,
}

/// Filters of the invoice list; dates are business dates, inclusive.
#[derive(Debug, Clone, Default, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// `invoice`, `credit_note` or none for both.
    pub kind: Option<String>,
    /// Part of a number, a buyer's name or a taxpayer ID.
    pub search: Option<String>,
    pub folio_id: Option<i32>,
}

/// Most rows one list returns.
const LIMIT: u64 = 500;

/// Lists invoices and credit notes, newest first (permission `invoices.issue`).
pub async fn list_invoices(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    filter: &InvoiceFilter,
) -> Result<Vec<InvoiceView>> {
    actor.require(Permission::InvoicesIssue)?;
    let mut q = invoice::Entity::find().filter(invoice::Column::PropertyId.eq(actor.property_id));
    if let Some(from) = filter.from {
        q = q.filter(invoice::Column::BusinessDate.gte(from));
    }
    if let Some(to) = filter.to {
        q = q.filter(invoice::Column::BusinessDate.lte(to));
    }
    if let Some(k) = filter.kind.as_deref().filter(|k| !k.is_empty()) {
        q = q.filter(invoice::Column::Kind.eq(k));
    }
    if let Some(id) = filter.folio_id {
        q = q.filter(invoice::Column::FolioId.eq(id));
    }
    if let Some(s) = filter
        .search
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        q = q.filter(
            Condition::any()
                .add(invoice::Column::Number.contains(s.to_uppercase()))
                .add(invoice::Column::BuyerName.contains(s))
                .add(invoice::Column::TaxpayerId.contains(s.to_uppercase())),
        );
    }
    let rows = q
        .order_by_desc(invoice::Column::IssuedAt)
        .order_by_desc(invoice::Column::Id)
        .limit(LIMIT)
        .all(conn)
        .await?;
    views(conn, actor, rows).await
}

/// One invoice or credit note of the actor's hotel (permission `invoices.issue`).
pub async fn get(conn: &impl ConnectionTrait, actor: &Actor, id: i32) -> Result<InvoiceView> {
    actor.require(Permission::InvoicesIssue)?;
    let row = invoice::Entity::find_by_id(id)
        .filter(invoice::Column::PropertyId.eq(actor.property_id))
        .one(conn)
        .await?
        .ok_or(Error::NotFound { entity: "invoice" })?;
    view(conn, actor, row).await
}

/// The view of one row (no permission check: the caller made it).
pub async fn view(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    row: invoice::Model,
) -> Result<InvoiceView> {
    let mut v = views(conn, actor, vec![row]).await?;
    v.pop().ok_or(Error::NotFound { entity: "invoice" })
}

async fn views(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    rows: Vec<invoice::Model>,
) -> Result<Vec<InvoiceView>> {
    let p = property::get(conn, actor.property_id).await?;
    let digits = property::digits(&p);
    let folio_ids: Vec<i32> = rows.iter().map(|r| r.folio_id).collect();
    let folios: HashMap<i32, String> = folio::Entity::find()
        .filter(folio::Column::Id.is_in(folio_ids.clone()))
        .all(conn)
        .await?
        .into_iter()
        .map(|f| (f.id, f.number))
        .collect();
    // Every document of these folios, to name the invoice or credit note on the other side.
    let related = invoice::Entity::find()
        .filter(invoice::Column::FolioId.is_in(folio_ids))
        .all(conn)
        .await?;
    let numbers: HashMap<i32, String> = related.iter().map(|r| (r.id, r.number.clone())).collect();
    let credited_by: HashMap<i32, String> = related
        .iter()
        .filter_map(|r| r.credits_id.map(|c| (c, r.number.clone())))
        .collect();
    let user_ids: Vec<i32> = rows.iter().filter_map(|r| r.user_id).collect();
    let users: HashMap<i32, String> = staff_user::Entity::find()
        .filter(staff_user::Column::Id.is_in(user_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    Ok(rows
        .into_iter()
        .map(|r| InvoiceView {
            id: r.id,
            folio_number: folios.get(&r.folio_id).cloned().unwrap_or_default(),
            issued_by: r
                .user_id
                .and_then(|u| users.get(&u).cloned())
                .unwrap_or_default(),
            credits_number: r.credits_id.and_then(|c| numbers.get(&c).cloned()),
            credited_by: credited_by.get(&r.id).cloned(),
            kind: r.kind,
            number: r.number,
            folio_id: r.folio_id,
            business_date: r.business_date,
            issued_at: r.issued_at,
            buyer_name: r.buyer_name,
            taxpayer_id: r.taxpayer_id,
            total: money::from_minor(r.total_minor, digits),
            tax: money::from_minor(r.tax_minor, digits),
            currency: p.currency.clone(),
            reason: r.reason,
        })
        .collect())
}
