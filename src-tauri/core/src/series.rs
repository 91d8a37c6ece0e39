//! Numbered documents (booking numbers, invoices, credit notes): one counter per series and
//! property with a prefix and a width, advanced inside the caller's transaction so a number is
//! never used twice or skipped, even with several terminals.

use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, QuerySelect, Set};

use crate::entity::number_series;
use crate::error::{Error, Result};

/// Booking (confirmation) numbers shown to guests.
pub const BOOKING: (&str, &str, i16) = ("booking", "B", 6);

/// Formats number `n` of a series: prefix and the number padded to `width` digits.
pub fn format(prefix: &str, n: i64, width: i16) -> String {
    format!(
        "{prefix}{n:0width$}",
        width = usize::try_from(width).unwrap_or(1)
    )
}

/// Creates the series with its defaults unless it exists. Two terminals taking the first
/// number at once both get here: the second insert does nothing instead of failing.
async fn ensure(
    conn: &impl ConnectionTrait,
    property_id: i32,
    (code, prefix, width): (&str, &str, i16),
) -> Result<()> {
    number_series::Entity::insert(number_series::ActiveModel {
        property_id: Set(property_id),
        code: Set(code.into()),
        prefix: Set(prefix.into()),
        next_number: Set(1),
        width: Set(width),
    })
    .on_conflict(
        OnConflict::columns([
            number_series::Column::PropertyId,
            number_series::Column::Code,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

/// The series row, created with its defaults on first use, locked until the transaction ends
/// (FOR UPDATE on PostgreSQL; SQLite's writer lock covers it).
pub async fn locked(
    conn: &impl ConnectionTrait,
    property_id: i32,
    series: (&str, &str, i16),
) -> Result<number_series::Model> {
    ensure(conn, property_id, series).await?;
    number_series::Entity::find_by_id((property_id, series.0.to_string()))
        .lock_exclusive()
        .one(conn)
        .await?
        .ok_or(Error::NotFound {
            entity: "number series",
        })
}

/// Takes the next number of a series, creating the series on first use. Call inside the
/// transaction that uses the number: it rolls back with it.
pub async fn next(
    conn: &impl ConnectionTrait,
    property_id: i32,
    series: (&str, &str, i16),
) -> Result<String> {
    let row = locked(conn, property_id, series).await?;
    let number = row.next_number;
    let formatted = format(&row.prefix, number, row.width);
    let mut m: number_series::ActiveModel = row.into();
    m.next_number = Set(number + 1);
    m.update(conn).await?;
    Ok(formatted)
}
