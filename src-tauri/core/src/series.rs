//! Numbered documents (booking numbers now; invoices and credit notes later): one counter per
//! series and property with a prefix and a width, advanced inside the caller's transaction so a
//! number is never used twice or skipped, even with several terminals.

use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, QuerySelect, Set};

use crate::entity::number_series;
use crate::error::Result;

/// Booking (confirmation) numbers shown to guests.
pub const BOOKING: (&str, &str, i16) = ("booking", "B", 6);

/// Takes the next number of a series, creating the series on first use. Call inside the
/// transaction that uses the number: it rolls back with it.
pub async fn next(
    conn: &impl ConnectionTrait,
    property_id: i32,
    (code, prefix, width): (&str, &str, i16),
) -> Result<String> {
    let row = number_series::Entity::find_by_id((property_id, code.to_string()))
        .lock_exclusive()
        .one(conn)
        .await?;
    let row = match row {
        Some(r) => r,
        None => {
            number_series::ActiveModel {
                property_id: Set(property_id),
                code: Set(code.into()),
                prefix: Set(prefix.into()),
                next_number: Set(1),
                width: Set(width),
            }
            .insert(conn)
            .await?
        }
    };
    let number = row.next_number;
    let formatted = format!(
        "{}{:0width$}",
        row.prefix,
        number,
        width = usize::try_from(row.width).unwrap_or(1)
    );
    let mut m: number_series::ActiveModel = row.into();
    m.next_number = Set(number + 1);
    m.update(conn).await?;
    Ok(formatted)
}
