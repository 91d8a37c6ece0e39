//! The `guest` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "guest")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub property_id: i32,
    pub name: String,
    pub name_pinyin: String,
    pub pinyin_initials: String,
    pub phone: String,
    pub email: String,
    pub id_type: String,
    pub id_number: String,
    pub nationality: String,
    /// GB/T 2260 region of a China resident ID (first six digits), for the guest-origin report.
    pub id_region: String,
    pub birth_date: Option<Date>,
    pub preferences: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
