//! The tape chart's data: every active room (with its out-of-order blocks) and every stay that
//! overlaps the shown dates, as bars; unassigned stays come without a room.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbBackend, EntityTrait, FromQueryResult, JoinType,
    QueryFilter, QueryOrder, QuerySelect,
};
use serde::Serialize;

use super::state;
use crate::auth::Actor;
use crate::entity::{guest, reservation, room, room_block};
use crate::error::Result;
use crate::permission::Permission;
use crate::validate::{Invalid, Rule};
use crate::{money, property};

/// A room row of the chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TapeRoom {
    pub id: i32,
    pub number: String,
    pub floor: i32,
    pub room_type_id: i32,
    pub housekeeping: String,
    /// Out-of-order or out-of-service blocks: (from, to exclusive, kind, reason).
    pub blocks: Vec<(NaiveDate, NaiveDate, String, String)>,
}

/// A stay on the chart.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TapeBar {
    pub reservation_id: i32,
    pub booking_no: String,
    pub room_id: Option<i32>,
    pub room_type_id: i32,
    pub arrival: NaiveDate,
    pub departure: NaiveDate,
    pub guest_name: String,
    pub state: String,
    #[specta(type = String)]
    pub total: Decimal,
    pub overbooked: bool,
}

/// `arrival < to`, written on SQLite so that its planner does not pick the arrival index for
/// it (`+arrival` is the same value but no index column); PostgreSQL's planner has the
/// statistics to choose.
fn arrives_before(backend: DbBackend, to: NaiveDate) -> Condition {
    match backend {
        DbBackend::Sqlite => Condition::all().add(Expr::cust_with_values("+\"arrival\" < ?", [to])),
        _ => Condition::all().add(reservation::Column::Arrival.lt(to)),
    }
}

/// The columns of a booking a bar shows.
#[derive(FromQueryResult)]
struct Bar {
    id: i32,
    booking_no: String,
    room_id: Option<i32>,
    room_type_id: i32,
    guest_name: String,
    arrival: NaiveDate,
    departure: NaiveDate,
    state: String,
    total_minor: i64,
    overbooked: bool,
}

/// Rooms × dates.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TapeChart {
    pub business_date: NaiveDate,
    pub rooms: Vec<TapeRoom>,
    pub bars: Vec<TapeBar>,
}

/// The chart for the nights `from..to`, at most 120 days (permission `reservations.manage`).
pub async fn tape_chart(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<TapeChart> {
    actor.require(Permission::ReservationsManage)?;
    if to <= from || (to - from).num_days() > 120 {
        return Err(Invalid::new("to", Rule::Range { min: 1, max: 120 }).into());
    }
    let p = property::get(conn, actor.property_id).await?;
    let digits = property::digits(&p);
    let rooms = room::Entity::find()
        .filter(room::Column::PropertyId.eq(actor.property_id))
        .filter(room::Column::Active.eq(true))
        .order_by_asc(room::Column::Floor)
        .order_by_asc(room::Column::Number)
        .all(conn)
        .await?;
    let blocks = room_block::Entity::find()
        .filter(room_block::Column::PropertyId.eq(actor.property_id))
        .filter(room_block::Column::DateFrom.lt(to))
        .filter(room_block::Column::DateTo.gt(from))
        .all(conn)
        .await?;
    let booked_by = reservation::Entity::belongs_to(guest::Entity)
        .from(reservation::Column::GuestId)
        .to(guest::Column::Id)
        .into();
    // The departure index reads the window and what follows it; read by arrival, the index
    // would walk every booking the hotel ever had. Only the columns a bar shows are read.
    let stays: Vec<Bar> = reservation::Entity::find()
        .select_only()
        .columns([
            reservation::Column::Id,
            reservation::Column::BookingNo,
            reservation::Column::RoomId,
            reservation::Column::RoomTypeId,
            reservation::Column::Arrival,
            reservation::Column::Departure,
            reservation::Column::State,
            reservation::Column::TotalMinor,
            reservation::Column::Overbooked,
        ])
        .column_as(guest::Column::Name, "guest_name")
        .join(JoinType::InnerJoin, booked_by)
        .filter(reservation::Column::PropertyId.eq(actor.property_id))
        .filter(reservation::Column::Departure.gt(from))
        .filter(arrives_before(conn.get_database_backend(), to))
        .filter(reservation::Column::State.is_in([
            state::TENTATIVE,
            state::CONFIRMED,
            state::CHECKED_IN,
            state::CHECKED_OUT,
        ]))
        .order_by_asc(reservation::Column::Arrival)
        .into_model::<Bar>()
        .all(conn)
        .await?;
    Ok(TapeChart {
        business_date: p.business_date,
        rooms: rooms
            .into_iter()
            .map(|r| TapeRoom {
                blocks: blocks
                    .iter()
                    .filter(|b| b.room_id == r.id)
                    .map(|b| (b.date_from, b.date_to, b.kind.clone(), b.reason.clone()))
                    .collect(),
                id: r.id,
                number: r.number,
                floor: r.floor,
                room_type_id: r.room_type_id,
                housekeeping: r.housekeeping,
            })
            .collect(),
        bars: stays
            .into_iter()
            .map(|r| TapeBar {
                reservation_id: r.id,
                guest_name: r.guest_name,
                booking_no: r.booking_no,
                room_id: r.room_id,
                room_type_id: r.room_type_id,
                arrival: r.arrival,
                departure: r.departure,
                state: r.state,
                total: money::from_minor(r.total_minor, digits),
                overbooked: r.overbooked,
            })
            .collect(),
    })
}
