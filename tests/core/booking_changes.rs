//! After a booking is made: modify it with a re-quote, confirm tentative ones in a batch, walk a
//! guest to a partner hotel, and promotion codes as managed by the hotel.

use chrono::NaiveDate;
use innkeep_core::availability;
use innkeep_core::promotions::{self, PromotionInput};
use innkeep_core::reservations::{self, ReservationFilter, StayChange, WalkInput};
use innkeep_tests::{booking, fresh_db, hotel, rooms_and_rates, staff, t0};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

fn as_is(v: &reservations::ReservationView, rate_plan_id: i32) -> StayChange {
    StayChange {
        arrival: v.arrival,
        departure: v.departure,
        room_type_id: v.room_type_id,
        rate_plan_id,
        adults: v.adults as u32,
        children: v.children as u32,
        guest_id: v.guest_id,
        special_requests: String::new(),
        notes: String::new(),
    }
}

#[tokio::test]
async fn changing_the_room_type_reprices_the_stay_and_releases_the_old_room() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, dlx, dlx_bar) = rooms_and_rates(&t.db, &admin).await;
    let v = reservations::create(&t.db.conn, t0(), &admin, booking(std, bar, day(1), 2))
        .await
        .unwrap()
        .remove(0);
    let all = innkeep_core::rooms::list_rooms(&t.db.conn, &admin)
        .await
        .unwrap();
    let r101 = all.iter().find(|r| r.number == "101").unwrap().id;
    reservations::assign_room(&t.db.conn, t0(), &admin, v.id, r101, false)
        .await
        .unwrap();
    let mut c = as_is(&v, dlx_bar);
    c.room_type_id = dlx;
    c.children = 1;
    let q = reservations::quote_change(&t.db.conn, &admin, v.id, &c)
        .await
        .unwrap();
    assert_eq!(
        (q.before.total.to_string(), q.after.total.to_string()),
        ("598.00".into(), "998.00".into())
    );
    assert!(q.releases_room);
    let changed = reservations::change(&t.db.conn, t0(), &admin, v.id, &c, false)
        .await
        .unwrap();
    assert_eq!(changed.room_type_id, dlx);
    assert_eq!(changed.room_id, None);
    assert_eq!(changed.total.to_string(), "998.00");
    assert_eq!(changed.children, 1);
    let a = availability::for_range(&t.db.conn, admin.property_id, day(1), day(2))
        .await
        .unwrap();
    let sold = |type_id| a.iter().find(|n| n.room_type_id == type_id).unwrap().sold;
    assert_eq!((sold(std), sold(dlx)), (0, 1));

    // More guests than the type holds, or a plan of another type, are refused; nothing changes.
    let mut too_many = as_is(&changed, dlx_bar);
    too_many.adults = 3;
    let e = reservations::change(&t.db.conn, t0(), &admin, v.id, &too_many, false)
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(e.key, "errors.reservation.too_many_guests");
    let mut wrong_plan = as_is(&changed, bar);
    wrong_plan.room_type_id = dlx;
    let e = reservations::change(&t.db.conn, t0(), &admin, v.id, &wrong_plan, false)
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(e.params["field"], "ratePlanId");
}

#[tokio::test]
async fn a_dates_change_keeps_the_price_of_kept_nights() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, _, _) = rooms_and_rates(&t.db, &admin).await;
    let v = reservations::create(&t.db.conn, t0(), &admin, booking(std, bar, day(1), 2))
        .await
        .unwrap()
        .remove(0);
    // The rate goes up afterwards; the booked nights keep 299, the added night costs 399.
    let mut plans = innkeep_core::rates::list(&t.db.conn, &admin).await.unwrap();
    let mut plan = plans.remove(plans.iter().position(|p| p.id == Some(bar)).unwrap());
    plan.base_price = "399".into();
    innkeep_core::rates::save(&t.db.conn, t0(), &admin, plan)
        .await
        .unwrap();
    let mut c = as_is(&v, bar);
    c.departure = day(4);
    let q = reservations::quote_change(&t.db.conn, &admin, v.id, &c)
        .await
        .unwrap();
    let prices: Vec<String> = q
        .after
        .nights
        .iter()
        .map(|n| n.amount.to_string())
        .collect();
    assert_eq!(prices, ["299.00", "299.00", "399.00"]);
    let changed = reservations::change(&t.db.conn, t0(), &admin, v.id, &c, false)
        .await
        .unwrap();
    assert_eq!(changed.total.to_string(), "997.00");
}

