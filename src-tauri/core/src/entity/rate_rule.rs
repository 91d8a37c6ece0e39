//! The `rate_rule` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rate_rule")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub rate_plan_id: i32,
    pub position: i32,
    pub date_from: Option<Date>,
    pub date_to: Option<Date>,
    pub weekdays: i16,
    pub price_minor: Option<i64>,
    pub closed_to_arrival: bool,
    pub closed_to_departure: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
