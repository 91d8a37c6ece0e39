//! The `walk` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "walk")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub property_id: i32,
    pub reservation_id: i32,
    pub partner_hotel: String,
    pub cost_minor: i64,
    pub reason: String,
    pub business_date: Date,
    pub walked_at: DateTimeUtc,
    pub user_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
