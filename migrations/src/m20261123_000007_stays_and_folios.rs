//! Stays and money: who is in which room (stay, stay_guest), the charge codes, folios with their
//! immutable postings and routing, numbered invoices and credit notes, and one row per night audit.
//!
//! The database itself guards the money rules that must hold whatever code runs: postings and
//! invoices are append-only (UPDATE and DELETE refused by triggers), a posting can only be dated
//! the property's current business date (closed dates are locked), a posting is voided at most
//! once, an invoice number is used once per property, and a business date is audited once.

use sea_orm_migration::{prelude::*, schema::*};

use crate::shape::{index, references, unique_index};

mod guards;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000007_stays_and_folios"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        guest_document_columns(m).await?;
        booking_guarantee_columns(m).await?;
        stays(m).await?;
        charge_codes(m).await?;
        folios(m).await?;
        postings(m).await?;
        invoices(m).await?;
        night_audits(m).await?;
        guards::create(m).await
    }
}

/// The decoded parts of a guest's ID document kept for the guest-origin report.
async fn guest_document_columns(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.alter_table(
        Table::alter()
            .table(Guest::Table)
            .add_column(string_len(Guest::IdRegion, 6).default(""))
            .to_owned(),
    )
    .await?;
    m.alter_table(
        Table::alter()
            .table(Guest::Table)
            .add_column(date_null(Guest::BirthDate))
            .to_owned(),
    )
    .await
}

/// How a booking is guaranteed and the deposit asked of the guest before arrival (issue 3), and
/// the hotel's e-mail address for the header of its documents.
async fn booking_guarantee_columns(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.alter_table(
        Table::alter()
            .table(Reservation::Table)
            .add_column(string_len(Reservation::Guarantee, 16).default("none"))
            .to_owned(),
    )
    .await?;
    m.alter_table(
        Table::alter()
            .table(Reservation::Table)
            .add_column(big_integer(Reservation::DepositDueMinor).default(0))
            .to_owned(),
    )
    .await?;
    m.alter_table(
        Table::alter()
            .table(Property::Table)
            .add_column(string_len(Property::Email, 120).default(""))
            .to_owned(),
    )
    .await
}

async fn stays(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(Stay::Table)
            .col(pk_auto(Stay::Id))
            .col(integer(Stay::PropertyId))
            .col(integer(Stay::ReservationId))
            .col(integer(Stay::RoomId))
            .col(string_len(Stay::KeyCard, 40).default(""))
            .col(date(Stay::CheckedInOn))
            .col(timestamp_with_time_zone(Stay::CheckedInAt))
            .col(integer_null(Stay::CheckedInBy))
            .col(date_null(Stay::CheckedOutOn))
            .col(timestamp_with_time_zone_null(Stay::CheckedOutAt))
            .col(integer_null(Stay::CheckedOutBy))
            .foreign_key(&mut references(
                Stay::Table,
                Stay::PropertyId,
                Property::Table,
                Property::Id,
            ))
            .foreign_key(&mut references(
                Stay::Table,
                Stay::ReservationId,
                Reservation::Table,
                Reservation::Id,
            ))
            .foreign_key(&mut references(
                Stay::Table,
                Stay::RoomId,
                Room::Table,
                Room::Id,
            ))
            .to_owned(),
    )
    .await?;
    unique_index(m, "ux_stay_reservation", Stay::Table, [Stay::ReservationId]).await?;
    index(
        m,
        "ix_stay_room",
        Stay::Table,
        [Stay::PropertyId, Stay::RoomId],
    )
    .await?;

    m.create_table(
        Table::create()
            .table(StayGuest::Table)
            .col(pk_auto(StayGuest::Id))
            .col(integer(StayGuest::StayId))
            .col(integer(StayGuest::GuestId))
            .col(boolean(StayGuest::IsPrimary).default(false))
            .foreign_key(&mut references(
                StayGuest::Table,
                StayGuest::StayId,
                Stay::Table,
                Stay::Id,
            ))
            .foreign_key(&mut references(
                StayGuest::Table,
                StayGuest::GuestId,
                Guest::Table,
                Guest::Id,
            ))
            .to_owned(),
    )
    .await?;
    unique_index(
        m,
        "ux_stay_guest",
        StayGuest::Table,
        [StayGuest::StayId, StayGuest::GuestId],
    )
    .await
}

async fn charge_codes(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(ChargeCode::Table)
            .col(pk_auto(ChargeCode::Id))
            .col(integer(ChargeCode::PropertyId))
            .col(string_len(ChargeCode::Code, 16))
            .col(string_len(ChargeCode::NameZh, 60))
            .col(string_len(ChargeCode::NameEn, 60))
            .col(string_len(ChargeCode::Department, 32))
            .col(integer(ChargeCode::TaxRateBp).default(0))
            .col(boolean(ChargeCode::Active).default(true))
            .foreign_key(&mut references(
                ChargeCode::Table,
                ChargeCode::PropertyId,
                Property::Table,
                Property::Id,
            ))
            .to_owned(),
    )
    .await?;
    unique_index(
        m,
        "ux_charge_code",
        ChargeCode::Table,
        [ChargeCode::PropertyId, ChargeCode::Code],
    )
    .await
}

