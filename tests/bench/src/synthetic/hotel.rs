//! The synthetic hotel itself, made through the core's own use cases: the property and its
//! administrator, three room types (60 % standard, 30 % deluxe, 10 % suites) with their rooms
//! 25 to a floor, and a best-available rate plan per type (tax included at 6 %).

use chrono::{DateTime, Utc};
use innkeep_core::auth::{self, Actor};
use innkeep_core::rates::{self, RatePlanInput};
use innkeep_core::rooms::{self, BulkRooms, RoomTypeInput};
use innkeep_core::setup::{self, CreateAdministratorInput};
use innkeep_core::{Error, entity::room};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

/// A sellable room with its type's price (minor units) and the tax included in it.
#[derive(Clone, Copy)]
pub struct Room {
    pub id: i32,
    pub type_id: i32,
    pub plan_id: i32,
    pub price_minor: i64,
    pub tax_minor: i64,
}

/// The administrator's password of every synthetic hotel.
pub const PASSWORD: &str = "Synthetic-Hotel-2026!";

const TYPES: [(&str, &str, &str, u32, i64); 3] = [
    ("STD", "标准间", "Standard", 60, 38800),
    ("DLX", "豪华间", "Deluxe", 30, 58800),
    ("STE", "套房", "Suite", 10, 98800),
];

/// Creates the property, types, rooms and plans; answers the administrator and the rooms.
pub async fn create(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    rooms_wanted: u32,
) -> Result<(Actor, Vec<Room>), Error> {
    let admin = setup::create_administrator(
        db,
        now,
        "zh-CN",
        CreateAdministratorInput {
            property_name: format!("Synthetic Hotel 合成酒店 ({rooms_wanted} rooms)"),
            currency: "CNY".into(),
            time_zone: "Asia/Shanghai".into(),
            username: "admin".into(),
            display_name: "Administrator".into(),
            password: PASSWORD.into(),
        },
    )
    .await?;
    let actor = auth::actor_for(db, &admin).await?;
    let mut made = Vec::new();
    let mut first = 0u32;
    for (i, (code, zh, en, share, price)) in TYPES.iter().enumerate() {
        let count = if i + 1 == TYPES.len() {
            rooms_wanted - first
        } else {
            rooms_wanted * share / 100
        };
        let t = rooms::save_type(db, now, &actor, room_type(code, zh, en)).await?;
        let type_id = t.id.unwrap_or_default();
        // Rooms `first..first+count` in the hotel's order, 25 to a floor, in runs per floor.
        let mut k = first;
        while k < first + count {
            let floor = k / 25 + 1;
            let run_end = (floor * 25).min(first + count);
            let number = |n: u32| floor * 100 + n % 25 + 1;
            rooms::create_rooms(
                db,
                now,
                &actor,
                BulkRooms {
                    from: number(k),
                    to: number(run_end - 1),
                    floor: i32::try_from(floor).unwrap_or(1),
                    room_type_id: type_id,
                    features: vec![],
                },
            )
            .await?;
            k = run_end;
        }
        first += count;
        let plan = rates::save(db, now, &actor, plan(type_id, *price)).await?;
        let tax = price * 6 / 106 + i64::from(price * 6 % 106 * 2 >= 106);
        let rows = room::Entity::find()
            .filter(room::Column::RoomTypeId.eq(type_id))
            .order_by_asc(room::Column::Id)
            .all(db)
            .await?;
        made.extend(rows.into_iter().map(|r| Room {
            id: r.id,
            type_id,
            plan_id: plan.id.unwrap_or_default(),
            price_minor: *price,
            tax_minor: tax,
        }));
    }
    Ok((actor, made))
}

fn room_type(code: &str, zh: &str, en: &str) -> RoomTypeInput {
    RoomTypeInput {
        id: None,
        code: code.into(),
        name_zh: zh.into(),
        name_en: en.into(),
        area_m2: 28,
        bed_type: "king".into(),
        max_adults: 2,
        max_children: 1,
        facilities: vec![],
        overbook_rooms: 0,
        overbook_percent: 0,
        active: true,
    }
}

fn plan(room_type_id: i32, price_minor: i64) -> RatePlanInput {
    RatePlanInput {
        id: None,
        room_type_id,
        code: "BAR".into(),
        name_zh: "门市价".into(),
        name_en: "Best available rate".into(),
        kind: "standard".into(),
        base_price: format!("{}", price_minor / 100),
        tax_inclusive: true,
        tax_percent: "6".into(),
        min_stay: 1,
        max_stay: Some(30),
        cancel_free_hours: 24,
        cancel_fee: "first_night".into(),
        cancel_fee_percent: "0".into(),
        no_show_fee: "first_night".into(),
        no_show_fee_percent: "0".into(),
        rules: vec![],
        active: true,
    }
}
