//! The `property` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "property")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub taxpayer_id: String,
    pub currency: String,
    pub currency_digits: i16,
    pub time_zone: String,
    pub check_in_time: String,
    pub check_out_time: String,
    pub business_date: Date,
    pub folio_credit_limit_minor: i64,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
