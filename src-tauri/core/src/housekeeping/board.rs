//! The room status board: every active room with its status on the business date, who is in it or
//! arriving, and its current and coming blocks; counts per status for the board's header.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};

use super::{BlockKind, BlockView, HousekeepingStatus, RoomStatus, derive_status};
use crate::auth::Actor;
use crate::entity::{reservation, room, room_block, room_type, stay};
use crate::error::Result;
use crate::permission::Permission;
use crate::reservations::state;

/// One tile of the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RoomStatusView {
    pub room_id: i32,
    pub number: String,
    pub floor: i32,
    pub room_type_id: i32,
    pub room_type_code: String,
    pub housekeeping: HousekeepingStatus,
    pub occupied: bool,
    pub status: RoomStatus,
    /// The block covering the business date's night, if any.
    pub block: Option<BlockView>,
    /// Every block not yet over (the current one included), earliest first.
    pub blocks: Vec<BlockView>,
    /// Booking number of the guest in the room.
    pub in_house: Option<String>,
    /// The guest in the room is due to leave on the business date (or should have left).
    pub due_out: bool,
    /// Booking number of a confirmed arrival of the business date assigned to the room.
    pub arrival: Option<String>,
}

/// What the board shows; empty lists and `None` mean "all".
#[derive(Debug, Clone, Default, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BoardFilter {
    pub statuses: Vec<RoomStatus>,
    pub floor: Option<i32>,
    pub room_type_id: Option<i32>,
    /// Only rooms blocked on the business date with this kind.
    pub block: Option<BlockKind>,
}

/// Rooms per status over the whole hotel (not only the filtered ones).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct StatusCounts {
    pub vacant_clean: u32,
    pub vacant_dirty: u32,
    pub occupied_clean: u32,
    pub occupied_dirty: u32,
    pub inspected: u32,
    pub out_of_order: u32,
    pub out_of_service: u32,
}

/// A room type the board's filter offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BoardRoomType {
    pub id: i32,
    pub code: String,
}

/// The board for one business date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Board {
    pub business_date: NaiveDate,
    pub rooms: Vec<RoomStatusView>,
    pub counts: StatusCounts,
    /// Floors and room types of all active rooms, for the filter.
    pub floors: Vec<i32>,
    pub room_types: Vec<BoardRoomType>,
}

impl BoardFilter {
    fn keeps(&self, r: &RoomStatusView) -> bool {
        (self.statuses.is_empty() || self.statuses.contains(&r.status))
            && self.floor.is_none_or(|f| f == r.floor)
            && self.room_type_id.is_none_or(|t| t == r.room_type_id)
            && self
                .block
                .is_none_or(|k| r.block.as_ref().is_some_and(|b| b.kind == k))
    }
}

fn count(rooms: &[RoomStatusView]) -> StatusCounts {
    let mut c = StatusCounts::default();
    for r in rooms {
        *match r.status {
            RoomStatus::VacantClean => &mut c.vacant_clean,
            RoomStatus::VacantDirty => &mut c.vacant_dirty,
            RoomStatus::OccupiedClean => &mut c.occupied_clean,
            RoomStatus::OccupiedDirty => &mut c.occupied_dirty,
            RoomStatus::Inspected => &mut c.inspected,
        } += 1;
        match r.block.as_ref().map(|b| b.kind) {
            Some(BlockKind::OutOfOrder) => c.out_of_order += 1,
            Some(BlockKind::OutOfService) => c.out_of_service += 1,
            None => {}
        }
    }
    c
}

