//! How invoice and credit note numbers look: prefix, next number and width of each series,
//! set by the administrator. The next number never moves backwards and never lands on a
//! number already issued, so the series stays free of gaps' opposite: duplicates.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};

use super::{CREDIT_NOTE_SERIES, INVOICE_SERIES};
use crate::auth::Actor;
use crate::db::begin_write;
use crate::entity::{invoice, number_series};
use crate::error::Result;
use crate::permission::Permission;
use crate::validate::{Invalid, Rule};
use crate::{audit, series};

/// One series as the settings screen shows it, with the number it will issue next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SeriesView {
    pub code: String,
    pub prefix: String,
    #[specta(type = f64)]
    pub next_number: i64,
    pub width: i16,
    pub next_formatted: String,
}

/// Both series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceNumbering {
    pub invoice: SeriesView,
    pub credit_note: SeriesView,
}

/// A series edited: `code` is `INV` or `CN`.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SeriesInput {
    pub code: String,
    pub prefix: String,
    #[specta(type = f64)]
    pub next_number: i64,
    pub width: i16,
}

fn view(m: number_series::Model) -> SeriesView {
    SeriesView {
        next_formatted: series::format(&m.prefix, m.next_number, m.width),
        code: m.code,
        prefix: m.prefix,
        next_number: m.next_number,
        width: m.width,
    }
}

/// The invoice and credit note series (permission `settings.manage`).
pub async fn invoice_numbering(db: &DatabaseConnection, actor: &Actor) -> Result<InvoiceNumbering> {
    actor.require(Permission::SettingsManage)?;
    let txn = begin_write(db).await?;
    let invoice = view(series::locked(&txn, actor.property_id, INVOICE_SERIES).await?);
    let credit_note = view(series::locked(&txn, actor.property_id, CREDIT_NOTE_SERIES).await?);
    txn.commit().await?;
    Ok(InvoiceNumbering {
        invoice,
        credit_note,
    })
}

/// Changes a series (permission `settings.manage`). Errors name the field: `code` unknown,
/// `prefix` longer than 10 or not letters, digits and `-`, `width` outside 1–12, `nextNumber`
/// below the current next number or already issued with this prefix.
pub async fn save_series(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    input: SeriesInput,
) -> Result<SeriesView> {
    actor.require(Permission::SettingsManage)?;
    let defaults = match input.code.as_str() {
        "INV" => INVOICE_SERIES,
        "CN" => CREDIT_NOTE_SERIES,
        _ => return Err(Invalid::new("code", Rule::Format).into()),
    };
    let prefix = input.prefix.trim().to_uppercase();
    if prefix.chars().count() > 10 {
        return Err(Invalid::new("prefix", Rule::TooLong { max: 10 }).into());
    }
    if !prefix
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err(Invalid::new("prefix", Rule::Format).into());
    }
    if !(1..=12).contains(&input.width) {
        return Err(Invalid::new("width", Rule::Range { min: 1, max: 12 }).into());
    }
    let txn = begin_write(db).await?;
    let row = series::locked(&txn, actor.property_id, defaults).await?;
    if input.next_number < row.next_number.max(1) {
        return Err(Invalid::new(
            "nextNumber",
            Rule::Range {
                min: row.next_number.max(1),
                max: i64::from(i32::MAX),
            },
        )
        .into());
    }
    let next = series::format(&prefix, input.next_number, input.width);
    let taken = invoice::Entity::find()
        .filter(invoice::Column::PropertyId.eq(actor.property_id))
        .filter(invoice::Column::Number.eq(next.clone()))
        .one(&txn)
        .await?;
    if taken.is_some() {
        return Err(Invalid::new("nextNumber", Rule::Duplicate { value: next }).into());
    }
    let before = series::format(&row.prefix, row.next_number, row.width);
    let mut m: number_series::ActiveModel = row.into();
    m.prefix = Set(prefix);
    m.next_number = Set(input.next_number);
    m.width = Set(input.width);
    let saved = m.update(&txn).await?;
    audit::record(
        &txn,
        now,
        actor,
        "invoice.series_changed",
        "number_series",
        &input.code,
        format!("next {} number: {before} → {next}", input.code),
    )
    .await?;
    txn.commit().await?;
    Ok(view(saved))
}
