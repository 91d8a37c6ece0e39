//! Widens `guest.id_type` from 16 to 32 characters: the kind names of `identity::IdDocumentKind`
//! ("china_resident_id" has 17). SQLite does not enforce VARCHAR lengths, so only PostgreSQL
//! changes.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000009_guest_id_type_width"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() != DatabaseBackend::Postgres {
            return Ok(());
        }
        m.alter_table(
            Table::alter()
                .table(Guest::Table)
                .modify_column(
                    ColumnDef::new(Guest::IdType)
                        .string_len(32)
                        .not_null()
                        .default(""),
                )
                .to_owned(),
        )
        .await
    }
}

#[derive(DeriveIden)]
enum Guest {
    Table,
    IdType,
}
