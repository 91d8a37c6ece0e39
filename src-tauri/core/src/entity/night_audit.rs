//! The `night_audit` table: one closed business date: who ran its audit, when, and the report figures.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "night_audit")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub property_id: i32,
    pub business_date: Date,
    pub started_at: DateTimeUtc,
    pub finished_at: DateTimeUtc,
    pub user_id: Option<i32>,
    pub summary: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
