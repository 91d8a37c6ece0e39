//! Guests and reservations: guest profiles (with pinyin for search), reservations and one row per
//! reservation night. The unique index on (room, night) is the database's own guard that one
//! physical room holds one stay per night, on SQLite and PostgreSQL alike.

use sea_orm_migration::{prelude::*, schema::*};

use crate::shape::{index, references, unique_index};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000004_guests_and_reservations"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Guest::Table)
                .col(pk_auto(Guest::Id))
                .col(integer(Guest::PropertyId))
                .col(string_len(Guest::Name, 120))
                .col(string_len(Guest::NamePinyin, 240).default(""))
                .col(string_len(Guest::PinyinInitials, 60).default(""))
                .col(string_len(Guest::Phone, 40).default(""))
                .col(string_len(Guest::Email, 120).default(""))
                .col(string_len(Guest::IdType, 16).default(""))
                .col(string_len(Guest::IdNumber, 40).default(""))
                .col(string_len(Guest::Nationality, 3).default(""))
                .col(text(Guest::Preferences).default("{}"))
                .col(timestamp_with_time_zone(Guest::CreatedAt))
                .foreign_key(&mut references(
                    Guest::Table,
                    Guest::PropertyId,
                    Property::Table,
                    Property::Id,
                ))
                .to_owned(),
        )
        .await?;
        for (name, col) in [
            ("ix_guest_pinyin", Guest::NamePinyin),
            ("ix_guest_initials", Guest::PinyinInitials),
            ("ix_guest_phone", Guest::Phone),
            ("ix_guest_id_number", Guest::IdNumber),
            ("ix_guest_name", Guest::Name),
        ] {
            index(m, name, Guest::Table, [Guest::PropertyId, col]).await?;
        }

        m.create_table(
            Table::create()
                .table(Reservation::Table)
                .col(pk_auto(Reservation::Id))
                .col(integer(Reservation::PropertyId))
                .col(string_len(Reservation::BookingNo, 24))
                .col(integer(Reservation::RoomTypeId))
                .col(integer_null(Reservation::RoomId))
                .col(integer(Reservation::RatePlanId))
                .col(integer(Reservation::GuestId))
                .col(date(Reservation::Arrival))
                .col(date(Reservation::Departure))
                .col(integer(Reservation::Adults))
                .col(integer(Reservation::Children))
                .col(string_len(Reservation::State, 16))
                .col(string_len(Reservation::Source, 16))
                .col(string_len(Reservation::SourceDetail, 80).default(""))
                .col(text(Reservation::SpecialRequests).default(""))
                .col(text(Reservation::Notes).default(""))
                .col(integer_null(Reservation::PromotionId))
                .col(big_integer(Reservation::TotalMinor))
                .col(big_integer_null(Reservation::CancelFeeMinor))
                .col(boolean(Reservation::Overbooked).default(false))
                .col(timestamp_with_time_zone(Reservation::CreatedAt))
                .col(timestamp_with_time_zone(Reservation::UpdatedAt))
                .foreign_key(&mut references(
                    Reservation::Table,
                    Reservation::PropertyId,
                    Property::Table,
                    Property::Id,
                ))
                .foreign_key(&mut references(
                    Reservation::Table,
                    Reservation::RoomTypeId,
                    RoomType::Table,
                    RoomType::Id,
                ))
                .foreign_key(&mut references(
                    Reservation::Table,
                    Reservation::RoomId,
                    Room::Table,
                    Room::Id,
                ))
                .foreign_key(&mut references(
                    Reservation::Table,
                    Reservation::RatePlanId,
                    RatePlan::Table,
                    RatePlan::Id,
                ))
                .foreign_key(&mut references(
                    Reservation::Table,
                    Reservation::GuestId,
                    Guest::Table,
                    Guest::Id,
                ))
                .foreign_key(&mut references(
                    Reservation::Table,
                    Reservation::PromotionId,
                    Promotion::Table,
                    Promotion::Id,
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "ix_reservation_arrival",
            Reservation::Table,
            [Reservation::PropertyId, Reservation::Arrival],
        )
        .await?;
        index(
            m,
            "ix_reservation_departure",
            Reservation::Table,
            [Reservation::PropertyId, Reservation::Departure],
        )
        .await?;
        index(
            m,
            "ix_reservation_state",
            Reservation::Table,
            [Reservation::PropertyId, Reservation::State],
        )
        .await?;
        index(
            m,
            "ix_reservation_booking",
            Reservation::Table,
            [Reservation::PropertyId, Reservation::BookingNo],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(ReservationNight::Table)
                .col(big_pk_auto(ReservationNight::Id))
                .col(integer(ReservationNight::PropertyId))
                .col(integer(ReservationNight::ReservationId))
                .col(date(ReservationNight::Night))
                .col(integer(ReservationNight::RoomTypeId))
                .col(integer_null(ReservationNight::RoomId))
                .col(big_integer(ReservationNight::PriceMinor))
                .col(big_integer(ReservationNight::DiscountMinor))
                .col(big_integer(ReservationNight::AmountMinor))
                .col(big_integer(ReservationNight::TaxMinor))
                .foreign_key(&mut references(
                    ReservationNight::Table,
                    ReservationNight::PropertyId,
                    Property::Table,
                    Property::Id,
                ))
                .foreign_key(
                    &mut references(
                        ReservationNight::Table,
                        ReservationNight::ReservationId,
                        Reservation::Table,
                        Reservation::Id,
                    )
                    .on_delete(ForeignKeyAction::Cascade)
                    .to_owned(),
                )
                .foreign_key(&mut references(
                    ReservationNight::Table,
                    ReservationNight::RoomId,
                    Room::Table,
                    Room::Id,
                ))
                .to_owned(),
        )
        .await?;
        // One physical room, one stay per night (NULL rooms, i.e. unassigned nights, are exempt).
        unique_index(
            m,
            "ux_reservation_night_room",
            ReservationNight::Table,
            [ReservationNight::RoomId, ReservationNight::Night],
        )
        .await?;
        index(
            m,
            "ix_reservation_night_type",
            ReservationNight::Table,
            [
                ReservationNight::PropertyId,
                ReservationNight::Night,
                ReservationNight::RoomTypeId,
            ],
        )
        .await?;
        index(
            m,
            "ix_reservation_night_reservation",
            ReservationNight::Table,
            [ReservationNight::ReservationId],
        )
        .await?;
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Property {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum RoomType {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Room {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum RatePlan {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Promotion {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Guest {
    Table,
    Id,
    PropertyId,
    Name,
    NamePinyin,
    PinyinInitials,
    Phone,
    Email,
    IdType,
    IdNumber,
    Nationality,
    Preferences,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Reservation {
    Table,
    Id,
    PropertyId,
    BookingNo,
    RoomTypeId,
    RoomId,
    RatePlanId,
    GuestId,
    Arrival,
    Departure,
    Adults,
    Children,
    State,
    Source,
    SourceDetail,
    SpecialRequests,
    Notes,
    PromotionId,
    TotalMinor,
    CancelFeeMinor,
    Overbooked,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ReservationNight {
    Table,
    Id,
    PropertyId,
    ReservationId,
    Night,
    RoomTypeId,
    RoomId,
    PriceMinor,
    DiscountMinor,
    AmountMinor,
    TaxMinor,
}
