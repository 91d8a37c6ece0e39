//! The same answers as the core's functions, by hand-written SQL: the yardstick the normal path
//! is compared with (issue 5: normal path ÷ hand-written SQL ≤ 1.5×).

use std::collections::HashMap;

use chrono::NaiveDate;
use innkeep_core::db::Db;
use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement, Value};

/// `?` placeholders become `$1, $2 …` on PostgreSQL.
fn statement(db: &Db, sql: &str, values: Vec<Value>) -> Statement {
    let backend = db.conn.get_database_backend();
    let sql = if backend == DbBackend::Postgres {
        let mut n = 0;
        sql.chars()
            .map(|c| {
                if c == '?' {
                    n += 1;
                    format!("${n}")
                } else {
                    c.to_string()
                }
            })
            .collect()
    } else {
        sql.to_string()
    };
    Statement::from_sql_and_values(backend, sql, values)
}

/// Sold rooms per (type, night) over `from..to`.
pub async fn sold(
    db: &Db,
    property_id: i32,
    from: NaiveDate,
    to: NaiveDate,
) -> HashMap<(i32, NaiveDate), i64> {
    let s = statement(
        db,
        "SELECT room_type_id, night, COUNT(*) AS n FROM reservation_night \
         WHERE property_id = ? AND night >= ? AND night < ? GROUP BY room_type_id, night",
        vec![property_id.into(), from.into(), to.into()],
    );
    let rows = db.conn.query_all_raw(s).await.unwrap_or_default();
    rows.iter()
        .filter_map(|r| {
            Some((
                (
                    r.try_get::<i32>("", "room_type_id").ok()?,
                    r.try_get::<NaiveDate>("", "night").ok()?,
                ),
                r.try_get::<i64>("", "n").ok()?,
            ))
        })
        .collect()
}

/// The tape chart's bars over `from..to` with their guests' names, and the active rooms.
pub async fn tape_bars(db: &Db, property_id: i32, from: NaiveDate, to: NaiveDate) -> usize {
    let rooms = statement(
        db,
        "SELECT id, number, floor, room_type_id, housekeeping FROM room \
         WHERE property_id = ? AND active = ? ORDER BY floor, number",
        vec![property_id.into(), true.into()],
    );
    let _ = db.conn.query_all_raw(rooms).await;
    let bars = statement(
        db,
        "SELECT r.id, r.booking_no, r.room_id, r.room_type_id, r.arrival, r.departure, r.state, \
         r.total_minor, r.overbooked, g.name FROM reservation r JOIN guest g ON g.id = r.guest_id \
         WHERE r.property_id = ? AND r.arrival < ? AND r.departure > ? \
         AND r.state IN ('tentative', 'confirmed', 'checked_in', 'checked_out')",
        vec![property_id.into(), to.into(), from.into()],
    );
    db.conn
        .query_all_raw(bars)
        .await
        .map(|r| r.len())
        .unwrap_or_default()
}

/// The first active room type with a rate plan: (type, plan).
pub async fn first_plan(db: &Db, property_id: i32) -> Option<(i32, i32)> {
    let s = statement(
        db,
        "SELECT room_type_id, id FROM rate_plan WHERE property_id = ? AND active = ? ORDER BY id",
        vec![property_id.into(), true.into()],
    );
    let row = db.conn.query_one_raw(s).await.ok()??;
    Some((
        row.try_get("", "room_type_id").ok()?,
        row.try_get("", "id").ok()?,
    ))
}

/// "rooms · bookings · guests · postings" of the hotel, for the results' heading.
pub async fn counts(db: &Db) -> Result<String, DbErr> {
    let mut parts = Vec::new();
    for (table, what) in [
        ("room", "rooms"),
        ("reservation", "bookings"),
        ("guest", "guest profiles"),
        ("reservation_night", "booked room nights"),
        ("posting", "postings"),
        ("invoice", "invoices"),
    ] {
        let s = statement(db, &format!("SELECT COUNT(*) AS n FROM {table}"), vec![]);
        let n: i64 = match db.conn.query_one_raw(s).await? {
            Some(r) => r.try_get("", "n")?,
            None => 0,
        };
        parts.push(format!("{n} {what}"));
    }
    Ok(parts.join(" · "))
}
