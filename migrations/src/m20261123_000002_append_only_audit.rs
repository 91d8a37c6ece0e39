//! Makes the audit trail append-only in the database itself: UPDATE and DELETE are refused by a
//! trigger on both SQLite and PostgreSQL, whatever code runs against it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000002_append_only_audit"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        match m.get_database_backend() {
            DatabaseBackend::Sqlite => {
                for op in ["UPDATE", "DELETE"] {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER audit_entry_no_{lower} BEFORE {op} ON audit_entry \
                         BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;",
                        lower = op.to_lowercase()
                    ))
                    .await?;
                }
            }
            DatabaseBackend::Postgres => {
                db.execute_unprepared(
                    "CREATE FUNCTION audit_entry_append_only() RETURNS trigger AS $$ \
                     BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END; $$ LANGUAGE plpgsql;",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry \
                     FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();",
                )
                .await?;
            }
            _ => {}
        }
        Ok(())
    }
}