#[tokio::test]
async fn a_batch_confirms_what_it_can_and_says_why_not_for_the_rest() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (_, _, dlx, dlx_bar) = rooms_and_rates(&t.db, &admin).await;
    let mut ids = Vec::new();
    for _ in 0..3 {
        let mut input = booking(dlx, dlx_bar, day(10), 2);
        input.tentative = true;
        ids.push(
            reservations::create(&t.db.conn, t0(), &admin, input)
                .await
                .unwrap()[0]
                .id,
        );
    }
    // Tentative bookings hold nothing: both deluxe rooms are still free.
    let a = availability::for_range(&t.db.conn, admin.property_id, day(10), day(11))
        .await
        .unwrap();
    assert_eq!(
        a.iter().find(|n| n.room_type_id == dlx).unwrap().available,
        2
    );
    let r = reservations::confirm_many(&t.db.conn, t0(), &admin, &ids)
        .await
        .unwrap();
    assert_eq!(r.done.len(), 2);
    assert!(
        r.done
            .iter()
            .all(|v| v.state == "confirmed" && v.total.to_string() == "998.00")
    );
    assert_eq!(r.failed.len(), 1);
    assert_eq!(r.failed[0].id, ids[2]);
    assert_eq!(r.failed[0].error.key, "errors.reservation.sold_out");
    let still = reservations::list(&t.db.conn, &admin, &ReservationFilter::default())
        .await
        .unwrap();
    assert_eq!(
        still.iter().find(|v| v.id == ids[2]).unwrap().state,
        "tentative"
    );
}

#[tokio::test]
async fn a_walk_releases_the_room_records_the_partner_and_is_counted() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (_, _, dlx, dlx_bar) = rooms_and_rates(&t.db, &admin).await;
    let v = reservations::create(&t.db.conn, t0(), &admin, booking(dlx, dlx_bar, day(1), 2))
        .await
        .unwrap()
        .remove(0);
    let bad = WalkInput {
        partner_hotel: "  ".into(),
        cost: "350".into(),
        reason: "overbooked".into(),
    };
    let e = reservations::walk(&t.db.conn, t0(), &admin, v.id, &bad)
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(e.params["field"], "partnerHotel");
    let negative = WalkInput {
        partner_hotel: "如家酒店 Home Inn".into(),
        cost: "-1".into(),
        reason: "overbooked".into(),
    };
    let e = reservations::walk(&t.db.conn, t0(), &admin, v.id, &negative)
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(e.params["field"], "cost");
    let good = WalkInput {
        cost: "350.00".into(),
        ..negative
    };
    let walked = reservations::walk(&t.db.conn, t0(), &admin, v.id, &good)
        .await
        .unwrap();
    assert_eq!(walked.state, "walked");
    let a = availability::for_range(&t.db.conn, admin.property_id, day(1), day(2))
        .await
        .unwrap();
    assert_eq!(
        a.iter().find(|n| n.room_type_id == dlx).unwrap().available,
        2
    );
    let business = innkeep_core::property::get(&t.db.conn, admin.property_id)
        .await
        .unwrap()
        .business_date;
    let count =
        reservations::walks_between(&t.db.conn, &admin, business, business.succ_opt().unwrap())
            .await
            .unwrap();
    assert_eq!(count, 1);
    // A walked reservation cannot be walked or cancelled again.
    let e = reservations::walk(&t.db.conn, t0(), &admin, v.id, &good)
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(e.key, "errors.reservation.wrong_state");
}

fn promo(code: &str, kind: &str, value: &str) -> PromotionInput {
    PromotionInput {
        id: None,
        code: code.into(),
        kind: kind.into(),
        value: value.into(),
        valid_from: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        valid_to: day(31),
        usage_limit: Some(1),
        used_count: 0,
    }
}

#[tokio::test]
async fn promotions_are_validated_applied_and_used_up() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, _, _) = rooms_and_rates(&t.db, &admin).await;
    for (input, field) in [
        (promo("X", "percent", "10"), "code"),
        (promo("WINTER", "percent", "0"), "value"),
        (promo("WINTER", "percent", "120"), "value"),
        (promo("WINTER", "amount", "-5"), "value"),
        (promo("WINTER", "bogus", "5"), "kind"),
        (
            PromotionInput {
                valid_to: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
                ..promo("WINTER", "percent", "10")
            },
            "validTo",
        ),
    ] {
        let e = promotions::save(&t.db.conn, t0(), &admin, &input)
            .await
            .unwrap_err()
            .to_api();
        assert_eq!(e.params["field"], field, "{input:?}");
    }
    let saved = promotions::save(&t.db.conn, t0(), &admin, &promo("winter", "percent", "10"))
        .await
        .unwrap();
    assert_eq!(
        (saved.code.as_str(), saved.value.as_str()),
        ("WINTER", "10")
    );
    let e = promotions::save(&t.db.conn, t0(), &admin, &promo("WINTER", "amount", "20"))
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(e.key, "errors.validation.duplicate");

    let mut input = booking(std, bar, day(1), 2);
    input.promotion_code = Some("winter".into());
    let made = reservations::create(&t.db.conn, t0(), &admin, input.clone())
        .await
        .unwrap();
    assert_eq!(made[0].total.to_string(), "538.20");
    let listed = promotions::list(&t.db.conn, &admin).await.unwrap();
    assert_eq!(listed[0].used_count, 1);
    // The only use is taken: the next booking is told the code is used up.
    let e = reservations::create(&t.db.conn, t0(), &admin, input)
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(e.key, "errors.pricing.promotion_used_up");

    // Front-desk staff may not manage promotions.
    let desk = staff(&t.db, &admin, "desk", "front_desk").await;
    assert!(promotions::list(&t.db.conn, &desk).await.is_err());
}
