//! The `daily_code_figures` table: revenue and tax of one charge code on one closed business date.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "daily_code_figures")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub property_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub business_date: Date,
    #[sea_orm(primary_key, auto_increment = false)]
    pub charge_code_id: i32,
    pub amount_minor: i64,
    pub tax_minor: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
