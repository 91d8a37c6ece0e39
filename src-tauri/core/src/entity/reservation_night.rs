//! The `reservation_night` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reservation_night")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub property_id: i32,
    pub reservation_id: i32,
    pub night: Date,
    pub room_type_id: i32,
    pub room_id: Option<i32>,
    pub price_minor: i64,
    pub discount_minor: i64,
    pub amount_minor: i64,
    pub tax_minor: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
