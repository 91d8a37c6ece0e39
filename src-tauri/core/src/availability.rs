//! Availability per room type and night: rooms − out of order − sold, and what may still be
//! sold with the type's overbooking limit (an out-of-service room stays sellable). Sold nights are a grouped count over the
//! reservation-night table (one row per consuming reservation night), so the answer is exact.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::sea_query::{Expr, IntoCondition};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, JoinType, QueryFilter, QueryOrder, QuerySelect,
    RelationDef,
};
use serde::Serialize;

use crate::auth::Actor;
use crate::entity::{reservation_night, room, room_block, room_type};
use crate::error::Result;
use crate::permission::Permission;
use crate::validate::{Invalid, Rule};

/// Kind of a room block that takes the room out of inventory (not sold, not assigned).
pub const OUT_OF_ORDER: &str = "out_of_order";
/// Kind of a room block for a minor defect: the room stays sellable and assignable, flagged.
pub const OUT_OF_SERVICE: &str = "out_of_service";

/// One room type on one night.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TypeNight {
    pub room_type_id: i32,
    pub night: NaiveDate,
    pub rooms: u32,
    pub out_of_order: u32,
    pub sold: u32,
    /// Rooms − out of order − sold; negative when overbooked.
    pub available: i32,
    /// Available plus the overbooking limit.
    pub sellable: i32,
}

/// The overbooking limit of a type: the larger of a room count and a percentage of its rooms.
pub fn overbook_limit(rooms: u32, overbook_rooms: u32, overbook_percent: u32) -> u32 {
    overbook_rooms.max((rooms * overbook_percent).div_ceil(100))
}

/// Inputs of the arithmetic, per type.
#[derive(Debug, Clone, Default)]
pub struct Inventory {
    pub rooms: u32,
    pub overbook_rooms: u32,
    pub overbook_percent: u32,
}

