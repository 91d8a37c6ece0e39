//! The night audit: pre-checks to acknowledge, room nights posted with tax, no-shows charged,
//! the business date rolled and the closed date locked, one run per date, manager only.

use std::sync::Mutex;

use chrono::{Duration, NaiveDate};
use innkeep_core::auth::Actor;
use innkeep_core::clock::ManualClock;
use innkeep_core::db::Db;
use innkeep_core::entity::{posting, property, reservation, room, stay};
use innkeep_core::night_audit::{self, AuditProgress, AuditStep, RunInput};
use innkeep_core::{folios, reservations};
use innkeep_tests::{booking, fresh_db, hotel, rooms_and_rates, staff, t0};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

pub(crate) fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

/// Checks a reservation of today in to room `number`.
pub(crate) async fn check_in_fixture(db: &Db, admin: &Actor, reservation_id: i32, number: &str) {
    let r = room::Entity::find()
        .filter(room::Column::Number.eq(number))
        .one(&db.conn)
        .await
        .unwrap()
        .unwrap();
    innkeep_tests::check_in(db, admin, reservation_id, Some(r.id)).await;
}

/// The hotel on 2026-11-23 with `in_house` guests in STD rooms 101… (two nights from today),
/// one card-guaranteed arrival of today who has not come (returned), and one arrival tomorrow.
pub(crate) async fn scene(db: &Db, in_house: usize) -> (Actor, i32) {
    let admin = hotel(db).await;
    let (std, bar, dlx, dlx_bar) = rooms_and_rates(db, &admin).await;
    for i in 0..in_house {
        let made = reservations::create(&db.conn, t0(), &admin, booking(std, bar, day(23), 2))
            .await
            .unwrap();
        check_in_fixture(db, &admin, made[0].id, &format!("{}", 101 + i)).await;
    }
    let mut guaranteed = booking(dlx, dlx_bar, day(23), 2);
    guaranteed.guarantee = "card".into();
    let absent = reservations::create(&db.conn, t0(), &admin, guaranteed)
        .await
        .unwrap();
    reservations::create(&db.conn, t0(), &admin, booking(std, bar, day(24), 1))
        .await
        .unwrap();
    (admin, absent[0].id)
}

pub(crate) fn input(date: NaiveDate, acknowledged: bool) -> RunInput {
    RunInput {
        business_date: date,
        acknowledged,
    }
}

pub(crate) async fn business_date(db: &Db) -> NaiveDate {
    property::Entity::find()
        .one(&db.conn)
        .await
        .unwrap()
        .unwrap()
        .business_date
}

