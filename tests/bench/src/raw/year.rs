//! One year of occupancy and revenue by hand-written SQL: from the daily roll-up the report
//! reads (the yardstick of its ratio), and from the postings and room nights themselves (the
//! independent check that the roll-up holds what the history says).

use chrono::NaiveDate;
use innkeep_core::db::Db;
use sea_orm::{ConnectionTrait, DbBackend, QueryResult};

use super::statement;

/// A month's figures in minor units: (month, closed days, rooms available, rooms sold, room
/// revenue, total revenue). The source computation leaves days and rooms available at 0.
pub type MonthRow = (u32, i64, i64, i64, i64, i64);

fn month_of(db: &Db, column: &str) -> String {
    match db.conn.get_database_backend() {
        DbBackend::Postgres => format!("CAST(EXTRACT(MONTH FROM {column}) AS INTEGER)"),
        _ => format!("CAST(strftime('%m', {column}) AS INTEGER)"),
    }
}

fn int(r: &QueryResult, column: &str) -> i64 {
    r.try_get::<i64>("", column)
        .or_else(|_| r.try_get::<i32>("", column).map(i64::from))
        .unwrap_or(0)
}

fn bounds(year: i32) -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default(),
        NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default(),
    )
}

/// The months of `year` summed in SQL from `daily_figures`.
pub async fn year_from_rollup(db: &Db, property_id: i32, year: i32) -> Vec<MonthRow> {
    let (first, last) = bounds(year);
    let m = month_of(db, "business_date");
    let s = statement(
        db,
        &format!(
            "SELECT {m} AS m, COUNT(*) AS days, CAST(SUM(rooms_available) AS BIGINT) AS available, \
             CAST(SUM(rooms_occupied) AS BIGINT) AS sold, CAST(SUM(room_revenue_minor) AS BIGINT) AS room, \
             CAST(SUM(revenue_minor) AS BIGINT) AS revenue FROM daily_figures \
             WHERE property_id = ? AND business_date >= ? AND business_date <= ? \
             GROUP BY {m} ORDER BY m"
        ),
        vec![property_id.into(), first.into(), last.into()],
    );
    let rows = db.conn.query_all_raw(s).await.unwrap_or_default();
    let mut months: Vec<MonthRow> = rows
        .iter()
        .map(|r| {
            (
                u32::try_from(int(r, "m")).unwrap_or(0),
                int(r, "days"),
                int(r, "available"),
                int(r, "sold"),
                int(r, "room"),
                int(r, "revenue"),
            )
        })
        .collect();
    // Revenue by charge code, as the report shows it: read, not compared.
    let codes = statement(
        db,
        &format!(
            "SELECT {m} AS m, charge_code_id, CAST(SUM(amount_minor) AS BIGINT) AS amount, CAST(SUM(tax_minor) AS BIGINT) AS tax \
             FROM daily_code_figures WHERE property_id = ? AND business_date >= ? \
             AND business_date <= ? GROUP BY {m}, charge_code_id"
        ),
        vec![property_id.into(), first.into(), last.into()],
    );
    let _ = db.conn.query_all_raw(codes).await;
    months.sort_unstable();
    months
}

/// Rooms sold, room revenue and total revenue of `year`'s closed dates, from the room nights
/// and postings themselves.
pub async fn year_from_source(db: &Db, property_id: i32, year: i32) -> Vec<MonthRow> {
    let (first, last) = bounds(year);
    let night = month_of(db, "n.night");
    let sold = statement(
        db,
        &format!(
            "SELECT {night} AS m, COUNT(*) AS sold FROM reservation_night n \
             JOIN reservation v ON v.id = n.reservation_id \
             JOIN night_audit a ON a.property_id = n.property_id AND a.business_date = n.night \
             WHERE n.property_id = ? AND n.night >= ? AND n.night <= ? \
             AND v.state IN ('checked_in', 'checked_out') GROUP BY {night}"
        ),
        vec![property_id.into(), first.into(), last.into()],
    );
    let day = month_of(db, "p.business_date");
    let money = statement(
        db,
        &format!(
            "SELECT {day} AS m, \
             CAST(SUM(CASE WHEN p.kind = 'charge' AND k.code = 'ROOM' AND p.night = p.business_date \
                 THEN p.amount_minor ELSE 0 END) AS BIGINT) AS room, \
             CAST(SUM(CASE WHEN p.kind = 'charge' AND k.id IS NOT NULL THEN p.amount_minor ELSE 0 END) AS BIGINT) \
                 AS revenue \
             FROM posting p \
             JOIN night_audit a ON a.property_id = p.property_id \
                 AND a.business_date = p.business_date \
             LEFT JOIN charge_code k ON k.id = p.charge_code_id \
             WHERE p.property_id = ? AND p.business_date >= ? AND p.business_date <= ? \
             GROUP BY {day}"
        ),
        vec![property_id.into(), first.into(), last.into()],
    );
    let mut months: std::collections::BTreeMap<u32, MonthRow> = Default::default();
    let month = |r: &QueryResult| u32::try_from(int(r, "m")).unwrap_or(0);
    for r in db.conn.query_all_raw(sold).await.unwrap_or_default() {
        let e = months
            .entry(month(&r))
            .or_insert((month(&r), 0, 0, 0, 0, 0));
        e.3 = int(&r, "sold");
    }
    for r in db.conn.query_all_raw(money).await.unwrap_or_default() {
        let e = months
            .entry(month(&r))
            .or_insert((month(&r), 0, 0, 0, 0, 0));
        e.4 = int(&r, "room");
        e.5 = int(&r, "revenue");
    }
    months.into_values().collect()
}
