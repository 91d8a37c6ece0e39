//! Rooms, availability and reservations on a real database: the booking flow, overbooking,
//! cancellation fees and the guard against two stays in one room.

use chrono::{Duration, NaiveDate};
use innkeep_core::availability;
use innkeep_core::reservations::{self, ReservationFilter};
use innkeep_core::rooms::{self, RoomInput};
use innkeep_tests::{booking, fresh_db, hotel, rooms_and_rates, staff, t0};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

#[tokio::test]
async fn a_booking_is_priced_numbered_and_counted_as_sold() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, dlx, _) = rooms_and_rates(&t.db, &admin).await;
    let input = booking(std, bar, day(1), 3);
    let quotes = reservations::quote(&t.db.conn, &admin, &input)
        .await
        .unwrap();
    assert_eq!(quotes[0].total.to_string(), "897.00");
    assert_eq!(quotes[0].nights.len(), 3);
    let made = reservations::create(&t.db.conn, t0(), &admin, input)
        .await
        .unwrap();
    assert_eq!(made[0].booking_no, "B000001");
    assert_eq!(made[0].total.to_string(), "897.00");
    assert_eq!(made[0].guest_name, "张伟");
    let a = availability::for_range(&t.db.conn, admin.property_id, day(1), day(5))
        .await
        .unwrap();
    let std_nights: Vec<(i32, u32)> = a
        .iter()
        .filter(|n| n.room_type_id == std)
        .map(|n| (n.available, n.sold))
        .collect();
    assert_eq!(std_nights, [(4, 1), (4, 1), (4, 1), (5, 0)]);
    assert!(
        a.iter()
            .filter(|n| n.room_type_id == dlx)
            .all(|n| n.available == 2)
    );
    // Found by pinyin initials and by booking number.
    let by_initials = ReservationFilter {
        guest: Some("zw".into()),
        ..Default::default()
    };
    assert_eq!(
        reservations::list(&t.db.conn, &admin, &by_initials)
            .await
            .unwrap()
            .len(),
        1
    );
    // Departing on the 4th, the stay is still on that day's list (the guest checks out then).
    let departing = ReservationFilter {
        from: Some(day(4)),
        to: Some(day(5)),
        ..Default::default()
    };
    assert_eq!(
        reservations::list(&t.db.conn, &admin, &departing)
            .await
            .unwrap()
            .len(),
        1
    );
    let later = ReservationFilter {
        from: Some(day(5)),
        ..Default::default()
    };
    assert!(
        reservations::list(&t.db.conn, &admin, &later)
            .await
            .unwrap()
            .is_empty()
    );
    let by_number = ReservationFilter {
        guest: Some("B000001".into()),
        ..Default::default()
    };
    assert_eq!(
        reservations::list(&t.db.conn, &admin, &by_number)
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn bad_bookings_name_what_to_fix_and_save_nothing() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, _, _) = rooms_and_rates(&t.db, &admin).await;
    let mut backwards = booking(std, bar, day(5), 1);
    backwards.departure = day(4);
    let e = reservations::create(&t.db.conn, t0(), &admin, backwards)
        .await
        .unwrap_err();
    assert_eq!(e.to_api().key, "errors.pricing.departure_not_after_arrival");
    let too_long = booking(std, bar, day(1), 20);
    assert_eq!(
        reservations::create(&t.db.conn, t0(), &admin, too_long)
            .await
            .unwrap_err()
            .to_api()
            .key,
        "errors.pricing.stay_too_long"
    );
    let mut crowd = booking(std, bar, day(1), 1);
    crowd.rooms[0].adults = 5;
    assert_eq!(
        reservations::create(&t.db.conn, t0(), &admin, crowd)
            .await
            .unwrap_err()
            .to_api()
            .key,
        "errors.reservation.too_many_guests"
    );
    let mut no_phone = booking(std, bar, day(1), 1);
    no_phone.new_guest.as_mut().unwrap().phone = "call me".into();
    let e = reservations::create(&t.db.conn, t0(), &admin, no_phone)
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(
        (e.key.as_str(), e.params["field"].as_str()),
        ("errors.validation.invalid", "phone")
    );
    let mut promo = booking(std, bar, day(1), 1);
    promo.promotion_code = Some("NOPE".into());
    assert_eq!(
        reservations::create(&t.db.conn, t0(), &admin, promo)
            .await
            .unwrap_err()
            .to_api()
            .key,
        "errors.pricing.promotion_not_valid"
    );
    assert!(
        reservations::list(&t.db.conn, &admin, &ReservationFilter::default())
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_deposit_due_is_kept_with_the_booking_and_checked() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, _, _) = rooms_and_rates(&t.db, &admin).await;
    // Three nights at 299.00 cost 897.00: a deposit above that, below zero, with a third decimal
    // or an unknown guarantee is refused naming the field, and nothing is saved.
    for (guarantee, deposit, field) in [
        ("deposit", "897.01", "depositDue"),
        ("deposit", "-1", "depositDue"),
        ("deposit", "10.005", "depositDue"),
        ("deposit", "ten", "depositDue"),
        ("cash-in-a-drawer", "0", "guarantee"),
    ] {
        let mut input = booking(std, bar, day(1), 3);
        input.guarantee = guarantee.into();
        input.deposit_due = deposit.into();
        let e = reservations::create(&t.db.conn, t0(), &admin, input)
            .await
            .unwrap_err()
            .to_api();
        assert_eq!(e.params["field"], field, "{guarantee} {deposit}: {e:?}");
    }
    assert!(
        reservations::list(&t.db.conn, &admin, &ReservationFilter::default())
            .await
            .unwrap()
            .is_empty()
    );
    let mut input = booking(std, bar, day(1), 3);
    input.rooms.push(input.rooms[0].clone());
    input.guarantee = "deposit".into();
    input.deposit_due = "500".into();
    let made = reservations::create(&t.db.conn, t0(), &admin, input)
        .await
        .unwrap();
    // The booking's deposit is asked once, not once per room.
    let due: Vec<String> = made.iter().map(|r| r.deposit_due.to_string()).collect();
    assert_eq!(due, ["500.00", "0.00"]);
    assert!(made.iter().all(|r| r.guarantee == "deposit"));
}