pub(crate) async fn postings_on(db: &Db, date: NaiveDate) -> Vec<posting::Model> {
    posting::Entity::find()
        .filter(posting::Column::BusinessDate.eq(date))
        .all(&db.conn)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_audit_posts_room_nights_charges_no_shows_and_rolls_the_date() {
    let t = fresh_db().await;
    let (admin, absent) = scene(&t.db, 1).await;
    let clock = ManualClock::new(t0());
    let checks = night_audit::pre_checks(&t.db.conn, &admin).await.unwrap();
    assert_eq!(checks.business_date, day(23));
    assert_eq!(checks.arrivals.len(), 1, "the guest who has not come");
    assert_eq!(checks.arrivals[0].reservation_id, absent);
    assert_eq!(checks.arrivals[0].guest, "张伟");
    assert!(checks.departures.is_empty() && checks.zero_rates.is_empty());

    let e = night_audit::run(&t.db.conn, &clock, &admin, input(day(23), false), |_| {})
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(e.key, "errors.night_audit.not_acknowledged");
    assert_eq!(e.params["count"], "1");
    assert!(
        postings_on(&t.db, day(23)).await.is_empty(),
        "nothing half-done"
    );

    let seen = Mutex::new(Vec::<AuditProgress>::new());
    let done = night_audit::run(&t.db.conn, &clock, &admin, input(day(23), true), |p| {
        seen.lock().unwrap().push(p)
    })
    .await
    .unwrap();
    assert_eq!((done.closed_date, done.business_date), (day(23), day(24)));
    assert_eq!(business_date(&t.db).await, day(24));
    let steps: Vec<AuditStep> = seen.lock().unwrap().iter().map(|p| p.step).collect();
    assert!(steps.contains(&AuditStep::RoomCharges) && steps.contains(&AuditStep::NoShows));
    assert_eq!(steps.last(), Some(&AuditStep::Done));

    let posted = postings_on(&t.db, day(23)).await;
    let room_night = posted.iter().find(|p| p.night == Some(day(23))).unwrap();
    assert_eq!(
        (room_night.amount_minor, room_night.tax_minor),
        (29900, 1692)
    );
    let no_show = reservation::Entity::find_by_id(absent)
        .one(&t.db.conn)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(no_show.state, "no_show");
    let fee = folios::list_folios(&t.db.conn, &admin, absent)
        .await
        .unwrap();
    assert_eq!(
        fee[0].totals.charges.to_string(),
        "499.00",
        "first night of DLX"
    );
    let view = folios::folio_view(&t.db.conn, &admin, fee[0].id)
        .await
        .unwrap();
    assert_eq!(view.postings[0].charge_code.as_deref(), Some("NOSHOW"));

    let s = &done.summary;
    assert_eq!((s.rooms_occupied, s.rooms_available), (1, 7));
    assert_eq!(
        (s.room_revenue.as_str(), s.adr.as_str()),
        ("299.00", "299.00")
    );
    assert_eq!(s.revpar, "42.71");
    assert_eq!(s.occupancy, "14.3");
    assert_eq!(s.revenue_total, "798.00");
    assert_eq!(s.no_shows.len(), 1);
    let again = night_audit::closed_summary(&t.db.conn, &admin, day(23))
        .await
        .unwrap();
    assert_eq!(&again, s);
}

#[tokio::test]
async fn the_closed_date_is_locked_and_cannot_be_audited_again() {
    let t = fresh_db().await;
    let (admin, _) = scene(&t.db, 1).await;
    let clock = ManualClock::new(t0());
    night_audit::run(&t.db.conn, &clock, &admin, input(day(23), true), |_| {})
        .await
        .unwrap();
    let room_night = postings_on(&t.db, day(23))
        .await
        .into_iter()
        .find(|p| p.night == Some(day(23)))
        .unwrap();
    let e = folios::void_posting(&t.db.conn, t0(), &admin, room_night.id, "wrong rate")
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(e.key, "errors.folio.void_other_date");
    let mut back_dated: posting::ActiveModel = room_night.clone().into();
    back_dated.id = sea_orm::ActiveValue::NotSet;
    back_dated.voids_id = Set(None);
    let e = back_dated.insert(&t.db.conn).await.unwrap_err();
    assert_eq!(
        folios::posting_db_error(e).to_api().key,
        "errors.folio.date_locked"
    );
    let e = night_audit::run(&t.db.conn, &clock, &admin, input(day(23), true), |_| {})
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(e.key, "errors.night_audit.already_run");
    let e = night_audit::run(&t.db.conn, &clock, &admin, input(day(25), true), |_| {})
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(
        (e.key.as_str(), e.params["open"].as_str()),
        ("errors.night_audit.date_not_open", "2026-11-24")
    );
    assert_eq!(business_date(&t.db).await, day(24));
    let next = folios::list_folios(&t.db.conn, &admin, room_night_reservation(&t.db).await)
        .await
        .unwrap();
    assert_eq!(next.len(), 1);
    clock.advance(Duration::days(1));
    let tomorrow = night_audit::run(&t.db.conn, &clock, &admin, input(day(24), true), |_| {})
        .await
        .unwrap();
    assert_eq!(
        tomorrow.summary.room_charges, 1,
        "the second night of the stay"
    );
}

async fn room_night_reservation(db: &Db) -> i32 {
    stay::Entity::find()
        .one(&db.conn)
        .await
        .unwrap()
        .unwrap()
        .reservation_id
}

#[tokio::test]
async fn the_front_desk_may_not_run_the_audit() {
    let t = fresh_db().await;
    let (admin, _) = scene(&t.db, 1).await;
    let desk = staff(&t.db, &admin, "desk", "front_desk").await;
    let clock = ManualClock::new(t0());
    let e = night_audit::pre_checks(&t.db.conn, &desk)
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(e.key, "errors.auth.forbidden");
    let e = night_audit::run(&t.db.conn, &clock, &desk, input(day(23), true), |_| {})
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(
        (e.key.as_str(), e.params["permission"].as_str()),
        ("errors.auth.forbidden", "night_audit.run")
    );
    assert_eq!(business_date(&t.db).await, day(23));
    let manager = staff(&t.db, &admin, "boss", "manager").await;
    night_audit::pre_checks(&t.db.conn, &manager).await.unwrap();
}
