//! The money rules the database itself guards, on SQLite and PostgreSQL: postings and invoices
//! are append-only, and a posting is dated only the property's current business date.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

/// Triggers: append-only postings and invoices; postings only on the current business date.
pub(super) async fn create(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = m.get_connection();
    match m.get_database_backend() {
        DatabaseBackend::Sqlite => {
            for table in ["posting", "invoice"] {
                for op in ["UPDATE", "DELETE"] {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER {table}_no_{lower} BEFORE {op} ON {table} \
                         BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END;",
                        lower = op.to_lowercase()
                    ))
                    .await?;
                }
            }
            db.execute_unprepared(
                "CREATE TRIGGER posting_open_date BEFORE INSERT ON posting \
                 WHEN NEW.business_date <> (SELECT business_date FROM property WHERE id = NEW.property_id) \
                 BEGIN SELECT RAISE(ABORT, 'posting to a closed business date'); END;",
            )
            .await?;
        }
        DatabaseBackend::Postgres => {
            db.execute_unprepared(
                "CREATE FUNCTION money_append_only() RETURNS trigger AS $$ \
                 BEGIN RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql;",
            )
            .await?;
            for table in ["posting", "invoice"] {
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} \
                     FOR EACH ROW EXECUTE FUNCTION money_append_only();"
                ))
                .await?;
            }
            db.execute_unprepared(
                "CREATE FUNCTION posting_open_date() RETURNS trigger AS $$ \
                 BEGIN \
                   IF NEW.business_date IS DISTINCT FROM \
                      (SELECT business_date FROM property WHERE id = NEW.property_id) THEN \
                     RAISE EXCEPTION 'posting to a closed business date'; \
                   END IF; \
                   RETURN NEW; \
                 END; $$ LANGUAGE plpgsql;",
            )
            .await?;
            db.execute_unprepared(
                "CREATE TRIGGER posting_open_date BEFORE INSERT ON posting \
                 FOR EACH ROW EXECUTE FUNCTION posting_open_date();",
            )
            .await?;
        }
        _ => {}
    }
    Ok(())
}
