//! Shared helpers for the integration tests: a fresh database on the backend chosen by
//! `INNKEEP_TEST_BACKEND` (`sqlite`, the default, or `postgres` with `INNKEEP_TEST_PG_URL`
//! pointing at a server where the test may create databases), a hotel with its administrator,
//! and staff of any default role.

pub mod smtp;

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

/// A hotel with two room types — STD (five rooms 101–105, overbook one) and DLX (two rooms
/// 201–202, no overbooking) — each with a BAR rate plan (299 / 499, 6 % tax included, first
/// night due inside 24 hours). Returns (STD type, STD plan, DLX type, DLX plan).
pub async fn rooms_and_rates(db: &Db, admin: &Actor) -> (i32, i32, i32, i32) {
    use innkeep_core::rates::{self, RatePlanInput};
    use innkeep_core::rooms::{self, BulkRooms, RoomTypeInput};
    let mut out = Vec::new();
    for (code, zh, rooms_from, count, overbook, price) in [
        ("STD", "标准间", 101, 5, 1, "299"),
        ("DLX", "豪华间", 201, 2, 0, "499"),
    ] {
        let t = rooms::save_type(
            &db.conn,
            t0(),
            admin,
            RoomTypeInput {
                id: None,
                code: code.into(),
                name_zh: zh.into(),
                name_en: code.into(),
                area_m2: 25,
                bed_type: "king".into(),
                max_adults: 2,
                max_children: 1,
                facilities: vec![],
                overbook_rooms: overbook,
                overbook_percent: 0,
                active: true,
            },
        )
        .await
        .expect("room type");
        let type_id = t.id.expect("id");
        let bulk = BulkRooms {
            from: rooms_from,
            to: rooms_from + count - 1,
            floor: 1,
            room_type_id: type_id,
            features: vec![],
        };
        rooms::create_rooms(&db.conn, t0(), admin, bulk)
            .await
            .expect("rooms");
        let plan = rates::save(
            &db.conn,
            t0(),
            admin,
            RatePlanInput {
                id: None,
                room_type_id: type_id,
                code: "BAR".into(),
                name_zh: "门市价".into(),
                name_en: "BAR".into(),
                kind: "standard".into(),
                base_price: price.into(),
                tax_inclusive: true,
                tax_percent: "6".into(),
                min_stay: 1,
                max_stay: Some(14),
                cancel_free_hours: 24,
                cancel_fee: "first_night".into(),
                cancel_fee_percent: "0".into(),
                no_show_fee: "first_night".into(),
                no_show_fee_percent: "0".into(),
                rules: vec![],
                active: true,
            },
        )
        .await
        .expect("rate plan");
        out.push((type_id, plan.id.expect("plan id")));
    }
    (out[0].0, out[0].1, out[1].0, out[1].1)
}

/// A one-room booking for a new guest.
pub fn booking(
    type_id: i32,
    plan_id: i32,
    arrival: chrono::NaiveDate,
    nights: i64,
) -> innkeep_core::reservations::BookingInput {
    use innkeep_core::guests::NewGuest;
    use innkeep_core::reservations::{BookingInput, RoomRequest};
    BookingInput {
        guest_id: None,
        new_guest: Some(NewGuest {
            name: "张伟".into(),
            phone: "13800138000".into(),
            email: String::new(),
            ..Default::default()
        }),
        arrival,
        departure: arrival + chrono::Duration::days(nights),
        rooms: vec![RoomRequest {
            room_type_id: type_id,
            rate_plan_id: plan_id,
            adults: 2,
            children: 0,
            room_id: None,
        }],
        source: "phone".into(),
        source_detail: String::new(),
        special_requests: String::new(),
        notes: String::new(),
        promotion_code: None,
        tentative: false,
        confirm_overbooking: false,
        guarantee: "none".into(),
        deposit_due: "0".into(),
    }
}

/// Checks a confirmed arrival of the business date in the way the desk does: its guest shows a
/// resident ID; `room_id` `None` keeps the assigned room. A dirty room is accepted.
pub async fn check_in(
    db: &innkeep_core::db::Db,
    admin: &Actor,
    reservation_id: i32,
    room_id: Option<i32>,
) -> innkeep_core::stays::CheckedIn {
    use innkeep_core::entity::{guest, reservation};
    use innkeep_core::guests::NewGuest;
    use innkeep_core::identity::{IdDocumentInput, IdDocumentKind};
    use innkeep_core::stays::{self, CheckInInput, StayGuestInput};
    use sea_orm::EntityTrait;
    let r = reservation::Entity::find_by_id(reservation_id)
        .one(&db.conn)
        .await
        .expect("query")
        .expect("the reservation");
    let g = guest::Entity::find_by_id(r.guest_id)
        .one(&db.conn)
        .await
        .expect("query")
        .expect("its guest");
    stays::check_in(
        &db.conn,
        t0(),
        admin,
        CheckInInput {
            reservation_id,
            room_id,
            allow_dirty: true,
            allow_upgrade: false,
            key_card: String::new(),
            guests: vec![StayGuestInput {
                guest_id: Some(g.id),
                guest: NewGuest {
                    name: g.name,
                    phone: g.phone,
                    email: g.email,
                    id_document: Some(IdDocumentInput {
                        kind: IdDocumentKind::ChinaResidentId,
                        number: "440304198506151237".into(),
                    }),
                    nationality: String::new(),
                },
            }],
            deposit: None,
        },
    )
    .await
    .expect("check-in")
}

/// The test database `name` (a SQLite file, or a database on the test's PostgreSQL server),
/// through a pool of its own: another terminal.
pub async fn open_named(name: &str) -> Db {
    match backend() {
        Backend::Embedded => db::open_embedded(std::path::Path::new(name))
            .await
            .expect("the test database answers"),
        Backend::Postgres => {
            let (server, password) = pg_server();
            let server = PostgresServer {
                database: name.into(),
                ..server
            };
            db::open_postgres(&server, &password)
                .await
                .expect("the test database answers")
        }
    }
}

/// What names the test database for another pool or process.
pub async fn name_of(db: &Db) -> String {
    use sea_orm::ConnectionTrait as _;
    if let Some(path) = &db.sqlite_path {
        return path.display().to_string();
    }
    let row = db
        .conn
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT current_database() AS name",
        ))
        .await
        .expect("the test database answers")
        .expect("the test database answers");
    row.try_get::<String>("", "name")
        .expect("the test database answers")
}

/// SQLite's own check of the file (`ok` when sound); PostgreSQL has no equivalent to ask.
pub async fn integrity(db: &Db) -> String {
    use sea_orm::ConnectionTrait as _;
    if db.backend == Backend::Postgres {
        return "ok".into();
    }
    let rows = db
        .conn
        .query_all_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Sqlite,
            "PRAGMA integrity_check",
        ))
        .await
        .expect("the test database answers");
    rows.iter()
        .map(|r| {
            r.try_get::<String>("", "integrity_check")
                .expect("the test database answers")
        })
        .collect::<Vec<_>>()
        .join("; ")
}