/// The status board on `business_date` (permission `housekeeping.update`), by floor and number.
pub async fn board(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    business_date: NaiveDate,
    filter: &BoardFilter,
) -> Result<Board> {
    actor.require(Permission::HousekeepingUpdate)?;
    let all = rows(conn, actor.property_id, business_date, None).await?;
    let counts = count(&all);
    let mut floors: Vec<i32> = all.iter().map(|r| r.floor).collect();
    floors.sort_unstable();
    floors.dedup();
    let mut room_types: Vec<BoardRoomType> = all
        .iter()
        .map(|r| BoardRoomType {
            id: r.room_type_id,
            code: r.room_type_code.clone(),
        })
        .collect();
    room_types.sort_by(|a, b| a.code.cmp(&b.code).then(a.id.cmp(&b.id)));
    room_types.dedup();
    Ok(Board {
        business_date,
        rooms: all.into_iter().filter(|r| filter.keeps(r)).collect(),
        counts,
        floors,
        room_types,
    })
}

/// The rooms that have a guest in them now (an open stay), with the stay's reservation.
pub(crate) async fn occupied(
    conn: &impl ConnectionTrait,
    property_id: i32,
) -> Result<HashMap<i32, i32>> {
    Ok(stay::Entity::find()
        .filter(stay::Column::PropertyId.eq(property_id))
        .filter(stay::Column::CheckedOutAt.is_null())
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.room_id, s.reservation_id))
        .collect())
}

/// Board rows of the active rooms (only those in `only`, when given).
pub(super) async fn rows(
    conn: &impl ConnectionTrait,
    property_id: i32,
    day: NaiveDate,
    only: Option<&HashSet<i32>>,
) -> Result<Vec<RoomStatusView>> {
    let mut query = room::Entity::find()
        .filter(room::Column::PropertyId.eq(property_id))
        .filter(room::Column::Active.eq(true));
    if let Some(ids) = only {
        query = query.filter(room::Column::Id.is_in(ids.iter().copied()));
    }
    let rooms = query
        .order_by_asc(room::Column::Floor)
        .order_by_asc(room::Column::Number)
        .all(conn)
        .await?;
    let codes: HashMap<i32, String> = room_type::Entity::find()
        .filter(room_type::Column::PropertyId.eq(property_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|t| (t.id, t.code))
        .collect();
    let in_house = occupied(conn, property_id).await?;
    let stays: HashMap<i32, reservation::Model> = reservation::Entity::find()
        .filter(reservation::Column::Id.is_in(in_house.values().copied()))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let arrivals: HashMap<i32, String> = reservation::Entity::find()
        .filter(reservation::Column::PropertyId.eq(property_id))
        .filter(reservation::Column::Arrival.eq(day))
        .filter(reservation::Column::State.eq(state::CONFIRMED))
        .filter(reservation::Column::RoomId.is_not_null())
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|r| r.room_id.map(|id| (id, r.booking_no)))
        .collect();
    let mut blocks: HashMap<i32, Vec<BlockView>> = HashMap::new();
    for b in room_block::Entity::find()
        .filter(room_block::Column::PropertyId.eq(property_id))
        .filter(room_block::Column::DateTo.gt(day))
        .order_by_asc(room_block::Column::DateFrom)
        .all(conn)
        .await?
    {
        blocks.entry(b.room_id).or_default().push(b.into());
    }
    Ok(rooms
        .into_iter()
        .map(|r| {
            let housekeeping = HousekeepingStatus::parse(&r.housekeeping);
            let stay = in_house.get(&r.id).and_then(|id| stays.get(id));
            let occupied = in_house.contains_key(&r.id);
            let blocks = blocks.remove(&r.id).unwrap_or_default();
            RoomStatusView {
                room_id: r.id,
                room_type_code: codes.get(&r.room_type_id).cloned().unwrap_or_default(),
                floor: r.floor,
                room_type_id: r.room_type_id,
                housekeeping,
                occupied,
                status: derive_status(occupied, housekeeping),
                block: blocks.iter().find(|b| b.from <= day && day < b.to).cloned(),
                blocks,
                in_house: stay.map(|s| s.booking_no.clone()),
                due_out: stay.is_some_and(|s| s.departure <= day),
                arrival: arrivals.get(&r.id).cloned(),
                number: r.number,
            }
        })
        .collect())
}