/// Combines counts into availability for every type and every night of `from..to`.
pub fn compute(
    types: &[(i32, Inventory)],
    out_of_order: &HashMap<(i32, NaiveDate), u32>,
    sold: &HashMap<(i32, NaiveDate), u32>,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<TypeNight> {
    let mut out = Vec::new();
    for (type_id, inv) in types {
        for night in from.iter_days().take_while(|d| *d < to) {
            let ooo = out_of_order
                .get(&(*type_id, night))
                .copied()
                .unwrap_or(0)
                .min(inv.rooms);
            let sold = sold.get(&(*type_id, night)).copied().unwrap_or(0);
            let available = i64::from(inv.rooms) - i64::from(ooo) - i64::from(sold);
            let limit = overbook_limit(inv.rooms, inv.overbook_rooms, inv.overbook_percent);
            let clamp = |v: i64| i32::try_from(v).unwrap_or(i32::MIN);
            out.push(TypeNight {
                room_type_id: *type_id,
                night,
                rooms: inv.rooms,
                out_of_order: ooo,
                sold,
                available: clamp(available),
                sellable: clamp(available + i64::from(limit)),
            });
        }
    }
    out
}

/// Availability for the reservation screens (permission `reservations.manage`); at most a year.
pub async fn list(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<TypeNight>> {
    actor.require(Permission::ReservationsManage)?;
    if to <= from || (to - from).num_days() > 366 {
        return Err(Invalid::new("to", Rule::Range { min: 1, max: 366 }).into());
    }
    for_range(conn, actor.property_id, from, to).await
}

/// Availability of every active room type of a property for the nights `from..to`.
pub async fn for_range(
    conn: &impl ConnectionTrait,
    property_id: i32,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<TypeNight>> {
    // Three queries: the types with their active rooms, the sold nights, the out-of-order
    // blocks with their rooms' types (a query costs more than the rows these return).
    let rooms_of_type = RelationDef::from(
        room::Entity::belongs_to(room_type::Entity)
            .from(room::Column::RoomTypeId)
            .to(room_type::Column::Id),
    )
    .rev()
    .on_condition(|_, r| {
        use sea_orm::sea_query::ExprTrait as _;
        Expr::col((r, room::Column::Active))
            .eq(true)
            .into_condition()
    });
    let types: Vec<(i32, i32, i32, i64)> = room_type::Entity::find()
        .select_only()
        .column(room_type::Column::Id)
        .column(room_type::Column::OverbookRooms)
        .column(room_type::Column::OverbookPercent)
        .column_as(room::Column::Id.count(), "rooms")
        .join(JoinType::LeftJoin, rooms_of_type)
        .filter(room_type::Column::PropertyId.eq(property_id))
        .filter(room_type::Column::Active.eq(true))
        .group_by(room_type::Column::Id)
        .group_by(room_type::Column::OverbookRooms)
        .group_by(room_type::Column::OverbookPercent)
        .order_by_asc(room_type::Column::Id)
        .into_tuple()
        .all(conn)
        .await?;
    let sold_rows: Vec<(i32, NaiveDate, i64)> = reservation_night::Entity::find()
        .select_only()
        .column(reservation_night::Column::RoomTypeId)
        .column(reservation_night::Column::Night)
        .column_as(reservation_night::Column::Id.count(), "n")
        .filter(reservation_night::Column::PropertyId.eq(property_id))
        .filter(reservation_night::Column::Night.gte(from))
        .filter(reservation_night::Column::Night.lt(to))
        .group_by(reservation_night::Column::RoomTypeId)
        .group_by(reservation_night::Column::Night)
        .into_tuple()
        .all(conn)
        .await?;
    let sold = sold_rows
        .into_iter()
        .map(|(t, n, c)| ((t, n), u32::try_from(c).unwrap_or(u32::MAX)))
        .collect();
    let block_room = room_block::Entity::belongs_to(room::Entity)
        .from(room_block::Column::RoomId)
        .to(room::Column::Id);
    let blocks: Vec<(i32, NaiveDate, NaiveDate)> = room_block::Entity::find()
        .select_only()
        .column(room::Column::RoomTypeId)
        .column(room_block::Column::DateFrom)
        .column(room_block::Column::DateTo)
        .join(JoinType::InnerJoin, block_room.into())
        .filter(room_block::Column::PropertyId.eq(property_id))
        .filter(room_block::Column::Kind.eq(OUT_OF_ORDER))
        .filter(room_block::Column::DateFrom.lt(to))
        .filter(room_block::Column::DateTo.gt(from))
        .filter(room::Column::Active.eq(true))
        .into_tuple()
        .all(conn)
        .await?;
    let mut ooo: HashMap<(i32, NaiveDate), u32> = HashMap::new();
    for (type_id, date_from, date_to) in blocks {
        for night in date_from
            .max(from)
            .iter_days()
            .take_while(|d| *d < date_to.min(to))
        {
            *ooo.entry((type_id, night)).or_default() += 1;
        }
    }
    let u = |n: i64| u32::try_from(n).unwrap_or(0);
    let inventory: Vec<(i32, Inventory)> = types
        .into_iter()
        .map(|(id, overbook_rooms, overbook_percent, rooms)| {
            let inv = Inventory {
                rooms: u(rooms),
                overbook_rooms: u(i64::from(overbook_rooms)),
                overbook_percent: u(i64::from(overbook_percent)),
            };
            (id, inv)
        })
        .collect();
    Ok(compute(&inventory, &ooo, &sold, from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, day).unwrap_or_default()
    }

    #[test]
    fn rooms_minus_out_of_order_minus_sold() {
        let types = [(
            1,
            Inventory {
                rooms: 10,
                overbook_rooms: 0,
                overbook_percent: 10,
            },
        )];
        let ooo = HashMap::from([((1, d(2)), 2)]);
        let sold = HashMap::from([((1, d(1)), 10), ((1, d(2)), 3)]);
        let a = compute(&types, &ooo, &sold, d(1), d(4));
        assert_eq!(
            a.iter()
                .map(|n| (n.available, n.sellable))
                .collect::<Vec<_>>(),
            [(0, 1), (5, 6), (10, 11)]
        );
    }

    #[test]
    fn the_overbooking_limit_is_the_larger_of_rooms_and_percent() {
        assert_eq!(overbook_limit(30, 2, 5), 2);
        assert_eq!(overbook_limit(30, 1, 10), 3);
        assert_eq!(overbook_limit(7, 0, 10), 1);
        assert_eq!(overbook_limit(7, 0, 0), 0);
    }
}
