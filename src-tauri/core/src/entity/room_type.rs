//! The `room_type` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "room_type")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub property_id: i32,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub area_m2: i32,
    pub bed_type: String,
    pub max_adults: i32,
    pub max_children: i32,
    pub facilities: String,
    pub overbook_rooms: i32,
    pub overbook_percent: i32,
    pub active: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
