//! Synthetic hotels for measuring Innkeep: a seeded, deterministic generator that writes a
//! hotel's years of history into SQLite or PostgreSQL while keeping every invariant the core
//! keeps (one stay per room and night, balanced folios, gapless numbers, postings only on the
//! open business date), and the benchmarks run on them.

pub mod audit;
pub mod measure;
pub mod raw;
pub mod results;
pub mod screen;
pub mod synthetic;
pub mod writers;

use innkeep_core::db::{self, Db, PostgresServer};

/// The value after `--name` on a command line.
pub fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

/// Opens `sqlite:FILE` (created and migrated) or `postgres://user:password@host:port/db`.
pub async fn open_db(url: &str) -> Result<Db, String> {
    if let Some(path) = url.strip_prefix("sqlite:") {
        return db::open_embedded(std::path::Path::new(path))
            .await
            .map_err(|e| e.to_string());
    }
    let rest = url
        .strip_prefix("postgres://")
        .ok_or("unknown database URL: use sqlite:FILE or postgres://…")?;
    let (credentials, location) = rest.split_once('@').ok_or("postgres URL without @")?;
    let (user, password) = credentials.split_once(':').unwrap_or((credentials, ""));
    let (host_port, database) = location.split_once('/').ok_or("postgres URL without /db")?;
    let (host, port) = host_port.split_once(':').unwrap_or((host_port, "5432"));
    let server = PostgresServer {
        host: host.into(),
        port: port.parse().map_err(|_| "bad port in the postgres URL")?,
        database: database.into(),
        user: user.into(),
    };
    db::open_postgres(&server, password)
        .await
        .map_err(|e| e.to_string())
}
