//! Room types and rooms: what the hotel sells and the physical units behind it. Rooms can be
//! created one by one or in bulk ("201–230 on floor 2, type STD"); a room with future stays
//! cannot be deactivated. Every change is in the audit trail (permission `rooms.manage`).

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use serde::{Deserialize, Serialize};

use crate::audit;
use crate::auth::Actor;
use crate::entity::{reservation, reservation_night, room, room_type};
use crate::error::{Error, Result};
use crate::permission::Permission;
use crate::validate::{self, Invalid, Rule};

/// Features a guest may ask for, stored on each room.
pub const FEATURES: [&str; 5] = ["smoking", "view", "quiet", "connecting", "accessible"];

/// A room type as the UI shows and edits it (`id` null to create).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RoomTypeInput {
    pub id: Option<i32>,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub area_m2: u32,
    pub bed_type: String,
    pub max_adults: u32,
    pub max_children: u32,
    pub facilities: Vec<String>,
    /// Rooms that may be sold beyond availability (with the overbook permission).
    pub overbook_rooms: u32,
    /// Or a percentage of the type's rooms; the larger of the two applies.
    pub overbook_percent: u32,
    pub active: bool,
}

/// A room as the UI shows and edits it (`id` null to create).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RoomInput {
    pub id: Option<i32>,
    pub number: String,
    pub floor: i32,
    pub room_type_id: i32,
    pub features: Vec<String>,
    pub active: bool,
}

/// Rooms `from..=to` (numbers) on one floor, of one type.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BulkRooms {
    pub from: u32,
    pub to: u32,
    pub floor: i32,
    pub room_type_id: i32,
    pub features: Vec<String>,
}

impl From<room_type::Model> for RoomTypeInput {
    fn from(m: room_type::Model) -> Self {
        Self {
            id: Some(m.id),
            code: m.code,
            name_zh: m.name_zh,
            name_en: m.name_en,
            area_m2: u32::try_from(m.area_m2).unwrap_or(0),
            bed_type: m.bed_type,
            max_adults: u32::try_from(m.max_adults).unwrap_or(0),
            max_children: u32::try_from(m.max_children).unwrap_or(0),
            facilities: serde_json::from_str(&m.facilities).unwrap_or_default(),
            overbook_rooms: u32::try_from(m.overbook_rooms).unwrap_or(0),
            overbook_percent: u32::try_from(m.overbook_percent).unwrap_or(0),
            active: m.active,
        }
    }
}

impl From<room::Model> for RoomInput {
    fn from(m: room::Model) -> Self {
        Self {
            id: Some(m.id),
            number: m.number,
            floor: m.floor,
            room_type_id: m.room_type_id,
            features: serde_json::from_str(&m.features).unwrap_or_default(),
            active: m.active,
        }
    }
}

fn json(list: &[String]) -> String {
    serde_json::to_string(list).unwrap_or_else(|_| "[]".into())
}

fn to_i32(field: &'static str, v: u32, max: u32) -> Result<i32, Invalid> {
    i32::try_from(validate::range(field, i64::from(v), 0, i64::from(max))?)
        .map_err(|_| Invalid::new(field, Rule::Format))
}

