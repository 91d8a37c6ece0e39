//! The front desk's lists for the business date: who arrives, who leaves, who is in the house,
//! each with the room's status, what the guest owes and the next thing to do.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use crate::auth::Actor;
use crate::entity::{folio, reservation, room, stay};
use crate::error::Result;
use crate::folios;
use crate::housekeeping::{HousekeepingStatus, RoomStatus, derive_status};
use crate::permission::Permission;
use crate::property;
use crate::reservations::{self, ReservationView, state};

/// What the desk does next with a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum NextAction {
    /// An arrival without a room: assign one first.
    AssignRoom,
    CheckIn,
    CheckOut,
    /// In the house and not leaving today.
    OpenFolio,
}

/// One reservation on a front-desk list.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DeskRow {
    pub reservation: ReservationView,
    /// The assigned room's status (VC, VD, OC, OD, Inspected).
    pub room_status: Option<RoomStatus>,
    /// What the guest owes on the stay's open folios (in the house only).
    #[specta(type = Option<String>)]
    pub balance: Option<Decimal>,
    /// The deposit (押金) held (in the house only).
    #[specta(type = Option<String>)]
    pub deposit_held: Option<Decimal>,
    pub next: NextAction,
}

/// The three lists of the business date.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FrontDesk {
    pub business_date: NaiveDate,
    pub arrivals: Vec<DeskRow>,
    /// In the house and due to leave on or before the business date.
    pub departures: Vec<DeskRow>,
    pub in_house: Vec<DeskRow>,
}

/// The business date's arrivals, departures and guests in house (permission
/// `frontdesk.operate`), filtered by `text` (guest name, booking number or room number).
pub async fn front_desk(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    text: &str,
) -> Result<FrontDesk> {
    actor.require(Permission::FrontdeskOperate)?;
    let p = property::get(conn, actor.property_id).await?;
    let day = p.business_date;
    let rows = reservation::Entity::find()
        .filter(reservation::Column::PropertyId.eq(p.id))
        .filter(
            Condition::any()
                .add(
                    Condition::all()
                        .add(reservation::Column::State.eq(state::CONFIRMED))
                        .add(reservation::Column::Arrival.eq(day)),
                )
                .add(reservation::Column::State.eq(state::CHECKED_IN)),
        )
        .order_by_asc(reservation::Column::Arrival)
        .order_by_asc(reservation::Column::Id)
        .all(conn)
        .await?;
    let (names, numbers) = reservations::guest_names_and_room_numbers(conn, &rows).await?;
    let rooms: HashMap<i32, room::Model> = room::Entity::find()
        .filter(room::Column::PropertyId.eq(p.id))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let occupied: HashSet<i32> = crate::housekeeping::occupied(conn, p.id)
        .await?
        .into_keys()
        .collect();
    let wanted = text.trim().to_lowercase();
    let digits = property::digits(&p);
    let mut desk = FrontDesk {
        business_date: day,
        arrivals: Vec::new(),
        departures: Vec::new(),
        in_house: Vec::new(),
    };
    for r in rows {
        let name = names.get(&r.guest_id).cloned().unwrap_or_default();
        let number = r.room_id.and_then(|id| numbers.get(&id).cloned());
        let v = reservations::view_of(r, name, number, digits);
        if !matches(&v, &wanted) {
            continue;
        }
        let room_status = v.room_id.and_then(|id| rooms.get(&id)).map(|room| {
            derive_status(
                occupied.contains(&room.id),
                HousekeepingStatus::parse(&room.housekeeping),
            )
        });
        if v.state == state::CONFIRMED {
            let next = match v.room_id {
                Some(_) => NextAction::CheckIn,
                None => NextAction::AssignRoom,
            };
            desk.arrivals.push(row(v, room_status, None, next));
            continue;
        }
        let (balance, held) = owed(conn, v.id).await?;
        let leaving = v.departure <= day;
        let next = if leaving {
            NextAction::CheckOut
        } else {
            NextAction::OpenFolio
        };
        let r = row(v, room_status, Some((balance, held)), next);
        if leaving {
            desk.departures.push(r.clone());
        }
        desk.in_house.push(r);
    }
    Ok(desk)
}

fn row(
    reservation: ReservationView,
    room_status: Option<RoomStatus>,
    money: Option<(Decimal, Decimal)>,
    next: NextAction,
) -> DeskRow {
    DeskRow {
        reservation,
        room_status,
        balance: money.map(|m| m.0),
        deposit_held: money.map(|m| m.1),
        next,
    }
}

fn matches(v: &ReservationView, wanted: &str) -> bool {
    wanted.is_empty()
        || v.guest_name.to_lowercase().contains(wanted)
        || v.booking_no.to_lowercase().contains(wanted)
        || v.room_number
            .as_deref()
            .is_some_and(|n| n.to_lowercase() == wanted)
}

/// The balance and the deposit held over the reservation's open folios.
pub(super) async fn owed(
    conn: &impl ConnectionTrait,
    reservation_id: i32,
) -> Result<(Decimal, Decimal)> {
    let mut sum = (Decimal::ZERO, Decimal::ZERO);
    for f in open_folios(conn, reservation_id).await? {
        let t = folios::folio_balance(conn, f.id).await?;
        sum.0 += t.balance;
        sum.1 += t.deposit_held;
    }
    Ok(sum)
}

/// The reservation's open folios, the main one first.
pub(super) async fn open_folios(
    conn: &impl ConnectionTrait,
    reservation_id: i32,
) -> Result<Vec<folio::Model>> {
    Ok(folio::Entity::find()
        .filter(folio::Column::ReservationId.eq(reservation_id))
        .filter(folio::Column::State.eq(folios::state::OPEN))
        .order_by_asc(folio::Column::Id)
        .all(conn)
        .await?)
}

/// The booking number of whoever is in `room_id` now, if anyone.
pub(super) async fn occupant(conn: &impl ConnectionTrait, room_id: i32) -> Result<Option<String>> {
    let Some(s) = stay::Entity::find()
        .filter(stay::Column::RoomId.eq(room_id))
        .filter(stay::Column::CheckedOutAt.is_null())
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    Ok(reservation::Entity::find_by_id(s.reservation_id)
        .one(conn)
        .await?
        .map(|r| r.booking_no))
}
