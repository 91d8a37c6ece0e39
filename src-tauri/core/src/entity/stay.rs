//! The `stay` table: a guest in a room: one row per checked-in reservation.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stay")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub property_id: i32,
    pub reservation_id: i32,
    pub room_id: i32,
    pub key_card: String,
    pub checked_in_on: Date,
    pub checked_in_at: DateTimeUtc,
    pub checked_in_by: Option<i32>,
    pub checked_out_on: Option<Date>,
    pub checked_out_at: Option<DateTimeUtc>,
    pub checked_out_by: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
