//! The desk's use cases over the pure checks: checking a typed number and reading a scanned MRZ
//! (permission `frontdesk.operate` or `guests.manage`). Their answers echo what the user typed or
//! scanned, so the number comes back whole; stored numbers leave the core through `guests`, masked.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::ConnectionTrait;

use super::{IdDocumentInput, IdDocumentView, MrzData, check_number, parse_mrz};
use crate::auth::Actor;
use crate::error::Result;
use crate::permission::Permission;

fn require_desk(actor: &Actor) -> Result<()> {
    if actor.require(Permission::FrontdeskOperate).is_err() {
        actor.require(Permission::GuestsManage)?;
    }
    Ok(())
}

/// The calendar date at the hotel (its time zone), against which dates of birth are checked.
pub async fn hotel_today(
    conn: &impl ConnectionTrait,
    property_id: i32,
    now: DateTime<Utc>,
) -> Result<NaiveDate> {
    let p = crate::property::get(conn, property_id).await?;
    let tz: chrono_tz::Tz = p.time_zone.parse().unwrap_or(chrono_tz::Asia::Shanghai);
    Ok(now.with_timezone(&tz).date_naive())
}

/// Checks an ID number as the form typed it.
pub async fn check_document(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    actor: &Actor,
    input: &IdDocumentInput,
) -> Result<IdDocumentView> {
    require_desk(actor)?;
    let today = hotel_today(conn, actor.property_id, now).await?;
    Ok(check_number(input.kind, &input.number, today)?)
}

/// Reads a passport's MRZ as the scanner typed it.
pub fn read_mrz(actor: &Actor, text: &str) -> Result<MrzData> {
    require_desk(actor)?;
    Ok(parse_mrz(text)?)
}