#[tokio::test]
async fn a_type_without_overbooking_allowance_sells_out() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (_, _, dlx, bar) = rooms_and_rates(&t.db, &admin).await;
    for _ in 0..2 {
        reservations::create(&t.db.conn, t0(), &admin, booking(dlx, bar, day(10), 2))
            .await
            .unwrap();
    }
    // DLX has no overbooking allowance: sold out.
    let e = reservations::create(&t.db.conn, t0(), &admin, booking(dlx, bar, day(10), 1))
        .await
        .unwrap_err();
    assert_eq!(e.to_api().key, "errors.reservation.sold_out");
    assert_eq!(e.to_api().params["night"], "2026-12-10");
}

#[tokio::test]
async fn overbooking_within_the_limit_is_a_deliberate_act() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, _, _) = rooms_and_rates(&t.db, &admin).await;
    for _ in 0..5 {
        reservations::create(&t.db.conn, t0(), &admin, booking(std, bar, day(10), 1))
            .await
            .unwrap();
    }
    let desk = staff(&t.db, &admin, "li", "front_desk").await;
    let e = reservations::create(&t.db.conn, t0(), &desk, booking(std, bar, day(10), 1))
        .await
        .unwrap_err();
    assert_eq!(
        e.to_api().key,
        "errors.auth.forbidden",
        "front desk may not overbook"
    );
    let e = reservations::create(&t.db.conn, t0(), &admin, booking(std, bar, day(10), 1))
        .await
        .unwrap_err();
    assert_eq!(e.to_api().key, "errors.reservation.overbook_not_confirmed");
    let mut confirmed = booking(std, bar, day(10), 1);
    confirmed.confirm_overbooking = true;
    let made = reservations::create(&t.db.conn, t0(), &admin, confirmed.clone())
        .await
        .unwrap();
    assert!(made[0].overbooked);
    let e = reservations::create(&t.db.conn, t0(), &admin, confirmed)
        .await
        .unwrap_err();
    assert_eq!(e.to_api().key, "errors.reservation.overbook_limit");
    let a = availability::for_range(&t.db.conn, admin.property_id, day(10), day(11))
        .await
        .unwrap();
    let n = a.iter().find(|n| n.room_type_id == std).unwrap();
    assert_eq!((n.sold, n.available, n.sellable), (6, -1, 0));
}

