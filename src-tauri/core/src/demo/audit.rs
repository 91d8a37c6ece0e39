//! The demo hotel's closed day: the hotel opens the day before its installation date, the
//! checked-out stay leaves on that day, a guest is in house, a mistyped minibar charge is
//! voided by the manager, a card-guaranteed guest does not come — and the night audit closes
//! the day, so the audit report has a date to print and the business date is the install date.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};

use super::stay::{self, charge};
use crate::auth::{self, Actor};
use crate::clock::ManualClock;
use crate::entity::{property as property_row, reservation, room};
use crate::error::{Error, Result};
use crate::folios::{self, PaymentInput};
use crate::guests::NewGuest;
use crate::identity::{IdDocumentInput, IdDocumentKind};
use crate::night_audit::{self, RunInput};
use crate::property;
use crate::reservations::{self, BookingInput, RoomRequest};
use crate::stays::{self, CheckInInput, StayGuestInput};

fn booking(
    name: &str,
    phone: &str,
    (type_id, plan_id): (i32, i32),
    arrival: NaiveDate,
    nights: i64,
    guarantee: &str,
) -> BookingInput {
    BookingInput {
        guest_id: None,
        new_guest: Some(NewGuest {
            name: name.into(),
            phone: phone.into(),
            email: String::new(),
            ..Default::default()
        }),
        arrival,
        departure: arrival + Duration::days(nights),
        rooms: vec![RoomRequest {
            room_type_id: type_id,
            rate_plan_id: plan_id,
            adults: 1,
            children: 0,
            room_id: None,
        }],
        source: "phone".into(),
        source_detail: String::new(),
        special_requests: String::new(),
        notes: String::new(),
        promotion_code: None,
        tentative: false,
        confirm_overbooking: false,
        guarantee: guarantee.into(),
        deposit_due: "0".into(),
    }
}

/// Checks reservation `id` in to the first room of its type, as the desk does: the guest shows
/// a resident ID and the key card is recorded.
async fn in_house(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    (id, type_id): (i32, i32),
    (name, phone): (&str, &str),
) -> Result<()> {
    let room_row = room::Entity::find()
        .filter(room::Column::RoomTypeId.eq(type_id))
        .order_by_asc(room::Column::Number)
        .one(db)
        .await?
        .ok_or(Error::NotFound { entity: "room" })?;
    let guest_id = reservation::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(Error::NotFound {
            entity: "reservation",
        })?
        .guest_id;
    stays::check_in(
        db,
        now,
        actor,
        CheckInInput {
            reservation_id: id,
            room_id: Some(room_row.id),
            allow_dirty: true,
            allow_upgrade: false,
            key_card: "K-0305".into(),
            guests: vec![StayGuestInput {
                guest_id: Some(guest_id),
                guest: NewGuest {
                    name: name.into(),
                    phone: phone.into(),
                    email: String::new(),
                    id_document: Some(IdDocumentInput {
                        kind: IdDocumentKind::ChinaResidentId,
                        number: "310104198805123420".into(),
                    }),
                    nationality: String::new(),
                },
            }],
            deposit: None,
        },
    )
    .await?;
    Ok(())
}

/// Opens the hotel a day early, fills that day and closes it with the night audit.
/// `standard` and `deluxe` are (room type, rate plan) of those rooms.
pub(super) async fn closed_day(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    admin: &Actor,
    standard: (i32, i32),
    deluxe: (i32, i32),
) -> Result<()> {
    let today = property::get(db, admin.property_id).await?.business_date;
    let yesterday = today - Duration::days(1);
    let p = property_row::Entity::find_by_id(admin.property_id)
        .one(db)
        .await?
        .ok_or(Error::NotFound { entity: "property" })?;
    let mut m: property_row::ActiveModel = p.into();
    m.business_date = Set(yesterday);
    m.update(db).await?;

    stay::checked_out_stay(db, now, admin, deluxe).await?;
    let guest = ("孙丽 Sun Li", "13711112233");
    let made = reservations::create(
        db,
        now,
        admin,
        booking(guest.0, guest.1, standard, yesterday, 2, "card"),
    )
    .await?;
    let id = made
        .first()
        .map(|r| r.id)
        .ok_or(Error::Internal("no demo guest".into()))?;
    in_house(db, now, admin, (id, standard.0), guest).await?;
    let f = folios::ensure_folio(db, now, admin, id).await?;
    charge(
        db,
        now,
        admin,
        f.id,
        ("BREAKFAST", "68.00", 1),
        "自助早餐 Buffet breakfast",
        Some(yesterday),
    )
    .await?;
    charge(
        db,
        now,
        admin,
        f.id,
        ("MINIBAR", "150.00", 1),
        "误录 Typed in error",
        None,
    )
    .await?;
    let wrong = folios::folio_view(db, admin, f.id)
        .await?
        .postings
        .into_iter()
        .find(|p| p.charge_code.as_deref() == Some("MINIBAR"))
        .ok_or(Error::Internal("no demo minibar charge".into()))?;
    let manager = match auth::find_user(db, admin.property_id, "manager").await? {
        Some(u) => auth::actor_for(db, &u).await?,
        None => admin.clone(),
    };
    folios::void_posting(db, now, &manager, wrong.id, "误录金额 Wrong amount").await?;
    folios::post_payment(
        db,
        now,
        admin,
        f.id,
        PaymentInput {
            method: "cash".into(),
            amount: "300.00".into(),
            ..Default::default()
        },
    )
    .await?;
    reservations::create(
        db,
        now,
        admin,
        booking("高明 Gao Ming", "13622223344", deluxe, yesterday, 1, "card"),
    )
    .await?;
    let clock = ManualClock::new(now);
    let input = RunInput {
        business_date: yesterday,
        acknowledged: true,
    };
    night_audit::run(db, &clock, &manager, input, |_| {}).await?;
    Ok(())
}
