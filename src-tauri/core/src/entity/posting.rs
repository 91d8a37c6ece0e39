//! The `posting` table: one immutable line on a folio (append-only in the database).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "posting")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub property_id: i32,
    pub folio_id: i32,
    pub kind: String,
    pub charge_code_id: Option<i32>,
    pub payment_method: String,
    pub amount_minor: i64,
    pub tax_minor: i64,
    pub business_date: Date,
    pub night: Option<Date>,
    pub posted_at: DateTimeUtc,
    pub user_id: Option<i32>,
    pub description: String,
    pub reference: String,
    /// Bank card payments keep only the brand, the last four digits and the authorization code.
    pub card_brand: String,
    pub card_last4: String,
    pub auth_code: String,
    pub voids_id: Option<i32>,
    pub adjusts_id: Option<i32>,
    pub reason: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
