//! The demo hotel's checked-out stay: three nights in a deluxe room with breakfast, minibar and
//! laundry posted through the folios module, paid by WeChat Pay, and its invoice to a company.
//! The stay rows are written here until check-in and check-out exist as use cases.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use crate::auth::Actor;
use crate::entity::{guest, reservation, room, stay, stay_guest};
use crate::error::{Error, Result};
use crate::folios::{self, ChargeInput, PaymentInput};
use crate::guests::NewGuest;
use crate::invoices::{self, Buyer};
use crate::money;
use crate::property;
use crate::reservations::{self, BookingInput, RoomRequest, state};

/// Books, checks out and invoices the demo stay (plan of the deluxe room type).
pub(super) async fn checked_out_stay(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    (type_id, plan_id): (i32, i32),
) -> Result<()> {
    let today = property::get(db, actor.property_id).await?.business_date;
    let made = reservations::create(
        db,
        now,
        actor,
        BookingInput {
            guest_id: None,
            new_guest: Some(NewGuest {
                name: "周杰 Zhou Jie".into(),
                phone: "13811112222".into(),
                email: "zhoujie@example.com".into(),
                ..Default::default()
            }),
            arrival: today - Duration::days(3),
            departure: today,
            rooms: vec![RoomRequest {
                room_type_id: type_id,
                rate_plan_id: plan_id,
                adults: 2,
                children: 0,
                room_id: None,
            }],
            source: "company".into(),
            source_detail: String::new(),
            special_requests: String::new(),
            notes: String::new(),
            promotion_code: None,
            tentative: false,
            confirm_overbooking: false,
            guarantee: "company".into(),
            deposit_due: "0".into(),
        },
    )
    .await?;
    let view = made.first().ok_or(Error::Internal("no demo stay".into()))?;
    let room_row = room::Entity::find()
        .filter(room::Column::RoomTypeId.eq(type_id))
        .one(db)
        .await?
        .ok_or(Error::NotFound { entity: "room" })?;
    reservations::assign_room(db, now, actor, view.id, Some(room_row.id), false).await?;
    let r = reservation::Entity::find_by_id(view.id)
        .one(db)
        .await?
        .ok_or(Error::NotFound {
            entity: "reservation",
        })?;
    let guest_id = r.guest_id;
    if let Some(g) = guest::Entity::find_by_id(guest_id).one(db).await? {
        let mut g: guest::ActiveModel = g.into();
        g.id_type = Set("china_resident_id".into());
        g.id_number = Set("11010519491231002X".into());
        g.nationality = Set("CHN".into());
        g.id_region = Set("110105".into());
        g.update(db).await?;
    }
    let (arrival, total) = (r.arrival, r.total_minor);
    let mut m: reservation::ActiveModel = r.into();
    m.state = Set(state::CHECKED_OUT.into());
    m.update(db).await?;
    let s = stay::ActiveModel {
        property_id: Set(actor.property_id),
        reservation_id: Set(view.id),
        room_id: Set(room_row.id),
        key_card: Set("K-0412".into()),
        checked_in_on: Set(arrival),
        checked_in_at: Set(now - Duration::days(3)),
        checked_in_by: Set(actor.user_id),
        checked_out_on: Set(Some(today)),
        checked_out_at: Set(Some(now)),
        checked_out_by: Set(actor.user_id),
        ..Default::default()
    }
    .insert(db)
    .await?;
    stay_guest::ActiveModel {
        stay_id: Set(s.id),
        guest_id: Set(guest_id),
        is_primary: Set(true),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let f = folios::ensure_folio(db, now, actor, view.id).await?;
    let digits = property::digits_of(db, actor.property_id).await?;
    let nights = (view.departure - view.arrival).num_days().max(1);
    let per_night = total / nights;
    for i in 0..nights {
        let amount = if i == nights - 1 {
            total - per_night * (nights - 1)
        } else {
            per_night
        };
        let night = arrival + Duration::days(i);
        folios::post_room_charge(
            db,
            now,
            actor,
            view.id,
            night,
            money::from_minor(amount, digits),
        )
        .await?;
        charge(
            db,
            now,
            actor,
            f.id,
            ("BREAKFAST", "68.00", 2),
            "自助早餐 Buffet breakfast",
            Some(night),
        )
        .await?;
    }
    charge(
        db,
        now,
        actor,
        f.id,
        ("MINIBAR", "15.00", 3),
        "啤酒、矿泉水 Beer, mineral water",
        None,
    )
    .await?;
    charge(
        db,
        now,
        actor,
        f.id,
        ("LAUNDRY", "20.00", 3),
        "衬衫 Shirts",
        None,
    )
    .await?;
    let balance = folios::folio_balance(db, f.id).await?.balance;
    folios::post_payment(
        db,
        now,
        actor,
        f.id,
        PaymentInput {
            method: "wechat_pay".into(),
            amount: balance.to_string(),
            reference: "4200001234202611230001".into(),
            ..Default::default()
        },
    )
    .await?;
    invoices::issue(
        db,
        now,
        actor,
        f.id,
        Buyer {
            name: "上海悦行商务咨询有限公司".into(),
            taxpayer_id: "91350100M000100Y43".into(),
        },
    )
    .await?;
    Ok(())
}

/// Posts `quantity` × `price` of `code` to folio `folio_id`.
pub(super) async fn charge(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    folio_id: i32,
    (code, price, quantity): (&str, &str, u32),
    description: &str,
    night: Option<chrono::NaiveDate>,
) -> Result<()> {
    folios::post_charge(
        db,
        now,
        actor,
        folio_id,
        ChargeInput {
            charge_code: code.into(),
            amount: price.into(),
            quantity,
            description: description.into(),
            night,
        },
    )
    .await?;
    Ok(())
}
