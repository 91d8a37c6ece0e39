//! The `rate_plan` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rate_plan")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub property_id: i32,
    pub room_type_id: i32,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub kind: String,
    pub base_price_minor: i64,
    pub tax_inclusive: bool,
    pub tax_rate_bp: i32,
    pub min_stay: i32,
    pub max_stay: Option<i32>,
    pub cancel_free_hours: i32,
    pub cancel_fee: String,
    pub cancel_fee_percent_bp: i32,
    pub no_show_fee: String,
    pub no_show_fee_percent_bp: i32,
    pub active: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
