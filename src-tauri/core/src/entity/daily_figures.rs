//! The `daily_figures` table: the figures of one closed business date (the daily roll-up).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "daily_figures")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub property_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub business_date: Date,
    pub rooms_available: i32,
    pub rooms_occupied: i32,
    pub room_revenue_minor: i64,
    pub revenue_minor: i64,
    pub tax_minor: i64,
    pub payments_minor: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
