//! The `invoice` table: a numbered invoice or credit note issued from a folio (append-only).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invoice")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub property_id: i32,
    pub folio_id: i32,
    pub kind: String,
    pub number: String,
    pub business_date: Date,
    pub issued_at: DateTimeUtc,
    pub user_id: Option<i32>,
    pub buyer_name: String,
    pub taxpayer_id: String,
    pub total_minor: i64,
    pub tax_minor: i64,
    pub credits_id: Option<i32>,
    /// Why a credit note was issued (empty on invoices).
    pub reason: String,
    /// The last posting the invoice covers, so a later posting is never on an issued invoice.
    pub last_posting_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
