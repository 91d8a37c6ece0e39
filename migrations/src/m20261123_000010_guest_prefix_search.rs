//! Guest search by the start of a name, pinyin, initials, phone or ID number on PostgreSQL:
//! `LIKE 'abc%'` uses a B-tree index only with the `text_pattern_ops` operator class when the
//! database collation is not "C". SQLite's search compares ranges on its byte-ordered indexes
//! (migration 000004), so only PostgreSQL changes.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000010_guest_prefix_search"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() != DatabaseBackend::Postgres {
            return Ok(());
        }
        for column in [
            "name",
            "name_pinyin",
            "pinyin_initials",
            "phone",
            "id_number",
        ] {
            m.get_connection()
                .execute_unprepared(&format!(
                    "CREATE INDEX ix_guest_{column}_prefix ON guest \
                     (property_id, {column} text_pattern_ops)"
                ))
                .await?;
        }
        Ok(())
    }
}
