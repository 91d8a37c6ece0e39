//! The daily roll-up: the figures of each closed business date in `daily_figures` and its
//! revenue per charge code in `daily_code_figures`, computed from the postings and room nights
//! with set-based SQL. The night audit calls [`rebuild`] for the date it closes, inside its
//! transaction; bulk loaders call it for the history they wrote. The definitions are those of
//! the audit's own report (`night_audit::closed_summary`), and migration 000011 backfilled the
//! dates closed before it with the same statements.

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, Statement, TransactionSession, TransactionTrait, Value};

use crate::error::Result;

/// The closed dates of one property between `$2` and `$3` (inclusive): those with a night
/// audit row. `$1` is the property.
const CLOSED: &str = "WITH closed AS (SELECT property_id, business_date AS d FROM night_audit \
  WHERE property_id = $1 AND business_date >= $2 AND business_date <= $3), ";

/// Rooms available: the active rooms less those out of order that night. Rooms occupied: the
/// nights of checked-in or checked-out bookings. Room revenue: the ROOM charges for the night
/// itself. Revenue and tax: every charge. Payments: payments and refunds, net.
const DAILY_FIGURES: &str = "\
rooms AS (SELECT property_id, COUNT(*) AS k FROM room WHERE property_id = $1 AND active = TRUE \
  GROUP BY property_id), \
blocked AS (SELECT c.property_id, c.d, COUNT(DISTINCT b.room_id) AS k FROM closed c \
  JOIN room_block b ON b.property_id = c.property_id AND b.kind = 'out_of_order' \
   AND b.date_from <= c.d AND b.date_to > c.d \
  JOIN room r ON r.id = b.room_id AND r.active = TRUE \
  GROUP BY c.property_id, c.d), \
sold AS (SELECT c.property_id, c.d, COUNT(*) AS k FROM closed c \
  JOIN reservation_night n ON n.property_id = c.property_id AND n.night = c.d \
  JOIN reservation v ON v.id = n.reservation_id \
  WHERE v.state IN ('checked_in', 'checked_out') \
  GROUP BY c.property_id, c.d), \
money AS (SELECT c.property_id, c.d, \
  SUM(CASE WHEN p.kind = 'charge' AND k.code = 'ROOM' AND p.night = c.d \
      THEN p.amount_minor ELSE 0 END) AS room, \
  SUM(CASE WHEN p.kind = 'charge' AND k.id IS NOT NULL THEN p.amount_minor ELSE 0 END) AS revenue, \
  SUM(CASE WHEN p.kind = 'charge' AND k.id IS NOT NULL THEN p.tax_minor ELSE 0 END) AS tax, \
  SUM(CASE WHEN p.kind IN ('payment', 'refund') THEN 0 - p.amount_minor ELSE 0 END) AS payments \
  FROM closed c \
  JOIN posting p ON p.property_id = c.property_id AND p.business_date = c.d \
  LEFT JOIN charge_code k ON k.id = p.charge_code_id AND k.property_id = p.property_id \
  GROUP BY c.property_id, c.d) \
INSERT INTO daily_figures (property_id, business_date, rooms_available, rooms_occupied, \
  room_revenue_minor, revenue_minor, tax_minor, payments_minor) \
SELECT c.property_id, c.d, COALESCE(r.k, 0) - COALESCE(b.k, 0), COALESCE(s.k, 0), \
  COALESCE(m.room, 0), COALESCE(m.revenue, 0), COALESCE(m.tax, 0), COALESCE(m.payments, 0) \
FROM closed c \
LEFT JOIN rooms r ON r.property_id = c.property_id \
LEFT JOIN blocked b ON b.property_id = c.property_id AND b.d = c.d \
LEFT JOIN sold s ON s.property_id = c.property_id AND s.d = c.d \
LEFT JOIN money m ON m.property_id = c.property_id AND m.d = c.d";

/// Revenue and tax of every charge code on the closed dates.
const DAILY_CODE_FIGURES: &str = "\
totals AS (SELECT c.property_id, c.d, p.charge_code_id, \
  SUM(p.amount_minor) AS amount, SUM(p.tax_minor) AS tax FROM closed c \
  JOIN posting p ON p.property_id = c.property_id AND p.business_date = c.d \
  WHERE p.kind = 'charge' AND p.charge_code_id IS NOT NULL \
  GROUP BY c.property_id, c.d, p.charge_code_id) \
INSERT INTO daily_code_figures (property_id, business_date, charge_code_id, amount_minor, \
  tax_minor) \
SELECT property_id, d, charge_code_id, amount, tax FROM totals";

const CLEAR: [&str; 2] = [
    "DELETE FROM daily_code_figures WHERE property_id = $1 AND business_date >= $2 \
     AND business_date <= $3",
    "DELETE FROM daily_figures WHERE property_id = $1 AND business_date >= $2 \
     AND business_date <= $3",
];

/// Recomputes the roll-up of `property_id`'s closed dates from `from` to `to` (inclusive) from
/// their postings and room nights, replacing what was there; dates without a night audit row
/// are left out. All or nothing (a savepoint inside the caller's transaction). Not a user
/// action and so not permission-checked: the night audit calls it for the date it closes, and
/// bulk loaders after writing history. Returns how many dates were written.
pub async fn rebuild<C>(conn: &C, property_id: i32, from: NaiveDate, to: NaiveDate) -> Result<u64>
where
    C: ConnectionTrait + TransactionTrait,
{
    let txn = conn.begin().await?;
    let backend = txn.get_database_backend();
    let values = || -> Vec<Value> { vec![property_id.into(), from.into(), to.into()] };
    for sql in CLEAR {
        txn.execute_raw(Statement::from_sql_and_values(backend, sql, values()))
            .await?;
    }
    let written = txn
        .execute_raw(Statement::from_sql_and_values(
            backend,
            format!("{CLOSED}{DAILY_FIGURES}"),
            values(),
        ))
        .await?
        .rows_affected();
    txn.execute_raw(Statement::from_sql_and_values(
        backend,
        format!("{CLOSED}{DAILY_CODE_FIGURES}"),
        values(),
    ))
    .await?;
    txn.commit().await?;
    Ok(written)
}
