//! The foundation: property, staff, roles and permissions, audit trail, settings, backups.

use sea_orm_migration::{prelude::*, schema::*};

use crate::shape::{index, references, unique_index};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000001_foundation"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Property::Table)
                .col(pk_auto(Property::Id))
                .col(string_len(Property::Name, 120))
                .col(string_len(Property::Address, 300).default(""))
                .col(string_len(Property::Phone, 40).default(""))
                .col(string_len(Property::TaxpayerId, 40).default(""))
                .col(string_len(Property::Currency, 3))
                .col(small_integer(Property::CurrencyDigits))
                .col(string_len(Property::TimeZone, 64))
                .col(string_len(Property::CheckInTime, 5))
                .col(string_len(Property::CheckOutTime, 5))
                .col(date(Property::BusinessDate))
                .col(big_integer(Property::FolioCreditLimitMinor).default(0))
                .col(timestamp_with_time_zone(Property::CreatedAt))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Role::Table)
                .col(pk_auto(Role::Id))
                .col(integer(Role::PropertyId))
                .col(string_len(Role::Code, 40))
                .col(string_len(Role::Name, 80))
                .col(boolean(Role::Builtin).default(false))
                .foreign_key(&mut fk(Role::Table, Role::PropertyId))
                .to_owned(),
        )
        .await?;
        unique_index(
            m,
            "ux_role_property_code",
            Role::Table,
            [Role::PropertyId, Role::Code],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(RolePermission::Table)
                .col(integer(RolePermission::RoleId))
                .col(string_len(RolePermission::Permission, 60))
                .primary_key(
                    Index::create()
                        .col(RolePermission::RoleId)
                        .col(RolePermission::Permission),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(RolePermission::Table, RolePermission::RoleId)
                        .to(Role::Table, Role::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(StaffUser::Table)
                .col(pk_auto(StaffUser::Id))
                .col(integer(StaffUser::PropertyId))
                .col(string_len(StaffUser::Username, 40))
                .col(string_len(StaffUser::DisplayName, 80))
                .col(text(StaffUser::PasswordHash))
                .col(integer(StaffUser::RoleId))
                .col(boolean(StaffUser::Active).default(true))
                .col(integer(StaffUser::FailedAttempts).default(0))
                .col(timestamp_with_time_zone_null(StaffUser::LockedUntil))
                .col(timestamp_with_time_zone_null(StaffUser::LastLoginAt))
                .col(string_len(StaffUser::Language, 8))
                .col(timestamp_with_time_zone(StaffUser::CreatedAt))
                .foreign_key(&mut fk(StaffUser::Table, StaffUser::PropertyId))
                .foreign_key(
                    ForeignKey::create()
                        .from(StaffUser::Table, StaffUser::RoleId)
                        .to(Role::Table, Role::Id),
                )
                .to_owned(),
        )
        .await?;
        unique_index(
            m,
            "ux_staff_user_property_username",
            StaffUser::Table,
            [StaffUser::PropertyId, StaffUser::Username],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(AuditEntry::Table)
                .col(big_pk_auto(AuditEntry::Id))
                .col(integer(AuditEntry::PropertyId))
                .col(timestamp_with_time_zone(AuditEntry::At))
                .col(integer_null(AuditEntry::UserId))
                .col(string_len(AuditEntry::Username, 40))
                .col(string_len(AuditEntry::Action, 60))
                .col(string_len(AuditEntry::Entity, 40))
                .col(string_len(AuditEntry::EntityId, 80))
                .col(text(AuditEntry::Summary))
                .foreign_key(&mut fk(AuditEntry::Table, AuditEntry::PropertyId))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "ix_audit_property_at",
            AuditEntry::Table,
            [AuditEntry::PropertyId, AuditEntry::At],
        )
        .await?;
        index(
            m,
            "ix_audit_property_action",
            AuditEntry::Table,
            [AuditEntry::PropertyId, AuditEntry::Action],
        )
        .await?;
        index(
            m,
            "ix_audit_property_user",
            AuditEntry::Table,
            [AuditEntry::PropertyId, AuditEntry::UserId],
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Setting::Table)
                .col(integer(Setting::PropertyId))
                .col(string_len(Setting::Key, 80))
                .col(text(Setting::Value))
                .primary_key(Index::create().col(Setting::PropertyId).col(Setting::Key))
                .foreign_key(&mut fk(Setting::Table, Setting::PropertyId))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Backup::Table)
                .col(pk_auto(Backup::Id))
                .col(integer(Backup::PropertyId))
                .col(timestamp_with_time_zone(Backup::CreatedAt))
                .col(text(Backup::Path))
                .col(big_integer(Backup::SizeBytes))
                .col(string_len(Backup::Sha256, 64))
                .col(string_len(Backup::Kind, 16))
                .col(boolean(Backup::Verified))
                .col(string_len(Backup::Username, 40))
                .foreign_key(&mut fk(Backup::Table, Backup::PropertyId))
                .to_owned(),
        )
        .await?;

        Ok(())
    }
}

/// A foreign key from `table.property_id` to the property.
fn fk<T: IntoIden + Copy + 'static>(table: T, col: impl IntoIden) -> ForeignKeyCreateStatement {
    references(table, col, Property::Table, Property::Id)
}

#[derive(DeriveIden, Clone, Copy)]
enum Property {
    Table,
    Id,
    Name,
    Address,
    Phone,
    TaxpayerId,
    Currency,
    CurrencyDigits,
    TimeZone,
    CheckInTime,
    CheckOutTime,
    BusinessDate,
    FolioCreditLimitMinor,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Role {
    Table,
    Id,
    PropertyId,
    Code,
    Name,
    Builtin,
}

#[derive(DeriveIden, Clone, Copy)]
enum RolePermission {
    Table,
    RoleId,
    Permission,
}

#[derive(DeriveIden, Clone, Copy)]
enum StaffUser {
    Table,
    Id,
    PropertyId,
    Username,
    DisplayName,
    PasswordHash,
    RoleId,
    Active,
    FailedAttempts,
    LockedUntil,
    LastLoginAt,
    Language,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum AuditEntry {
    Table,
    Id,
    PropertyId,
    At,
    UserId,
    Username,
    Action,
    Entity,
    EntityId,
    Summary,
}

#[derive(DeriveIden, Clone, Copy)]
enum Setting {
    Table,
    PropertyId,
    Key,
    Value,
}

#[derive(DeriveIden, Clone, Copy)]
enum Backup {
    Table,
    Id,
    PropertyId,
    CreatedAt,
    Path,
    SizeBytes,
    Sha256,
    Kind,
    Verified,
    Username,
}
