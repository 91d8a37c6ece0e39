//! Walks: a confirmed guest the hotel could not house, sent to a partner hotel. One row per walked
//! reservation (partner, cost to the hotel, reason, the business date), kept for reports.

use sea_orm_migration::{prelude::*, schema::*};

use crate::shape::{index, references, unique_index};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000006_walks"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Walk::Table)
                .col(pk_auto(Walk::Id))
                .col(integer(Walk::PropertyId))
                .col(integer(Walk::ReservationId))
                .col(string_len(Walk::PartnerHotel, 120))
                .col(big_integer(Walk::CostMinor))
                .col(string_len(Walk::Reason, 500))
                .col(date(Walk::BusinessDate))
                .col(timestamp_with_time_zone(Walk::WalkedAt))
                .col(integer_null(Walk::UserId))
                .foreign_key(&mut references(
                    Walk::Table,
                    Walk::PropertyId,
                    Property::Table,
                    Property::Id,
                ))
                .foreign_key(&mut references(
                    Walk::Table,
                    Walk::ReservationId,
                    Reservation::Table,
                    Reservation::Id,
                ))
                .foreign_key(&mut references(
                    Walk::Table,
                    Walk::UserId,
                    StaffUser::Table,
                    StaffUser::Id,
                ))
                .to_owned(),
        )
        .await?;
        unique_index(m, "ux_walk_reservation", Walk::Table, [Walk::ReservationId]).await?;
        index(
            m,
            "ix_walk_date",
            Walk::Table,
            [Walk::PropertyId, Walk::BusinessDate],
        )
        .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Walk {
    Table,
    Id,
    PropertyId,
    ReservationId,
    PartnerHotel,
    CostMinor,
    Reason,
    BusinessDate,
    WalkedAt,
    UserId,
}

#[derive(DeriveIden, Clone, Copy)]
enum Property {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Reservation {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum StaffUser {
    Table,
    Id,
}
