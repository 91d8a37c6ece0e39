//! Rooms and rates: numbered series, room types and rooms, room blocks (out of order / out of
//! service), rate plans with their price rules, and promotions.

use sea_orm_migration::{prelude::*, schema::*};

use crate::shape::{index, references, unique_index};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000003_rooms_and_rates"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(NumberSeries::Table)
                .col(integer(NumberSeries::PropertyId))
                .col(string_len(NumberSeries::Code, 24))
                .col(string_len(NumberSeries::Prefix, 12))
                .col(big_integer(NumberSeries::NextNumber))
                .col(small_integer(NumberSeries::Width))
                .primary_key(
                    Index::create()
                        .col(NumberSeries::PropertyId)
                        .col(NumberSeries::Code),
                )
                .foreign_key(&mut references(
                    NumberSeries::Table,
                    NumberSeries::PropertyId,
                    Property::Table,
                    Property::Id,
                ))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(RoomType::Table)
                .col(pk_auto(RoomType::Id))
                .col(integer(RoomType::PropertyId))
                .col(string_len(RoomType::Code, 16))
                .col(string_len(RoomType::NameZh, 80))
                .col(string_len(RoomType::NameEn, 80))
                .col(integer(RoomType::AreaM2).default(0))
                .col(string_len(RoomType::BedType, 32).default(""))
                .col(integer(RoomType::MaxAdults).default(2))
                .col(integer(RoomType::MaxChildren).default(0))
                .col(text(RoomType::Facilities).default("[]"))
                .col(integer(RoomType::OverbookRooms).default(0))
                .col(integer(RoomType::OverbookPercent).default(0))
                .col(boolean(RoomType::Active).default(true))
                .foreign_key(&mut references(
                    RoomType::Table,
                    RoomType::PropertyId,
                    Property::Table,
                    Property::Id,
                ))
                .to_owned(),
        )
        .await?;
        unique_index(
            m,
            "ux_room_type_property_code",
            RoomType::Table,
            [RoomType::PropertyId, RoomType::Code],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Room::Table)
                .col(pk_auto(Room::Id))
                .col(integer(Room::PropertyId))
                .col(integer(Room::RoomTypeId))
                .col(string_len(Room::Number, 16))
                .col(integer(Room::Floor))
                .col(text(Room::Features).default("[]"))
                .col(string_len(Room::Housekeeping, 16).default("clean"))
                .col(boolean(Room::Active).default(true))
                .foreign_key(&mut references(
                    Room::Table,
                    Room::PropertyId,
                    Property::Table,
                    Property::Id,
                ))
                .foreign_key(&mut references(
                    Room::Table,
                    Room::RoomTypeId,
                    RoomType::Table,
                    RoomType::Id,
                ))
                .to_owned(),
        )
        .await?;
        unique_index(
            m,
            "ux_room_property_number",
            Room::Table,
            [Room::PropertyId, Room::Number],
        )
        .await?;
        index(m, "ix_room_type", Room::Table, [Room::RoomTypeId]).await?;

        m.create_table(
            Table::create()
                .table(RoomBlock::Table)
                .col(pk_auto(RoomBlock::Id))
                .col(integer(RoomBlock::PropertyId))
                .col(integer(RoomBlock::RoomId))
                .col(date(RoomBlock::DateFrom))
                .col(date(RoomBlock::DateTo))
                .col(string_len(RoomBlock::Kind, 16))
                .col(text(RoomBlock::Reason))
                .col(timestamp_with_time_zone(RoomBlock::CreatedAt))
                .foreign_key(&mut references(
                    RoomBlock::Table,
                    RoomBlock::PropertyId,
                    Property::Table,
                    Property::Id,
                ))
                .foreign_key(&mut references(
                    RoomBlock::Table,
                    RoomBlock::RoomId,
                    Room::Table,
                    Room::Id,
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "ix_room_block_dates",
            RoomBlock::Table,
            [
                RoomBlock::PropertyId,
                RoomBlock::DateFrom,
                RoomBlock::DateTo,
            ],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(RatePlan::Table)
                .col(pk_auto(RatePlan::Id))
                .col(integer(RatePlan::PropertyId))
                .col(integer(RatePlan::RoomTypeId))
                .col(string_len(RatePlan::Code, 16))
                .col(string_len(RatePlan::NameZh, 80))
                .col(string_len(RatePlan::NameEn, 80))
                .col(string_len(RatePlan::Kind, 16).default("standard"))
                .col(big_integer(RatePlan::BasePriceMinor))
                .col(boolean(RatePlan::TaxInclusive).default(true))
                .col(integer(RatePlan::TaxRateBp).default(0))
                .col(integer(RatePlan::MinStay).default(1))
                .col(integer_null(RatePlan::MaxStay))
                .col(integer(RatePlan::CancelFreeHours).default(24))
                .col(string_len(RatePlan::CancelFee, 16).default("first_night"))
                .col(integer(RatePlan::CancelFeePercentBp).default(0))
                .col(string_len(RatePlan::NoShowFee, 16).default("first_night"))
                .col(integer(RatePlan::NoShowFeePercentBp).default(0))
                .col(boolean(RatePlan::Active).default(true))
                .foreign_key(&mut references(
                    RatePlan::Table,
                    RatePlan::PropertyId,
                    Property::Table,
                    Property::Id,
                ))
                .foreign_key(&mut references(
                    RatePlan::Table,
                    RatePlan::RoomTypeId,
                    RoomType::Table,
                    RoomType::Id,
                ))
                .to_owned(),
        )
        .await?;
        unique_index(
            m,
            "ux_rate_plan_code",
            RatePlan::Table,
            [RatePlan::PropertyId, RatePlan::RoomTypeId, RatePlan::Code],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(RateRule::Table)
                .col(pk_auto(RateRule::Id))
                .col(integer(RateRule::RatePlanId))
                .col(integer(RateRule::Position))
                .col(date_null(RateRule::DateFrom))
                .col(date_null(RateRule::DateTo))
                .col(small_integer(RateRule::Weekdays))
                .col(big_integer_null(RateRule::PriceMinor))
                .col(boolean(RateRule::ClosedToArrival).default(false))
                .col(boolean(RateRule::ClosedToDeparture).default(false))
                .foreign_key(
                    &mut references(
                        RateRule::Table,
                        RateRule::RatePlanId,
                        RatePlan::Table,
                        RatePlan::Id,
                    )
                    .on_delete(ForeignKeyAction::Cascade)
                    .to_owned(),
                )
                .to_owned(),
        )
        .await?;
        index(
            m,
            "ix_rate_rule_plan",
            RateRule::Table,
            [RateRule::RatePlanId, RateRule::Position],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Promotion::Table)
                .col(pk_auto(Promotion::Id))
                .col(integer(Promotion::PropertyId))
                .col(string_len(Promotion::Code, 24))
                .col(integer_null(Promotion::PercentBp))
                .col(big_integer_null(Promotion::AmountMinor))
                .col(date(Promotion::ValidFrom))
                .col(date(Promotion::ValidTo))
                .col(integer_null(Promotion::UsageLimit))
                .col(integer(Promotion::UsedCount).default(0))
                .foreign_key(&mut references(
                    Promotion::Table,
                    Promotion::PropertyId,
                    Property::Table,
                    Property::Id,
                ))
                .to_owned(),
        )
        .await?;
        unique_index(
            m,
            "ux_promotion_code",
            Promotion::Table,
            [Promotion::PropertyId, Promotion::Code],
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
enum NumberSeries {
    Table,
    PropertyId,
    Code,
    Prefix,
    NextNumber,
    Width,
}

#[derive(DeriveIden, Clone, Copy)]
enum RoomType {
    Table,
    Id,
    PropertyId,
    Code,
    NameZh,
    NameEn,
    AreaM2,
    BedType,
    MaxAdults,
    MaxChildren,
    Facilities,
    OverbookRooms,
    OverbookPercent,
    Active,
}

#[derive(DeriveIden, Clone, Copy)]
#[allow(clippy::enum_variant_names)]
enum Room {
    Table,
    Id,
    PropertyId,
    RoomTypeId,
    Number,
    Floor,
    Features,
    Housekeeping,
    Active,
}

#[derive(DeriveIden, Clone, Copy)]
enum RoomBlock {
    Table,
    Id,
    PropertyId,
    RoomId,
    DateFrom,
    DateTo,
    Kind,
    Reason,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum RatePlan {
    Table,
    Id,
    PropertyId,
    RoomTypeId,
    Code,
    NameZh,
    NameEn,
    Kind,
    BasePriceMinor,
    TaxInclusive,
    TaxRateBp,
    MinStay,
    MaxStay,
    CancelFreeHours,
    CancelFee,
    CancelFeePercentBp,
    NoShowFee,
    NoShowFeePercentBp,
    Active,
}

#[derive(DeriveIden, Clone, Copy)]
enum RateRule {
    Table,
    Id,
    RatePlanId,
    Position,
    DateFrom,
    DateTo,
    Weekdays,
    PriceMinor,
    ClosedToArrival,
    ClosedToDeparture,
}

#[derive(DeriveIden, Clone, Copy)]
enum Promotion {
    Table,
    Id,
    PropertyId,
    Code,
    PercentBp,
    AmountMinor,
    ValidFrom,
    ValidTo,
    UsageLimit,
    UsedCount,
}