async fn folios(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(Folio::Table)
            .col(pk_auto(Folio::Id))
            .col(integer(Folio::PropertyId))
            .col(integer(Folio::ReservationId))
            .col(string_len(Folio::Number, 24))
            .col(string_len(Folio::Label, 60).default(""))
            .col(string_len(Folio::PayerName, 120).default(""))
            .col(boolean(Folio::CompanyAccount).default(false))
            .col(big_integer_null(Folio::CreditLimitMinor))
            .col(string_len(Folio::State, 16))
            .col(timestamp_with_time_zone(Folio::OpenedAt))
            .col(timestamp_with_time_zone_null(Folio::ClosedAt))
            .foreign_key(&mut references(
                Folio::Table,
                Folio::PropertyId,
                Property::Table,
                Property::Id,
            ))
            .foreign_key(&mut references(
                Folio::Table,
                Folio::ReservationId,
                Reservation::Table,
                Reservation::Id,
            ))
            .to_owned(),
    )
    .await?;
    unique_index(
        m,
        "ux_folio_number",
        Folio::Table,
        [Folio::PropertyId, Folio::Number],
    )
    .await?;
    index(
        m,
        "ix_folio_reservation",
        Folio::Table,
        [Folio::ReservationId],
    )
    .await?;

    m.create_table(
        Table::create()
            .table(FolioRoute::Table)
            .col(pk_auto(FolioRoute::Id))
            .col(integer(FolioRoute::ReservationId))
            .col(integer(FolioRoute::ChargeCodeId))
            .col(integer(FolioRoute::FolioId))
            .foreign_key(&mut references(
                FolioRoute::Table,
                FolioRoute::ReservationId,
                Reservation::Table,
                Reservation::Id,
            ))
            .foreign_key(&mut references(
                FolioRoute::Table,
                FolioRoute::ChargeCodeId,
                ChargeCode::Table,
                ChargeCode::Id,
            ))
            .foreign_key(&mut references(
                FolioRoute::Table,
                FolioRoute::FolioId,
                Folio::Table,
                Folio::Id,
            ))
            .to_owned(),
    )
    .await?;
    unique_index(
        m,
        "ux_folio_route",
        FolioRoute::Table,
        [FolioRoute::ReservationId, FolioRoute::ChargeCodeId],
    )
    .await
}

async fn postings(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(Posting::Table)
            .col(pk_auto(Posting::Id))
            .col(integer(Posting::PropertyId))
            .col(integer(Posting::FolioId))
            .col(string_len(Posting::Kind, 16))
            .col(integer_null(Posting::ChargeCodeId))
            .col(string_len(Posting::PaymentMethod, 16).default(""))
            .col(big_integer(Posting::AmountMinor))
            .col(big_integer(Posting::TaxMinor).default(0))
            .col(date(Posting::BusinessDate))
            .col(date_null(Posting::Night))
            .col(timestamp_with_time_zone(Posting::PostedAt))
            .col(integer_null(Posting::UserId))
            .col(string_len(Posting::Description, 200).default(""))
            .col(string_len(Posting::Reference, 60).default(""))
            .col(string_len(Posting::CardBrand, 16).default(""))
            .col(string_len(Posting::CardLast4, 4).default(""))
            .col(string_len(Posting::AuthCode, 16).default(""))
            .col(integer_null(Posting::VoidsId))
            .col(integer_null(Posting::AdjustsId))
            .col(string_len(Posting::Reason, 500).default(""))
            .foreign_key(&mut references(
                Posting::Table,
                Posting::PropertyId,
                Property::Table,
                Property::Id,
            ))
            .foreign_key(&mut references(
                Posting::Table,
                Posting::FolioId,
                Folio::Table,
                Folio::Id,
            ))
            .foreign_key(&mut references(
                Posting::Table,
                Posting::ChargeCodeId,
                ChargeCode::Table,
                ChargeCode::Id,
            ))
            .foreign_key(&mut references(
                Posting::Table,
                Posting::UserId,
                StaffUser::Table,
                StaffUser::Id,
            ))
            .to_owned(),
    )
    .await?;
    index(m, "ix_posting_folio", Posting::Table, [Posting::FolioId]).await?;
    index(
        m,
        "ix_posting_date",
        Posting::Table,
        [Posting::PropertyId, Posting::BusinessDate],
    )
    .await?;
    // NULLs are distinct in a unique index on both backends: only voids carry `voids_id`.
    unique_index(m, "ux_posting_voids", Posting::Table, [Posting::VoidsId]).await
}

