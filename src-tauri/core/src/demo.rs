//! The demo hotel opened by `--demo`: a property with room types, rooms, rate plans, staff of
//! every default role, a few reservations around the business date, a checked-out, invoiced
//! stay and the day before closed by the night audit, so the screens have something to show. The demo passwords are shown on its login
//! screen; a real hotel has none.

mod audit;
mod stay;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, Set};
use serde::Serialize;

use crate::auth::{self, Actor};
use crate::entity::reservation;
use crate::error::Result;
use crate::guests::NewGuest;
use crate::property::PropertyInput;
use crate::rates::{self, RatePlanInput, RateRuleInput};
use crate::reservations::{self, BookingInput, RoomRequest, state};
use crate::rooms::{self, BulkRooms, RoomTypeInput};
use crate::setup::{self, CreateAdministratorInput};
use crate::users::{self, NewUser};
use crate::{money, property, roles};

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

/// A demo room type: its rooms are `per_floor` consecutive numbers on floors 2–4.
struct DemoType {
    code: &'static str,
    zh: &'static str,
    en: &'static str,
    area: u32,
    bed: &'static str,
    adults: u32,
    price: u32,
    per_floor: u32,
}

const TYPES: [DemoType; 3] = [
    DemoType {
        code: "STD",
        zh: "标准间",
        en: "Standard Twin",
        area: 25,
        bed: "twin",
        adults: 2,
        price: 299,
        per_floor: 5,
    },
    DemoType {
        code: "DLX",
        zh: "豪华大床房",
        en: "Deluxe King",
        area: 32,
        bed: "king",
        adults: 2,
        price: 399,
        per_floor: 2,
    },
    DemoType {
        code: "STE",
        zh: "套房",
        en: "Suite",
        area: 55,
        bed: "king",
        adults: 3,
        price: 699,
        per_floor: 1,
    },
];

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
    let actor = auth::actor_for(db, &admin).await?;
    contacts(db, now, &actor).await?;
    for (username, display, role_code) in &STAFF[1..] {
        let Some(role) = roles::by_code(db, actor.property_id, role_code).await? else {
            continue;
        };
        let input = NewUser {
            username: (*username).into(),
            display_name: (*display).into(),
            password: password(username),
            role_id: role.id,
        };
        users::create(db, now, &actor, input).await?;
    }
    let mut plans = Vec::new();
    let mut first = 1;
    for DemoType {
        code,
        zh,
        en,
        area,
        bed,
        adults,
        price,
        per_floor,
    } in TYPES
    {
        let t = rooms::save_type(
            db,
            now,
            &actor,
            RoomTypeInput {
                id: None,
                code: code.into(),
                name_zh: zh.into(),
                name_en: en.into(),
                area_m2: area,
                bed_type: bed.into(),
                max_adults: adults,
                max_children: 1,
                facilities: vec!["wifi".into(), "air_conditioning".into()],
                overbook_rooms: u32::from(code == "STD"),
                overbook_percent: 0,
                active: true,
            },
        )
        .await?;
        let type_id = t.id.unwrap_or_default();
        for floor in 2..=4_u32 {
            let from = floor * 100 + first;
            let bulk = BulkRooms {
                from,
                to: from + per_floor - 1,
                floor: i32::try_from(floor).unwrap_or(2),
                room_type_id: type_id,
                features: vec![],
            };
            rooms::create_rooms(db, now, &actor, bulk).await?;
        }
        first += per_floor;
        let weekend = RateRuleInput {
            from: None,
            to: None,
            weekdays: 0b0011_0000,
            price: Some((price + 60).to_string()),
            closed_to_arrival: false,
            closed_to_departure: false,
        };
        let plan = rates::save(
            db,
            now,
            &actor,
            RatePlanInput {
                id: None,
                room_type_id: type_id,
                code: "BAR".into(),
                name_zh: "门市价".into(),
                name_en: "Best available rate".into(),
                kind: "standard".into(),
                base_price: price.to_string(),
                tax_inclusive: true,
                tax_percent: "6".into(),
                min_stay: 1,
                max_stay: Some(30),
                cancel_free_hours: 24,
                cancel_fee: "first_night".into(),
                cancel_fee_percent: "0".into(),
                no_show_fee: "first_night".into(),
                no_show_fee_percent: "0".into(),
                rules: vec![weekend],
                active: true,
            },
        )
        .await?;
        plans.push((type_id, plan.id.unwrap_or_default()));
    }
    if let (Some(standard), Some(deluxe)) = (plans.first(), plans.get(1)) {
        audit::closed_day(db, now, &actor, *standard, *deluxe).await?;
    }
    seed_reservations(db, now, &actor, &plans).await?;
    seed_housekeeping(db, now, &actor).await
}