#[tokio::test]
async fn one_room_cannot_hold_two_stays_on_one_night() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, _, _) = rooms_and_rates(&t.db, &admin).await;
    let room = rooms::list_rooms(&t.db.conn, &admin)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.number == "101")
        .unwrap();
    let mut first = booking(std, bar, day(1), 3);
    first.rooms[0].room_id = room.id;
    reservations::create(&t.db.conn, t0(), &admin, first)
        .await
        .unwrap();
    let mut second = booking(std, bar, day(3), 2);
    second.rooms[0].room_id = room.id;
    let e = reservations::create(&t.db.conn, t0(), &admin, second)
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(
        (
            e.key.as_str(),
            e.params["room"].as_str(),
            e.params["night"].as_str()
        ),
        ("errors.reservation.room_taken", "101", "2026-12-03")
    );
    // Nothing of the refused booking stayed behind.
    assert_eq!(
        reservations::list(&t.db.conn, &admin, &ReservationFilter::default())
            .await
            .unwrap()
            .len(),
        1
    );
    // And the room cannot be deactivated while it has a stay ahead.
    let deactivate = RoomInput {
        active: false,
        ..room
    };
    let e = rooms::save_room(&t.db.conn, t0(), &admin, deactivate)
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(
        (e.key.as_str(), e.params["bookings"].as_str()),
        ("errors.room.has_stays", "B000001")
    );
}

#[tokio::test]
async fn cancelling_inside_the_policy_window_costs_the_first_night() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, _, _) = rooms_and_rates(&t.db, &admin).await;
    // t0 is 2026-11-23 18:00 in Shanghai; check-in is 14:00.
    let late = reservations::create(
        &t.db.conn,
        t0(),
        &admin,
        booking(std, bar, NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(), 2),
    )
    .await
    .unwrap();
    let early = reservations::create(&t.db.conn, t0(), &admin, booking(std, bar, day(20), 2))
        .await
        .unwrap();
    let fee = reservations::cancellation_fee(&t.db.conn, t0(), &admin, late[0].id)
        .await
        .unwrap();
    assert_eq!(fee.to_string(), "299.00");
    assert_eq!(
        reservations::cancellation_fee(&t.db.conn, t0(), &admin, early[0].id)
            .await
            .unwrap()
            .to_string(),
        "0.00"
    );
    let v = reservations::cancel(
        &t.db.conn,
        t0() + Duration::minutes(1),
        &admin,
        late[0].id,
        "guest called",
    )
    .await
    .unwrap();
    assert_eq!(
        (v.state.as_str(), v.cancel_fee.map(|f| f.to_string())),
        ("cancelled", Some("299.00".into()))
    );
    let a = availability::for_range(
        &t.db.conn,
        admin.property_id,
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
        day(1),
    )
    .await
    .unwrap();
    assert!(
        a.iter()
            .filter(|n| n.room_type_id == std)
            .all(|n| n.sold == 0),
        "the nights are released"
    );
    let again = reservations::cancel(&t.db.conn, t0(), &admin, late[0].id, "twice")
        .await
        .unwrap_err();
    assert_eq!(again.to_api().key, "errors.reservation.wrong_state");
}

#[tokio::test]
async fn sixteen_terminals_racing_for_the_last_rooms_never_oversell() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (_, _, dlx, bar) = rooms_and_rates(&t.db, &admin).await;
    let mut tasks = Vec::new();
    for _ in 0..16 {
        let (conn, admin) = (t.db.conn.clone(), admin.clone());
        tasks.push(tokio::spawn(async move {
            reservations::create(&conn, t0(), &admin, booking(dlx, bar, day(15), 2)).await
        }));
    }
    let mut ok = 0;
    for task in tasks {
        match task.await.unwrap() {
            Ok(_) => ok += 1,
            Err(e) => assert_eq!(e.to_api().key, "errors.reservation.sold_out", "{e}"),
        }
    }
    assert_eq!(ok, 2, "exactly the two DLX rooms are sold");
    let a = availability::for_range(&t.db.conn, admin.property_id, day(15), day(17))
        .await
        .unwrap();
    assert!(
        a.iter()
            .filter(|n| n.room_type_id == dlx)
            .all(|n| n.sold == 2 && n.available == 0)
    );
    let listed = reservations::list(&t.db.conn, &admin, &ReservationFilter::default())
        .await
        .unwrap();
    assert_eq!(listed.len(), 2);
    let mut numbers: Vec<_> = listed.iter().map(|r| r.booking_no.clone()).collect();
    numbers.dedup();
    assert_eq!(numbers.len(), 2, "booking numbers are unique");
}