/// The hotel's room types, in code order.
pub async fn list_types(conn: &impl ConnectionTrait, actor: &Actor) -> Result<Vec<RoomTypeInput>> {
    Ok(room_type::Entity::find()
        .filter(room_type::Column::PropertyId.eq(actor.property_id))
        .order_by_asc(room_type::Column::Code)
        .all(conn)
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}

/// Creates or changes a room type (permission `rooms.manage`).
pub async fn save_type(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    input: RoomTypeInput,
) -> Result<RoomTypeInput> {
    actor.require(Permission::RoomsManage)?;
    let code = validate::text("code", &input.code, 16)?.to_uppercase();
    let name_zh = validate::text("nameZh", &input.name_zh, 80)?;
    let name_en = validate::text("nameEn", &input.name_en, 80)?;
    let bed_type = validate::optional_text("bedType", &input.bed_type, 32)?;
    if input.max_adults == 0 {
        return Err(Invalid::new("maxAdults", Rule::Range { min: 1, max: 20 }).into());
    }
    let txn = db.begin().await?;
    let same_code = room_type::Entity::find()
        .filter(room_type::Column::PropertyId.eq(actor.property_id))
        .filter(room_type::Column::Code.eq(code.clone()))
        .one(&txn)
        .await?;
    if same_code.is_some_and(|t| Some(t.id) != input.id) {
        return Err(Invalid::new("code", Rule::Duplicate { value: code }).into());
    }
    let mut m = match input.id {
        Some(id) => room_type::ActiveModel::from(type_of(&txn, actor, id).await?),
        None => room_type::ActiveModel {
            property_id: Set(actor.property_id),
            ..Default::default()
        },
    };
    m.code = Set(code);
    m.name_zh = Set(name_zh);
    m.name_en = Set(name_en);
    m.area_m2 = Set(to_i32("areaM2", input.area_m2, 10_000)?);
    m.bed_type = Set(bed_type);
    m.max_adults = Set(to_i32("maxAdults", input.max_adults, 20)?);
    m.max_children = Set(to_i32("maxChildren", input.max_children, 20)?);
    m.facilities = Set(json(&input.facilities));
    m.overbook_rooms = Set(to_i32("overbookRooms", input.overbook_rooms, 1000)?);
    m.overbook_percent = Set(to_i32("overbookPercent", input.overbook_percent, 100)?);
    m.active = Set(input.active);
    let saved = if input.id.is_some() {
        m.update(&txn).await?
    } else {
        m.insert(&txn).await?
    };
    let action = if input.id.is_some() {
        "room_type.updated"
    } else {
        "room_type.created"
    };
    audit::record(
        &txn,
        now,
        actor,
        action,
        "room_type",
        saved.id,
        format!("{} {}", saved.code, saved.name_zh),
    )
    .await?;
    txn.commit().await?;
    Ok(saved.into())
}

async fn type_of(conn: &impl ConnectionTrait, actor: &Actor, id: i32) -> Result<room_type::Model> {
    room_type::Entity::find_by_id(id)
        .one(conn)
        .await?
        .filter(|t| t.property_id == actor.property_id)
        .ok_or_else(|| Invalid::new("roomTypeId", Rule::Required).into())
}

/// The hotel's rooms, by number.
pub async fn list_rooms(conn: &impl ConnectionTrait, actor: &Actor) -> Result<Vec<RoomInput>> {
    Ok(room::Entity::find()
        .filter(room::Column::PropertyId.eq(actor.property_id))
        .order_by_asc(room::Column::Floor)
        .order_by_asc(room::Column::Number)
        .all(conn)
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}

fn features(list: &[String]) -> Result<Vec<String>, Invalid> {
    if let Some(bad) = list.iter().find(|f| !FEATURES.contains(&f.as_str())) {
        log::info!("unknown room feature {bad}");
        return Err(Invalid::new("features", Rule::Format));
    }
    Ok(list.to_vec())
}

async fn insert_room(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    input: &RoomInput,
) -> Result<room::Model> {
    let number = validate::text("number", &input.number, 16)?;
    type_of(conn, actor, input.room_type_id).await?;
    let taken = room::Entity::find()
        .filter(room::Column::PropertyId.eq(actor.property_id))
        .filter(room::Column::Number.eq(number.clone()))
        .one(conn)
        .await?;
    if taken.is_some_and(|r| Some(r.id) != input.id) {
        return Err(Invalid::new("number", Rule::Duplicate { value: number }).into());
    }
    let mut m = match input.id {
        Some(id) => room::ActiveModel::from(room_of(conn, actor, id).await?),
        None => room::ActiveModel {
            property_id: Set(actor.property_id),
            housekeeping: Set("clean".into()),
            ..Default::default()
        },
    };
    m.number = Set(number);
    m.floor = Set(input.floor);
    m.room_type_id = Set(input.room_type_id);
    m.features = Set(json(&features(&input.features)?));
    m.active = Set(input.active);
    Ok(if input.id.is_some() {
        m.update(conn).await?
    } else {
        m.insert(conn).await?
    })
}

async fn room_of(conn: &impl ConnectionTrait, actor: &Actor, id: i32) -> Result<room::Model> {
    room::Entity::find_by_id(id)
        .one(conn)
        .await?
        .filter(|r| r.property_id == actor.property_id)
        .ok_or(Error::NotFound { entity: "room" })
}

/// Reservations that hold a room on or after `from`, as booking numbers.
pub async fn future_stays(
    conn: &impl ConnectionTrait,
    room_id: i32,
    from: NaiveDate,
) -> Result<Vec<String>> {
    let ids: Vec<i32> = reservation_night::Entity::find()
        .filter(reservation_night::Column::RoomId.eq(room_id))
        .filter(reservation_night::Column::Night.gte(from))
        .all(conn)
        .await?
        .into_iter()
        .map(|n| n.reservation_id)
        .collect();
    let mut numbers: Vec<String> = reservation::Entity::find()
        .filter(reservation::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| r.booking_no)
        .collect();
    numbers.sort();
    numbers.dedup();
    Ok(numbers)
}

/// Creates or changes one room (permission `rooms.manage`). Deactivating a room that still
/// has stays from the business date on is refused with their booking numbers.
pub async fn save_room(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    input: RoomInput,
) -> Result<RoomInput> {
    actor.require(Permission::RoomsManage)?;
    let txn = db.begin().await?;
    if let (Some(id), false) = (input.id, input.active) {
        let today = crate::property::get(&txn, actor.property_id)
            .await?
            .business_date;
        let stays = future_stays(&txn, id, today).await?;
        if !stays.is_empty() {
            return Err(Error::RoomHasStays { bookings: stays });
        }
    }
    let saved = insert_room(&txn, actor, &input).await?;
    let action = if input.id.is_some() {
        "room.updated"
    } else {
        "room.created"
    };
    audit::record(
        &txn,
        now,
        actor,
        action,
        "room",
        saved.id,
        saved.number.clone(),
    )
    .await?;
    txn.commit().await?;
    Ok(saved.into())
}

/// Creates rooms `from..=to` in one go, all or nothing (permission `rooms.manage`).
pub async fn create_rooms(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    input: BulkRooms,
) -> Result<Vec<RoomInput>> {
    actor.require(Permission::RoomsManage)?;
    if input.to < input.from {
        return Err(Invalid::new(
            "to",
            Rule::Range {
                min: i64::from(input.from),
                max: 99_999,
            },
        )
        .into());
    }
    if input.to - input.from >= 500 {
        return Err(Invalid::new(
            "to",
            Rule::Range {
                min: i64::from(input.from),
                max: i64::from(input.from) + 499,
            },
        )
        .into());
    }
    let txn = db.begin().await?;
    let mut out = Vec::new();
    for n in input.from..=input.to {
        let room = RoomInput {
            id: None,
            number: n.to_string(),
            floor: input.floor,
            room_type_id: input.room_type_id,
            features: input.features.clone(),
            active: true,
        };
        out.push(insert_room(&txn, actor, &room).await?.into());
    }
    let summary = format!("{}–{} on floor {}", input.from, input.to, input.floor);
    audit::record(&txn, now, actor, "room.created_bulk", "room", "", summary).await?;
    txn.commit().await?;
    Ok(out)
}
