//! Shared helpers for the integration tests: a fresh database on the backend chosen by
//! `INNKEEP_TEST_BACKEND` (`sqlite`, the default, or `postgres` with `INNKEEP_TEST_PG_URL`
//! pointing at a server where the test may create databases), a hotel with its administrator,
//! and staff of any default role.

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use innkeep_core::auth::{self, Actor};
use innkeep_core::clock::ManualClock;
use innkeep_core::db::{self, Backend, Db, PostgresServer};
use innkeep_core::roles;
use innkeep_core::setup::{self, CreateAdministratorInput};
use innkeep_core::users::{self, NewUser};

/// The password every test user gets.
pub const PASSWORD: &str = "correct-horse-42";

/// The backend these tests run on.
pub fn backend() -> Backend {
    match std::env::var("INNKEEP_TEST_BACKEND").as_deref() {
        Ok("postgres") => Backend::Postgres,
        _ => Backend::Embedded,
    }
}

/// A PostgreSQL server from `INNKEEP_TEST_PG_URL` (postgres://user:password@host:port/db).
pub fn pg_server() -> (PostgresServer, String) {
    let url =
        std::env::var("INNKEEP_TEST_PG_URL").expect("INNKEEP_TEST_PG_URL is set for postgres runs");
    let rest = url.strip_prefix("postgres://").expect("postgres:// URL");
    let (creds, hostpart) = rest.split_once('@').expect("user:password@host");
    let (user, password) = creds.split_once(':').expect("user:password");
    let (hostport, database) = hostpart.split_once('/').expect("host:port/db");
    let (host, port) = hostport.split_once(':').expect("host:port");
    let server = PostgresServer {
        host: host.into(),
        port: port.parse().expect("port"),
        database: database.into(),
        user: user.into(),
    };
    (server, password.into())
}

/// A fresh, migrated database; the files or the server database go away with it.
pub struct TestDb {
    pub db: Db,
    pub dir: tempfile::TempDir,
}

/// Opens a fresh database on the chosen backend.
pub async fn fresh_db() -> TestDb {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = match backend() {
        Backend::Embedded => db::open_embedded(&dir.path().join("innkeep.sqlite3"))
            .await
            .expect("open sqlite"),
        Backend::Postgres => {
            let (admin, password) = pg_server();
            let name = format!("innkeep_test_{}", hex_id());
            let url = format!(
                "postgres://{}:{}@{}:{}/{}",
                admin.user, password, admin.host, admin.port, admin.database
            );
            let pool = sea_orm::sqlx::PgPool::connect(&url)
                .await
                .expect("connect to test server");
            sea_orm::sqlx::query(sea_orm::sqlx::AssertSqlSafe(format!(
                "CREATE DATABASE {name}"
            )))
            .execute(&pool)
            .await
            .expect("create database");
            pool.close().await;
            let server = PostgresServer {
                database: name,
                ..admin
            };
            db::open_postgres(&server, &password)
                .await
                .expect("open postgres")
        }
    };
    TestDb { db, dir }
}

fn hex_id() -> String {
    format!("{:016x}", rand::random::<u64>())
}

/// 2026-11-23 10:00 UTC.
pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0)
        .single()
        .expect("valid time")
}

/// A clock standing at [`t0`].
pub fn clock() -> Arc<ManualClock> {
    Arc::new(ManualClock::new(t0()))
}

/// Creates the hotel and its administrator; returns the administrator as actor.
pub async fn hotel(db: &Db) -> Actor {
    let admin = setup::create_administrator(
        &db.conn,
        t0(),
        "en-US",
        CreateAdministratorInput {
            property_name: "Test Inn 测试酒店".into(),
            currency: "CNY".into(),
            time_zone: "Asia/Shanghai".into(),
            username: "admin".into(),
            display_name: "Administrator".into(),
            password: PASSWORD.into(),
        },
    )
    .await
    .expect("create administrator");
    auth::actor_for(&db.conn, &admin).await.expect("actor")
}

/// Adds a user with one of the default roles (e.g. `front_desk`) and returns them as actor.
pub async fn staff(db: &Db, admin: &Actor, username: &str, role_code: &str) -> Actor {
    let role = roles::by_code(&db.conn, admin.property_id, role_code)
        .await
        .expect("query")
        .expect("role exists");
    let input = NewUser {
        username: username.into(),
        display_name: username.into(),
        password: PASSWORD.into(),
        role_id: role.id,
    };
    let user = users::insert(&db.conn, t0(), admin.property_id, &input, "zh-CN")
        .await
        .expect("insert user");
    auth::actor_for(&db.conn, &user).await.expect("actor")
}