#[tokio::test]
async fn sixteen_terminals_racing_for_one_room_leave_one_stay() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, _, _) = rooms_and_rates(&t.db, &admin).await;
    let room = rooms::list_rooms(&t.db.conn, &admin)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.number == "103")
        .unwrap();
    let mut tasks = Vec::new();
    for i in 0..16 {
        let (conn, admin) = (t.db.conn.clone(), admin.clone());
        let mut b = booking(std, bar, day(1 + (i % 3)), 2);
        b.rooms[0].room_id = room.id;
        tasks.push(tokio::spawn(async move {
            reservations::create(&conn, t0(), &admin, b).await
        }));
    }
    let mut stays = Vec::new();
    for task in tasks {
        match task.await.unwrap() {
            Ok(v) => stays.push((v[0].arrival, v[0].departure)),
            Err(e) => assert_eq!(e.to_api().key, "errors.reservation.room_taken", "{e}"),
        }
    }
    stays.sort();
    assert!(!stays.is_empty());
    assert!(
        stays.windows(2).all(|w| w[0].1 <= w[1].0),
        "no two stays overlap in room 103: {stays:?}"
    );
}

#[tokio::test]
async fn changing_dates_reprices_only_the_added_nights() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, dlx, dlx_bar) = rooms_and_rates(&t.db, &admin).await;
    let made = reservations::create(&t.db.conn, t0(), &admin, booking(std, bar, day(1), 2))
        .await
        .unwrap();
    // The rate goes up after the booking; the nights already sold keep their price.
    let mut plan = innkeep_core::rates::list(&t.db.conn, &admin)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.id == Some(bar))
        .unwrap();
    plan.base_price = "350".into();
    innkeep_core::rates::save(&t.db.conn, t0(), &admin, plan)
        .await
        .unwrap();
    let longer =
        reservations::change_dates(&t.db.conn, t0(), &admin, made[0].id, day(1), day(4), false)
            .await
            .unwrap();
    assert_eq!(
        (longer.departure, longer.total.to_string()),
        (day(4), "948.00".to_string()),
        "299 + 299 + 350"
    );
    let shorter =
        reservations::change_dates(&t.db.conn, t0(), &admin, made[0].id, day(2), day(4), false)
            .await
            .unwrap();
    assert_eq!(shorter.total.to_string(), "649.00");
    let a = availability::for_range(&t.db.conn, admin.property_id, day(1), day(4))
        .await
        .unwrap();
    let sold: Vec<u32> = a
        .iter()
        .filter(|n| n.room_type_id == std)
        .map(|n| n.sold)
        .collect();
    assert_eq!(sold, [0, 1, 1]);
    // Moving a DLX stay onto sold-out nights is refused and changes nothing.
    for _ in 0..2 {
        reservations::create(&t.db.conn, t0(), &admin, booking(dlx, dlx_bar, day(10), 1))
            .await
            .unwrap();
    }
    let other = reservations::create(&t.db.conn, t0(), &admin, booking(dlx, dlx_bar, day(8), 1))
        .await
        .unwrap();
    let e = reservations::change_dates(
        &t.db.conn,
        t0(),
        &admin,
        other[0].id,
        day(9),
        day(11),
        false,
    )
    .await
    .unwrap_err();
    assert_eq!(e.to_api().key, "errors.reservation.sold_out");
    let kept = reservations::list(
        &t.db.conn,
        &admin,
        &ReservationFilter {
            guest: Some(other[0].booking_no.clone()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!((kept[0].arrival, kept[0].departure), (day(8), day(9)));
}
