//! What the operator must see before closing the day: arrivals not checked in, departures not
//! checked out, in-house rooms without a rate for the night, folios over their credit limit.
//! Each finding names the booking, guest and room so the desk can act on it first.

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};

use crate::auth::Actor;
use crate::entity::{folio, reservation, reservation_night};
use crate::error::Result;
use crate::permission::Permission;
use crate::reservations::{guest_names_and_room_numbers, state};
use crate::{folios, money, property};

/// One reservation the operator should look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub reservation_id: i32,
    pub booking_no: String,
    pub guest: String,
    /// The room number, or empty when no room is assigned.
    pub room: String,
    pub arrival: NaiveDate,
    pub departure: NaiveDate,
}

/// An open folio whose balance is above its credit limit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OverLimit {
    pub folio_id: i32,
    pub folio_number: String,
    pub finding: Finding,
    pub balance: String,
    pub limit: String,
}

/// The pre-check findings of the open business date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AuditChecks {
    pub business_date: NaiveDate,
    /// Confirmed reservations arriving on the date that are not checked in.
    pub arrivals: Vec<Finding>,
    /// Checked-in reservations departing on or before the date.
    pub departures: Vec<Finding>,
    /// In-house reservations whose night on the date has no rate.
    pub zero_rates: Vec<Finding>,
    pub over_limit: Vec<OverLimit>,
}

impl AuditChecks {
    /// How many findings there are in all.
    pub fn count(&self) -> usize {
        self.arrivals.len() + self.departures.len() + self.zero_rates.len() + self.over_limit.len()
    }
}

/// The pre-checks of the open business date (permission `night_audit.run`).
pub async fn pre_checks(conn: &impl ConnectionTrait, actor: &Actor) -> Result<AuditChecks> {
    actor.require(Permission::NightAuditRun)?;
    let date = property::get(conn, actor.property_id).await?.business_date;
    checks_for(conn, actor.property_id, date).await
}

async fn findings(
    conn: &impl ConnectionTrait,
    rows: &[reservation::Model],
) -> Result<Vec<Finding>> {
    let (names, numbers) = guest_names_and_room_numbers(conn, rows.iter()).await?;
    Ok(rows
        .iter()
        .map(|r| Finding {
            reservation_id: r.id,
            booking_no: r.booking_no.clone(),
            guest: names.get(&r.guest_id).cloned().unwrap_or_default(),
            room: r
                .room_id
                .and_then(|id| numbers.get(&id).cloned())
                .unwrap_or_default(),
            arrival: r.arrival,
            departure: r.departure,
        })
        .collect())
}

/// Reservations of the property in `state_`, ordered by booking number.
pub(super) async fn in_state(
    conn: &impl ConnectionTrait,
    property_id: i32,
    state_: &str,
) -> Result<Vec<reservation::Model>> {
    Ok(reservation::Entity::find()
        .filter(reservation::Column::PropertyId.eq(property_id))
        .filter(reservation::Column::State.eq(state_))
        .order_by_asc(reservation::Column::BookingNo)
        .order_by_asc(reservation::Column::Id)
        .all(conn)
        .await?)
}

/// The stored night of each in-house reservation on `date`, with its reservation.
/// Confirmed bookings arriving on `date` (by the arrival index: a hotel holds thousands of
/// confirmed future bookings).
pub(super) async fn arrivals_on(
    conn: &impl ConnectionTrait,
    property_id: i32,
    date: NaiveDate,
) -> Result<Vec<reservation::Model>> {
    Ok(reservation::Entity::find()
        .filter(reservation::Column::PropertyId.eq(property_id))
        .filter(reservation::Column::Arrival.eq(date))
        .filter(reservation::Column::State.eq(state::CONFIRMED))
        .order_by_asc(reservation::Column::BookingNo)
        .order_by_asc(reservation::Column::Id)
        .all(conn)
        .await?)
}

pub(super) async fn in_house_nights(
    conn: &impl ConnectionTrait,
    property_id: i32,
    date: NaiveDate,
) -> Result<Vec<(reservation::Model, reservation_night::Model)>> {
    let in_house = in_state(conn, property_id, state::CHECKED_IN).await?;
    let ids: Vec<i32> = in_house.iter().map(|r| r.id).collect();
    let nights = reservation_night::Entity::find()
        .filter(reservation_night::Column::ReservationId.is_in(ids))
        .filter(reservation_night::Column::Night.eq(date))
        .all(conn)
        .await?;
    Ok(in_house
        .into_iter()
        .filter_map(|r| {
            let n = nights.iter().find(|n| n.reservation_id == r.id)?.clone();
            Some((r, n))
        })
        .collect())
}

/// The findings on `date`, read inside whatever transaction `conn` is.
pub(super) async fn checks_for(
    conn: &impl ConnectionTrait,
    property_id: i32,
    date: NaiveDate,
) -> Result<AuditChecks> {
    let arrivals = arrivals_on(conn, property_id, date).await?;
    let in_house = in_state(conn, property_id, state::CHECKED_IN).await?;
    let departures: Vec<_> = in_house
        .iter()
        .filter(|r| r.departure <= date)
        .cloned()
        .collect();
    let zero: Vec<_> = in_house_nights(conn, property_id, date)
        .await?
        .into_iter()
        .filter(|(_, n)| n.amount_minor <= 0)
        .map(|(r, _)| r)
        .collect();
    let p = property::get(conn, property_id).await?;
    let digits = property::digits(&p);
    let default_limit = Some(p.folio_credit_limit_minor).filter(|l| *l > 0);
    let ids: Vec<i32> = in_house.iter().map(|r| r.id).collect();
    let open = folio::Entity::find()
        .filter(folio::Column::ReservationId.is_in(ids))
        .filter(folio::Column::State.eq(folios::state::OPEN))
        .order_by_asc(folio::Column::Number)
        .all(conn)
        .await?;
    let mut over_limit = Vec::new();
    for f in open {
        let Some(limit) = f.credit_limit_minor.or(default_limit) else {
            continue;
        };
        let balance = folios::folio_balance(conn, f.id).await?.balance;
        let limit = money::from_minor(limit, digits);
        let Some(r) = in_house.iter().find(|r| r.id == f.reservation_id) else {
            continue;
        };
        if balance > limit {
            let finding = findings(conn, std::slice::from_ref(r)).await?.remove(0);
            over_limit.push(OverLimit {
                folio_id: f.id,
                folio_number: f.number,
                finding,
                balance: balance.to_string(),
                limit: limit.to_string(),
            });
        }
    }
    Ok(AuditChecks {
        business_date: date,
        arrivals: findings(conn, &arrivals).await?,
        departures: findings(conn, &departures).await?,
        zero_rates: findings(conn, &zero).await?,
        over_limit,
    })
}
