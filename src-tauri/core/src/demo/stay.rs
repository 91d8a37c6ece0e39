//! The demo hotel's checked-out stay: three nights in a deluxe room with breakfast, minibar and
//! laundry, paid by WeChat Pay, and its invoice to a company. Charge codes and postings are
//! written as rows here because the demo must show a settled folio on the first start.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use crate::auth::Actor;
use crate::entity::{charge_code, folio, guest, posting, reservation, room, stay, stay_guest};
use crate::error::{Error, Result};
use crate::guests::NewGuest;
use crate::invoices::{self, Buyer, folio_state};
use crate::reservations::{self, BookingInput, RoomRequest, state};
use crate::{property, series};

/// Charge codes the demo posts to: code, Chinese, English, department, tax rate (basis points).
const CODES: [(&str, &str, &str, &str, i32); 4] = [
    ("ROOM", "房费", "Room", "rooms", 600),
    ("BRK", "早餐", "Breakfast", "food_beverage", 600),
    ("MINI", "迷你吧", "Minibar", "food_beverage", 1300),
    ("LAUN", "洗衣", "Laundry", "other", 600),
];

async fn code_id(db: &DatabaseConnection, property_id: i32, code: usize) -> Result<(i32, i32)> {
    let (c, zh, en, dept, bp) = CODES[code];
    let found = charge_code::Entity::find()
        .filter(charge_code::Column::PropertyId.eq(property_id))
        .filter(charge_code::Column::Code.eq(c))
        .one(db)
        .await?;
    let row = match found {
        Some(r) => r,
        None => {
            charge_code::ActiveModel {
                property_id: Set(property_id),
                code: Set(c.into()),
                name_zh: Set(zh.into()),
                name_en: Set(en.into()),
                department: Set(dept.into()),
                tax_rate_bp: Set(bp),
                active: Set(true),
                ..Default::default()
            }
            .insert(db)
            .await?
        }
    };
    Ok((row.id, row.tax_rate_bp))
}

/// The tax included in a gross amount at `bp` basis points, rounded half up to the minor unit.
fn included_tax(gross: i64, bp: i32) -> i64 {
    let bp = i64::from(bp);
    (gross * bp * 2 + (10_000 + bp)) / ((10_000 + bp) * 2)
}

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
        g.id_type = Set("resident_id".into());
        g.id_number = Set("11010519491231002X".into());
        g.nationality = Set("CN".into());
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
    let f = folio::ActiveModel {
        property_id: Set(actor.property_id),
        reservation_id: Set(view.id),
        number: Set(series::next(db, actor.property_id, ("folio", "F", 6)).await?),
        label: Set("宾客 Guest".into()),
        payer_name: Set(String::new()),
        company_account: Set(false),
        credit_limit_minor: Set(None),
        state: Set(folio_state::OPEN.into()),
        opened_at: Set(now - Duration::days(3)),
        closed_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let nights = view.departure - view.arrival;
    let per_night = total / nights.num_days().max(1);
    let mut charges: Vec<(usize, i64, Option<chrono::NaiveDate>, &str)> = Vec::new();
    for i in 0..nights.num_days() {
        let night = arrival + Duration::days(i);
        let amount = if i == nights.num_days() - 1 {
            total - per_night * (nights.num_days() - 1)
        } else {
            per_night
        };
        charges.push((0, amount, Some(night), "房费 Room night"));
        charges.push((1, 6800, Some(night), "自助早餐 ×2 Buffet breakfast ×2"));
    }
    charges.push((2, 4500, None, "啤酒、矿泉水 Beer, mineral water"));
    charges.push((3, 6000, None, "衬衫 ×3 Shirts ×3"));
    let mut balance = 0;
    for (code, amount, night, text) in charges {
        let (id, bp) = code_id(db, actor.property_id, code).await?;
        post(
            db,
            now,
            actor,
            f.id,
            Some(id),
            "charge",
            "",
            amount,
            included_tax(amount, bp),
            night,
            text,
        )
        .await?;
        balance += amount;
    }
    post(
        db,
        now,
        actor,
        f.id,
        None,
        "payment",
        "wechat",
        -balance,
        0,
        None,
        "微信支付 WeChat Pay",
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

#[allow(clippy::too_many_arguments)]
async fn post(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    folio_id: i32,
    charge_code_id: Option<i32>,
    kind: &str,
    method: &str,
    amount_minor: i64,
    tax_minor: i64,
    night: Option<chrono::NaiveDate>,
    description: &str,
) -> Result<()> {
    let today = property::get(db, actor.property_id).await?.business_date;
    posting::ActiveModel {
        property_id: Set(actor.property_id),
        folio_id: Set(folio_id),
        kind: Set(kind.into()),
        charge_code_id: Set(charge_code_id),
        payment_method: Set(method.into()),
        amount_minor: Set(amount_minor),
        tax_minor: Set(tax_minor),
        business_date: Set(today),
        night: Set(night),
        posted_at: Set(now),
        user_id: Set(actor.user_id),
        description: Set(description.into()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::included_tax;

    #[test]
    fn tax_included_in_a_gross_amount() {
        // 399.00 at 6 % includes 22.58; 45.00 at 13 % includes 5.18.
        assert_eq!(included_tax(39900, 600), 2258);
        assert_eq!(included_tax(4500, 1300), 518);
        assert_eq!(included_tax(0, 600), 0);
    }
}
