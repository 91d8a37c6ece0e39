//! The `stay_guest` table: the guests registered in a stay's room.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stay_guest")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub stay_id: i32,
    pub guest_id: i32,
    pub is_primary: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
