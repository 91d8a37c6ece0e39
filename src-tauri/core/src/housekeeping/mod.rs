//! Housekeeping: the room status board (occupancy × housekeeping status, shown as VC / VD / OC /
//! OD / Inspected), bulk status updates, check-out's "Dirty", and out-of-order / out-of-service
//! blocks of a room. Occupancy is derived from open stays, never typed; what a block does to
//! inventory is decided in availability.rs (only out of order leaves it).

mod blocks;
mod board;
mod status;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::ApiError;

pub use blocks::{BlockInput, block_room, unblock_room};
pub(crate) use board::occupied;
pub use board::{Board, BoardFilter, BoardRoomType, RoomStatusView, StatusCounts, board};
pub use status::{derive_status, set_dirty_on_check_out, set_dirty_on_move, set_status};

/// What housekeeping last did to a room (the `room.housekeeping` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum HousekeepingStatus {
    Clean,
    Dirty,
    /// Cleaned and checked by a supervisor: ready for an arrival.
    Inspected,
}

impl HousekeepingStatus {
    /// The stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Clean => "clean",
            Self::Dirty => "dirty",
            Self::Inspected => "inspected",
        }
    }

    /// Reads a stored value; anything unknown is treated as dirty, the safe side for an arrival.
    pub fn parse(s: &str) -> Self {
        match s {
            "clean" => Self::Clean,
            "inspected" => Self::Inspected,
            _ => Self::Dirty,
        }
    }
}

/// The combined status a board shows: occupancy × housekeeping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum RoomStatus {
    /// VC
    VacantClean,
    /// VD
    VacantDirty,
    /// OC (an occupied room that was inspected is also OC)
    OccupiedClean,
    /// OD
    OccupiedDirty,
    /// Vacant and inspected: ready to sell.
    Inspected,
}

/// Why a room is blocked for some nights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// Leaves inventory: not sellable, not assignable.
    OutOfOrder,
    /// A minor defect: stays sellable and assignable, but flagged.
    OutOfService,
}

impl BlockKind {
    /// The stored value (`room_block.kind`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::OutOfOrder => crate::availability::OUT_OF_ORDER,
            Self::OutOfService => crate::availability::OUT_OF_SERVICE,
        }
    }

    /// Reads a stored value; unknown kinds count as out of order (the stricter one).
    pub fn parse(s: &str) -> Self {
        if s == crate::availability::OUT_OF_SERVICE {
            Self::OutOfService
        } else {
            Self::OutOfOrder
        }
    }
}

/// One block of a room: the nights `from..to` (to exclusive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BlockView {
    pub id: i32,
    pub room_id: i32,
    pub kind: BlockKind,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub reason: String,
}

impl From<crate::entity::room_block::Model> for BlockView {
    fn from(b: crate::entity::room_block::Model) -> Self {
        Self {
            id: b.id,
            room_id: b.room_id,
            kind: BlockKind::parse(&b.kind),
            from: b.date_from,
            to: b.date_to,
            reason: b.reason,
        }
    }
}

/// Why a housekeeping change is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HousekeepingError {
    #[error("room {room} is occupied or assigned during those nights: {}", bookings.join(", "))]
    RoomInUse { room: String, bookings: Vec<String> },
    #[error("room {room} is already blocked from {from} to {to}")]
    AlreadyBlocked {
        room: String,
        from: NaiveDate,
        to: NaiveDate,
    },
    #[error("a block cannot start before the business date {business_date}")]
    BlockInPast { business_date: NaiveDate },
    #[error("the block ended before the business date {business_date}")]
    BlockOver { business_date: NaiveDate },
}

impl HousekeepingError {
    pub fn to_api(&self) -> ApiError {
        let day = |d: &NaiveDate| d.format("%Y-%m-%d").to_string();
        match self {
            Self::RoomInUse { room, bookings } => ApiError::new(
                "housekeeping",
                "room_in_use",
                &[("room", room.clone()), ("bookings", bookings.join(", "))],
            ),
            Self::AlreadyBlocked { room, from, to } => ApiError::new(
                "housekeeping",
                "already_blocked",
                &[("room", room.clone()), ("from", day(from)), ("to", day(to))],
            ),
            Self::BlockInPast { business_date } => ApiError::new(
                "housekeeping",
                "block_in_past",
                &[("date", day(business_date))],
            ),
            Self::BlockOver { business_date } => ApiError::new(
                "housekeeping",
                "block_over",
                &[("date", day(business_date))],
            ),
        }
    }
}
