//! Opening the hotel's database: embedded SQLite (one file, WAL, foreign keys, busy timeout,
//! one writer connection) or a shared PostgreSQL server; both get the same migrations.

use std::path::{Path, PathBuf};
use std::time::Duration;

use innkeep_migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sea_orm::sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous,
};
use sea_orm::{
    DatabaseConnection, DatabaseTransaction, SqliteTransactionMode, SqlxPostgresConnector,
    SqlxSqliteConnector, TransactionOptions, TransactionTrait,
};
use serde::{Deserialize, Serialize};

use crate::error::ApiError;

/// Which kind of database a hotel uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    Embedded,
    Postgres,
}

/// Where a shared PostgreSQL server is; the password is kept apart (OS keyring).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostgresServer {
    pub host: String,
    pub port: u16,
    pub database: String,
    pub user: String,
}

/// Why a database could not be opened, in words a front desk can act on.
#[derive(Debug, thiserror::Error)]
pub enum ConnectionError {
    #[error("cannot reach the database server at {host}:{port}")]
    Unreachable { host: String, port: u16 },
    #[error("the server refused user {user} and its password")]
    AuthFailed { user: String },
    #[error("the database {database} does not exist on the server")]
    DatabaseMissing { database: String },
    #[error("no database is configured yet")]
    NotConfigured,
    #[error("the database could not be opened: {0}")]
    Failed(String),
}

impl ConnectionError {
    pub fn to_api(&self) -> ApiError {
        match self {
            Self::Unreachable { host, port } => ApiError::new(
                "db",
                "unreachable",
                &[("host", host.clone()), ("port", port.to_string())],
            ),
            Self::AuthFailed { user } => {
                ApiError::new("db", "auth_failed", &[("user", user.clone())])
            }
            Self::DatabaseMissing { database } => {
                ApiError::new("db", "database_missing", &[("database", database.clone())])
            }
            Self::NotConfigured => ApiError::new("db", "not_configured", &[]),
            Self::Failed(_) => ApiError::new("db", "failed", &[]),
        }
    }
}

/// An open, migrated database.
#[derive(Debug, Clone)]
pub struct Db {
    pub conn: DatabaseConnection,
    pub backend: Backend,
    /// The SQLite file, for the embedded backend.
    pub sqlite_path: Option<PathBuf>,
}

/// Opens (creating if needed) the embedded database file and migrates it.
pub async fn open_embedded(path: &Path) -> Result<Db, ConnectionError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| ConnectionError::Failed(e.to_string()))?;
    }
    let opts = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10));
    // One connection: SQLite has one writer, and queueing in the pool beats lock contention.
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(opts)
        .await
        .map_err(|e| ConnectionError::Failed(e.to_string()))?;
    let conn = SqlxSqliteConnector::from_sqlx_sqlite_pool(pool);
    migrate(&conn).await?;
    Ok(Db {
        conn,
        backend: Backend::Embedded,
        sqlite_path: Some(path.to_path_buf()),
    })
}

/// Connects to a PostgreSQL server and migrates the database; errors say what to fix.
pub async fn open_postgres(server: &PostgresServer, password: &str) -> Result<Db, ConnectionError> {
    let opts = PgConnectOptions::new()
        .host(&server.host)
        .port(server.port)
        .database(&server.database)
        .username(&server.user)
        .password(password)
        .application_name("innkeep");
    let pool = PgPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(6))
        .connect_with(opts)
        .await
        .map_err(|e| classify(server, &e))?;
    let conn = SqlxPostgresConnector::from_sqlx_postgres_pool(pool);
    migrate(&conn).await?;
    Ok(Db {
        conn,
        backend: Backend::Postgres,
        sqlite_path: None,
    })
}

async fn migrate(conn: &DatabaseConnection) -> Result<(), ConnectionError> {
    Migrator::up(conn, None)
        .await
        .map_err(|e| ConnectionError::Failed(format!("migration: {e}")))
}

fn classify(server: &PostgresServer, e: &sea_orm::sqlx::Error) -> ConnectionError {
    use sea_orm::sqlx::Error as E;
    match e {
        E::Database(d) => match d.code().as_deref() {
            Some("28P01") | Some("28000") => ConnectionError::AuthFailed {
                user: server.user.clone(),
            },
            Some("3D000") => ConnectionError::DatabaseMissing {
                database: server.database.clone(),
            },
            _ => ConnectionError::Failed(e.to_string()),
        },
        E::Io(_) | E::PoolTimedOut | E::Tls(_) => ConnectionError::Unreachable {
            host: server.host.clone(),
            port: server.port,
        },
        _ => ConnectionError::Failed(e.to_string()),
    }
}

/// A write transaction from its first statement: on SQLite `BEGIN IMMEDIATE`, so terminals
/// with their own connections queue for the writer instead of failing half-way.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, sea_orm::DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// A database refusal the front desk can act on, whatever the backend: the disk holding the
/// database is full (SQLite `SQLITE_FULL`, PostgreSQL `53100`), or other terminals held the
/// database too long (SQLite busy or locked after the busy timeout, PostgreSQL serialisation
/// failure, deadlock or lock timeout). Nothing was saved in either case; `None` for the rest.
pub fn refusal(e: &sea_orm::DbErr) -> Option<ApiError> {
    use sea_orm::{DbErr, RuntimeErr};
    let (DbErr::Conn(RuntimeErr::SqlxError(x))
    | DbErr::Exec(RuntimeErr::SqlxError(x))
    | DbErr::Query(RuntimeErr::SqlxError(x))) = e
    else {
        return None;
    };
    let sea_orm::sqlx::Error::Database(d) = x.as_ref() else {
        return None;
    };
    let code = d.code()?;
    let kind = if d
        .try_downcast_ref::<sea_orm::sqlx::sqlite::SqliteError>()
        .is_some()
    {
        // Extended result codes carry the primary code in their low byte.
        match code.parse::<i32>().ok()? & 0xff {
            13 => "disk_full",
            5 | 6 => "busy",
            _ => return None,
        }
    } else {
        match code.as_ref() {
            "53100" => "disk_full",
            "40001" | "40P01" | "55P03" => "busy",
            _ => return None,
        }
    };
    Some(ApiError::new("db", kind, &[]))
}
