//! The `reservation` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reservation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub property_id: i32,
    pub booking_no: String,
    pub room_type_id: i32,
    pub room_id: Option<i32>,
    pub rate_plan_id: i32,
    pub guest_id: i32,
    pub arrival: Date,
    pub departure: Date,
    pub adults: i32,
    pub children: i32,
    pub state: String,
    pub source: String,
    pub source_detail: String,
    pub special_requests: String,
    pub notes: String,
    pub promotion_id: Option<i32>,
    pub total_minor: i64,
    pub cancel_fee_minor: Option<i64>,
    pub overbooked: bool,
    /// none, card, deposit, company or prepaid.
    pub guarantee: String,
    /// The deposit asked before arrival; a booking's amount is on its first reservation.
    pub deposit_due_minor: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
