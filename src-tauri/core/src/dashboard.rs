//! The home screen's figures for the business date: arrivals, departures, guests in house.

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde::Serialize;

use crate::auth::Actor;
use crate::entity::{reservation, room};
use crate::error::Result;
use crate::permission::Permission;
use crate::property;
use crate::reservations::state;

/// Today's counts at the front desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DashboardView {
    pub business_date: NaiveDate,
    pub arrivals: u32,
    pub departures: u32,
    pub in_house: u32,
    pub rooms_total: u32,
}

fn n(count: u64) -> u32 {
    u32::try_from(count).unwrap_or(u32::MAX)
}

/// Counts for the property's business date (permission `dashboard.view`).
pub async fn today(conn: &impl ConnectionTrait, actor: &Actor) -> Result<DashboardView> {
    actor.require(Permission::DashboardView)?;
    let p = property::get(conn, actor.property_id).await?;
    let day = p.business_date;
    let mine = reservation::Column::PropertyId.eq(p.id);
    let arrivals = reservation::Entity::find()
        .filter(mine.clone())
        .filter(reservation::Column::Arrival.eq(day))
        .filter(reservation::Column::State.eq(state::CONFIRMED))
        .count(conn)
        .await?;
    let departures = reservation::Entity::find()
        .filter(mine.clone())
        .filter(reservation::Column::Departure.eq(day))
        .filter(reservation::Column::State.eq(state::CHECKED_IN))
        .count(conn)
        .await?;
    let in_house = reservation::Entity::find()
        .filter(mine)
        .filter(reservation::Column::State.eq(state::CHECKED_IN))
        .count(conn)
        .await?;
    let rooms_total = room::Entity::find()
        .filter(room::Column::PropertyId.eq(p.id))
        .filter(room::Column::Active.eq(true))
        .count(conn)
        .await?;
    Ok(DashboardView {
        business_date: day,
        arrivals: n(arrivals),
        departures: n(departures),
        in_house: n(in_house),
        rooms_total: n(rooms_total),
    })
}