/// A morning's room status: some rooms still dirty, some inspected, one out of order and one
/// out of service, so the housekeeping board shows every colour.
async fn seed_housekeeping(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<()> {
    use crate::housekeeping::{self, BlockInput, BlockKind, HousekeepingStatus};
    let today = property::get(db, actor.property_id).await?.business_date;
    let ids: Vec<i32> = rooms::list_rooms(db, actor)
        .await?
        .into_iter()
        .filter_map(|r| r.id)
        .collect();
    let pick = |from: usize, step: usize| -> Vec<i32> {
        ids.iter().skip(from).step_by(step).copied().collect()
    };
    housekeeping::set_status(db, now, actor, &pick(1, 5), HousekeepingStatus::Dirty).await?;
    housekeeping::set_status(db, now, actor, &pick(3, 7), HousekeepingStatus::Inspected).await?;
    let blocks = [
        (BlockKind::OutOfOrder, 3, "空调维修 AC repair"),
        (
            BlockKind::OutOfService,
            1,
            "电视遥控器缺失 TV remote missing",
        ),
    ];
    for ((kind, nights, reason), room_id) in blocks.into_iter().zip(ids.iter().rev()) {
        housekeeping::block_room(
            db,
            now,
            actor,
            BlockInput {
                room_id: *room_id,
                kind,
                from: today,
                to: today + Duration::days(nights),
                reason: reason.into(),
            },
        )
        .await?;
    }
    Ok(())
}

/// The demo hotel's address and telephone, as its documents print them.
async fn contacts(db: &DatabaseConnection, now: DateTime<Utc>, actor: &Actor) -> Result<()> {
    let p = property::get(db, actor.property_id).await?;
    let input = PropertyInput {
        address: "上海市黄浦区南京东路 100 号 · 100 East Nanjing Road, Huangpu, Shanghai 200001"
            .into(),
        phone: "+86 21 6320 1234".into(),
        email: "stay@yueju-hotel.example".into(),
        folio_credit_limit: money::from_minor(p.folio_credit_limit_minor, property::digits(&p))
            .to_string(),
        currency_digits: u8::try_from(p.currency_digits).unwrap_or(2),
        name: p.name,
        taxpayer_id: p.taxpayer_id,
        currency: p.currency,
        time_zone: p.time_zone,
        check_in_time: p.check_in_time,
        check_out_time: p.check_out_time,
    };
    property::update(db, now, actor, input).await?;
    Ok(())
}

async fn seed_reservations(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    plans: &[(i32, i32)],
) -> Result<()> {
    let today = property::get(db, actor.property_id).await?.business_date;
    let guests = [
        ("张伟", "13800138001"),
        ("王芳", "13900139002"),
        ("李娜", "13700137003"),
        ("刘洋", "13600136004"),
        ("Emma Schmidt", "+49 30 1234567"),
        ("陈静", "13500135005"),
        ("John Carter", "+1 415 555 0101"),
        ("杨磊", "13300133006"),
    ];
    for (i, (name, phone)) in guests.iter().enumerate() {
        let (type_id, plan_id) = plans[i % plans.len()];
        let (arrival, departure, in_house) = match i % 3 {
            0 => (today, today + Duration::days(2), false),
            1 => (today - Duration::days(2), today, true),
            _ => (today - Duration::days(1), today + Duration::days(1), true),
        };
        let booking = BookingInput {
            guest_id: None,
            new_guest: Some(NewGuest {
                name: (*name).into(),
                phone: (*phone).into(),
                email: String::new(),
                ..Default::default()
            }),
            arrival,
            departure,
            rooms: vec![RoomRequest {
                room_type_id: type_id,
                rate_plan_id: plan_id,
                adults: 1,
                children: 0,
                room_id: None,
            }],
            source: ["phone", "website", "ota", "walk_in"][i % 4].into(),
            source_detail: if i % 4 == 2 {
                "Ctrip 携程".into()
            } else {
                String::new()
            },
            special_requests: String::new(),
            notes: String::new(),
            promotion_code: None,
            tentative: false,
            confirm_overbooking: false,
            guarantee: if i % 3 == 0 { "card" } else { "none" }.into(),
            deposit_due: "0".into(),
        };
        let made = reservations::create(db, now, actor, booking).await?;
        if in_house {
            // Check-in arrives with the stay issue; until then the demo marks these guests in house.
            for v in made {
                if let Some(r) = reservation::Entity::find_by_id(v.id).one(db).await? {
                    let mut m: reservation::ActiveModel = r.into();
                    m.state = Set(state::CHECKED_IN.into());
                    m.update(db).await?;
                }
            }
        }
    }
    Ok(())
}
