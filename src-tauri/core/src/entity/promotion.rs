//! The `promotion` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "promotion")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub property_id: i32,
    pub code: String,
    pub percent_bp: Option<i32>,
    pub amount_minor: Option<i64>,
    pub valid_from: Date,
    pub valid_to: Date,
    pub usage_limit: Option<i32>,
    pub used_count: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