async fn invoices(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(Invoice::Table)
            .col(pk_auto(Invoice::Id))
            .col(integer(Invoice::PropertyId))
            .col(integer(Invoice::FolioId))
            .col(string_len(Invoice::Kind, 16))
            .col(string_len(Invoice::Number, 24))
            .col(date(Invoice::BusinessDate))
            .col(timestamp_with_time_zone(Invoice::IssuedAt))
            .col(integer_null(Invoice::UserId))
            .col(string_len(Invoice::BuyerName, 120).default(""))
            .col(string_len(Invoice::TaxpayerId, 40).default(""))
            .col(big_integer(Invoice::TotalMinor))
            .col(big_integer(Invoice::TaxMinor))
            .col(integer_null(Invoice::CreditsId))
            .col(string_len(Invoice::Reason, 500).default(""))
            .col(integer_null(Invoice::LastPostingId))
            .foreign_key(&mut references(
                Invoice::Table,
                Invoice::PropertyId,
                Property::Table,
                Property::Id,
            ))
            .foreign_key(&mut references(
                Invoice::Table,
                Invoice::FolioId,
                Folio::Table,
                Folio::Id,
            ))
            .foreign_key(&mut references(
                Invoice::Table,
                Invoice::UserId,
                StaffUser::Table,
                StaffUser::Id,
            ))
            .to_owned(),
    )
    .await?;
    unique_index(
        m,
        "ux_invoice_number",
        Invoice::Table,
        [Invoice::PropertyId, Invoice::Number],
    )
    .await?;
    unique_index(
        m,
        "ux_invoice_credits",
        Invoice::Table,
        [Invoice::CreditsId],
    )
    .await?;
    index(m, "ix_invoice_folio", Invoice::Table, [Invoice::FolioId]).await
}

async fn night_audits(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(NightAudit::Table)
            .col(pk_auto(NightAudit::Id))
            .col(integer(NightAudit::PropertyId))
            .col(date(NightAudit::BusinessDate))
            .col(timestamp_with_time_zone(NightAudit::StartedAt))
            .col(timestamp_with_time_zone(NightAudit::FinishedAt))
            .col(integer_null(NightAudit::UserId))
            .col(text(NightAudit::Summary).default("{}"))
            .foreign_key(&mut references(
                NightAudit::Table,
                NightAudit::PropertyId,
                Property::Table,
                Property::Id,
            ))
            .foreign_key(&mut references(
                NightAudit::Table,
                NightAudit::UserId,
                StaffUser::Table,
                StaffUser::Id,
            ))
            .to_owned(),
    )
    .await?;
    unique_index(
        m,
        "ux_night_audit_date",
        NightAudit::Table,
        [NightAudit::PropertyId, NightAudit::BusinessDate],
    )
    .await
}

#[derive(DeriveIden, Clone, Copy)]
enum Guest {
    Table,
    Id,
    IdRegion,
    BirthDate,
}

#[derive(DeriveIden, Clone, Copy)]
enum Stay {
    Table,
    Id,
    PropertyId,
    ReservationId,
    RoomId,
    KeyCard,
    CheckedInOn,
    CheckedInAt,
    CheckedInBy,
    CheckedOutOn,
    CheckedOutAt,
    CheckedOutBy,
}

#[derive(DeriveIden, Clone, Copy)]
enum StayGuest {
    Table,
    Id,
    StayId,
    GuestId,
    IsPrimary,
}

#[derive(DeriveIden, Clone, Copy)]
enum ChargeCode {
    Table,
    Id,
    PropertyId,
    Code,
    NameZh,
    NameEn,
    Department,
    TaxRateBp,
    Active,
}

#[derive(DeriveIden, Clone, Copy)]
enum Folio {
    Table,
    Id,
    PropertyId,
    ReservationId,
    Number,
    Label,
    PayerName,
    CompanyAccount,
    CreditLimitMinor,
    State,
    OpenedAt,
    ClosedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum FolioRoute {
    Table,
    Id,
    ReservationId,
    ChargeCodeId,
    FolioId,
}

#[derive(DeriveIden, Clone, Copy)]
enum Posting {
    Table,
    Id,
    PropertyId,
    FolioId,
    Kind,
    ChargeCodeId,
    PaymentMethod,
    AmountMinor,
    TaxMinor,
    BusinessDate,
    Night,
    PostedAt,
    UserId,
    Description,
    Reference,
    CardBrand,
    CardLast4,
    AuthCode,
    VoidsId,
    AdjustsId,
    Reason,
}

#[derive(DeriveIden, Clone, Copy)]
enum Invoice {
    Table,
    Id,
    PropertyId,
    FolioId,
    Kind,
    Number,
    BusinessDate,
    IssuedAt,
    UserId,
    BuyerName,
    TaxpayerId,
    TotalMinor,
    TaxMinor,
    CreditsId,
    Reason,
    LastPostingId,
}

#[derive(DeriveIden, Clone, Copy)]
enum NightAudit {
    Table,
    Id,
    PropertyId,
    BusinessDate,
    StartedAt,
    FinishedAt,
    UserId,
    Summary,
}

#[derive(DeriveIden, Clone, Copy)]
enum Property {
    Table,
    Id,
    Email,
}

#[derive(DeriveIden, Clone, Copy)]
enum Reservation {
    Table,
    Id,
    Guarantee,
    DepositDueMinor,
}

#[derive(DeriveIden, Clone, Copy)]
enum Room {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum StaffUser {
    Table,
    Id,
}
