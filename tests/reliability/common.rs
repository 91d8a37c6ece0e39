//! What the reliability tests share: their sizes (short by default, long under `cargo xtask
//! soak`), the seed, opening the test database again from another connection or process, and
//! the database's own checks.

use std::path::Path;
use std::process::Command;

use innkeep_core::auth::{self, Actor};
use innkeep_core::db::{self, Backend, Db, PostgresServer};
use innkeep_core::entity::property;
use innkeep_tests::{backend, pg_server};
use sea_orm::{ConnectionTrait, DbBackend, EntityTrait, Statement};

/// A size from `INNKEEP_SOAK_<name>`, or the short one of the CI suite.
pub fn size(name: &str, short: u64) -> u64 {
    std::env::var(format!("INNKEEP_SOAK_{name}"))
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(short)
}

/// The seed of this run: `INNKEEP_SOAK_SEED`, or a fresh one (printed, to replay a failure).
pub fn seed(test: &str) -> u64 {
    let seed = std::env::var("INNKEEP_SOAK_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(rand::random::<u64>);
    println!("{test}: seed {seed} (replay with INNKEEP_SOAK_SEED={seed})");
    seed
}

/// The test database `name` (a SQLite file, or a database on the test's PostgreSQL server),
/// through a pool of its own: another terminal.
pub async fn open_named(name: &str) -> Db {
    match backend() {
        Backend::Embedded => db::open_embedded(Path::new(name)).await.unwrap(),
        Backend::Postgres => {
            let (server, password) = pg_server();
            let server = PostgresServer {
                database: name.into(),
                ..server
            };
            db::open_postgres(&server, &password).await.unwrap()
        }
    }
}

/// What names the test database for another pool or process.
pub async fn name_of(db: &Db) -> String {
    if let Some(path) = &db.sqlite_path {
        return path.display().to_string();
    }
    let row = db
        .conn
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT current_database() AS name",
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<String>("", "name").unwrap()
}

/// SQLite's own check of the file (`ok` when sound); PostgreSQL has no equivalent to ask.
pub async fn integrity(db: &Db) -> String {
    if db.backend == Backend::Postgres {
        return "ok".into();
    }
    let rows = db
        .conn
        .query_all_raw(Statement::from_string(
            DbBackend::Sqlite,
            "PRAGMA integrity_check",
        ))
        .await
        .unwrap();
    rows.iter()
        .map(|r| r.try_get::<String>("", "integrity_check").unwrap())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The hotel's administrator, as another terminal signs in.
pub async fn admin_of(db: &Db) -> Actor {
    let hotel = property::Entity::find()
        .one(&db.conn)
        .await
        .unwrap()
        .unwrap();
    let admin = auth::find_user(&db.conn, hotel.id, "admin")
        .await
        .unwrap()
        .unwrap();
    auth::actor_for(&db.conn, &admin).await.unwrap()
}

/// This test binary running only the test `name` (a child of the parent test).
pub fn child(name: &str) -> Command {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([name, "--exact", "--nocapture", "--test-threads=1"]);
    cmd
}
