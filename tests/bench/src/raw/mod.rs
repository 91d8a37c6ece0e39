//! The same answers as the core's functions, by hand-written SQL: the yardstick the normal path
//! is compared with (issue 5: normal path ÷ hand-written SQL ≤ 1.5×).

use std::collections::HashMap;

use chrono::NaiveDate;
use innkeep_core::db::Db;
use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement, Value};

/// `?` placeholders become `$1, $2 …` on PostgreSQL.
pub(crate) fn statement(db: &Db, sql: &str, values: Vec<Value>) -> Statement {
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

/// The whole availability answer of `availability::for_range` by three hand-written queries
/// (types with their room counts, sold nights, out-of-order blocks) and the same arithmetic.
pub async fn availability(
    db: &Db,
    property_id: i32,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<innkeep_core::availability::TypeNight> {
    use innkeep_core::availability::{Inventory, compute};
    let types = statement(
        db,
        "SELECT t.id, t.overbook_rooms, t.overbook_percent, COUNT(r.id) AS rooms \
         FROM room_type t LEFT JOIN room r ON r.room_type_id = t.id AND r.active = ? \
         WHERE t.property_id = ? AND t.active = ? \
         GROUP BY t.id, t.overbook_rooms, t.overbook_percent ORDER BY t.id",
        vec![true.into(), property_id.into(), true.into()],
    );
    let u = |v: i64| u32::try_from(v).unwrap_or(0);
    let types: Vec<(i32, Inventory)> = db
        .conn
        .query_all_raw(types)
        .await
        .unwrap_or_default()
        .iter()
        .filter_map(|r| {
            Some((
                r.try_get::<i32>("", "id").ok()?,
                Inventory {
                    rooms: u(r.try_get::<i64>("", "rooms").ok()?),
                    overbook_rooms: u(i64::from(r.try_get::<i32>("", "overbook_rooms").ok()?)),
                    overbook_percent: u(i64::from(r.try_get::<i32>("", "overbook_percent").ok()?)),
                },
            ))
        })
        .collect();
    let blocks = statement(
        db,
        "SELECT r.room_type_id, b.date_from, b.date_to FROM room_block b \
         JOIN room r ON r.id = b.room_id \
         WHERE b.property_id = ? AND b.kind = 'out_of_order' AND b.date_from < ? \
         AND b.date_to > ? AND r.active = ?",
        vec![property_id.into(), to.into(), from.into(), true.into()],
    );
    let mut ooo = HashMap::new();
    for r in db.conn.query_all_raw(blocks).await.unwrap_or_default() {
        let (Ok(t), Ok(a), Ok(b)) = (
            r.try_get::<i32>("", "room_type_id"),
            r.try_get::<NaiveDate>("", "date_from"),
            r.try_get::<NaiveDate>("", "date_to"),
        ) else {
            continue;
        };
        for night in a.max(from).iter_days().take_while(|d| *d < b.min(to)) {
            *ooo.entry((t, night)).or_insert(0u32) += 1;
        }
    }
    let sold = sold(db, property_id, from, to)
        .await
        .into_iter()
        .map(|(k, n)| (k, u32::try_from(n).unwrap_or(0)))
        .collect();
    compute(&types, &ooo, &sold, from, to)
}

/// A bar as read by hand: id, booking, room, type, arrival, departure, state, total, overbooked,
/// guest name.
type BarRow = (
    i32,
    String,
    Option<i32>,
    i32,
    NaiveDate,
    NaiveDate,
    String,
    i64,
    bool,
    String,
);

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
    // Decoded as the chart needs them, as the normal path does.
    let rows = db.conn.query_all_raw(bars).await.unwrap_or_default();
    let decoded: Vec<BarRow> = rows
        .iter()
        .filter_map(|r| {
            Some((
                r.try_get("", "id").ok()?,
                r.try_get("", "booking_no").ok()?,
                r.try_get("", "room_id").ok()?,
                r.try_get("", "room_type_id").ok()?,
                r.try_get("", "arrival").ok()?,
                r.try_get("", "departure").ok()?,
                r.try_get("", "state").ok()?,
                r.try_get("", "total_minor").ok()?,
                r.try_get("", "overbooked").ok()?,
                r.try_get("", "name").ok()?,
            ))
        })
        .collect();
    decoded.len()
}

/// The active rate plans with their room types: (type, plan), in the order they were made.
pub async fn plans(db: &Db, property_id: i32) -> Vec<(i32, i32)> {
    let s = statement(
        db,
        "SELECT room_type_id, id FROM rate_plan WHERE property_id = ? AND active = ? ORDER BY id",
        vec![property_id.into(), true.into()],
    );
    let rows = db.conn.query_all_raw(s).await.unwrap_or_default();
    rows.iter()
        .filter_map(|r| {
            Some((
                r.try_get("", "room_type_id").ok()?,
                r.try_get("", "id").ok()?,
            ))
        })
        .collect()
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

mod year;
pub use year::{MonthRow, year_from_rollup, year_from_source};
