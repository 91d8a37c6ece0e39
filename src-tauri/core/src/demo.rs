//! The demo hotel opened by `--demo`: a property with room types, rooms, staff of every
//! default role and a few reservations on the business date, so the screens have something to
//! show. The demo passwords are shown on its login screen; a real hotel has none of this.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, Set, TransactionTrait};
use serde::Serialize;

use crate::dashboard::state;
use crate::entity::{reservation, room, room_type};
use crate::error::Result;
use crate::roles;
use crate::setup::{self, CreateAdministratorInput};
use crate::users::{self, NewUser};

/// A demo login shown on the demo's login screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DemoAccount {
    pub username: String,
    pub password: String,
    pub role: String,
}

const STAFF: [(&str, &str, &str); 5] = [
    ("admin", "管理员 Admin", "administrator"),
    ("manager", "王经理 Wang", "manager"),
    ("frontdesk", "李前台 Li", "front_desk"),
    ("cashier", "陈出纳 Chen", "finance"),
    ("housekeeping", "赵客房 Zhao", "housekeeping"),
];

fn password(username: &str) -> String {
    format!("demo-{username}-2026")
}

/// The demo logins.
pub fn accounts() -> Vec<DemoAccount> {
    STAFF
        .iter()
        .map(|(u, _, r)| DemoAccount {
            username: (*u).into(),
            password: password(u),
            role: (*r).into(),
        })
        .collect()
}

/// Seeds the demo hotel into an empty database; does nothing once staff exist.
pub async fn seed_if_empty(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<()> {
    if users::any(db).await? {
        return Ok(());
    }
    let admin = setup::create_administrator(
        db,
        now,
        "zh-CN",
        CreateAdministratorInput {
            property_name: "悦居酒店 Innkeep Demo Hotel".into(),
            currency: "CNY".into(),
            time_zone: "Asia/Shanghai".into(),
            username: STAFF[0].0.into(),
            display_name: STAFF[0].1.into(),
            password: password(STAFF[0].0),
        },
    )
    .await?;
    let pid = admin.property_id;
    let txn = db.begin().await?;
    for (username, display, role_code) in &STAFF[1..] {
        let Some(role) = roles::by_code(&txn, pid, role_code).await? else {
            continue;
        };
        let input = NewUser {
            username: (*username).into(),
            display_name: (*display).into(),
            password: password(username),
            role_id: role.id,
        };
        users::insert(&txn, now, pid, &input, "zh-CN").await?;
    }
    let types = [
        ("STD", "标准间", "Standard"),
        ("DLX", "豪华大床房", "Deluxe King"),
        ("STE", "套房", "Suite"),
    ];
    let mut type_ids = Vec::new();
    for (code, zh, en) in types {
        let t = room_type::ActiveModel {
            property_id: Set(pid),
            code: Set(code.into()),
            name_zh: Set(zh.into()),
            name_en: Set(en.into()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        type_ids.push(t.id);
    }
    let mut rooms = Vec::new();
    for floor in 2..=4 {
        for n in 1..=8 {
            let type_id = match n {
                1..=5 => type_ids[0],
                6 | 7 => type_ids[1],
                _ => type_ids[2],
            };
            let r = room::ActiveModel {
                property_id: Set(pid),
                room_type_id: Set(type_id),
                number: Set(format!("{floor}{n:02}")),
                floor: Set(floor),
                housekeeping: Set("clean".into()),
                active: Set(true),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            rooms.push(r);
        }
    }
    seed_reservations(&txn, pid, now, &rooms).await?;
    txn.commit().await?;
    Ok(())
}

async fn seed_reservations(
    conn: &impl ConnectionTrait,
    pid: i32,
    now: DateTime<Utc>,
    rooms: &[room::Model],
) -> Result<()> {
    let today = crate::property::get(conn, pid).await?.business_date;
    let guests = [
        "张伟",
        "王芳",
        "李娜",
        "刘洋",
        "Emma Schmidt",
        "陈静",
        "John Carter",
        "杨磊",
    ];
    for (i, (guest, room)) in guests.iter().zip(rooms.iter().step_by(3)).enumerate() {
        let (arrival, departure, st) = match i % 3 {
            0 => (today, today + Duration::days(2), state::CONFIRMED),
            1 => (today - Duration::days(2), today, state::CHECKED_IN),
            _ => (
                today - Duration::days(1),
                today + Duration::days(1),
                state::CHECKED_IN,
            ),
        };
        reservation::ActiveModel {
            property_id: Set(pid),
            booking_no: Set(format!("D{:05}", 1001 + i)),
            room_type_id: Set(room.room_type_id),
            room_id: Set(Some(room.id)),
            guest_name: Set((*guest).into()),
            arrival: Set(arrival),
            departure: Set(departure),
            state: Set(st.into()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}
