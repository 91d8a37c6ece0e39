//! The `folio` table: the account of a stay; a reservation may have several (split billing).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "folio")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub property_id: i32,
    pub reservation_id: i32,
    pub number: String,
    pub label: String,
    pub payer_name: String,
    pub company_account: bool,
    pub credit_limit_minor: Option<i64>,
    pub state: String,
    pub opened_at: DateTimeUtc,
    pub closed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
