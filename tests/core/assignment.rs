//! Room assignment, moves, upgrades and auto-assignment; the tape chart's data.

use chrono::NaiveDate;
use innkeep_core::availability;
use innkeep_core::reservations;
use innkeep_core::rooms;
use innkeep_tests::{booking, fresh_db, hotel, rooms_and_rates, t0};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

#[tokio::test]
async fn assign_move_upgrade_and_unassign() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, dlx, _) = rooms_and_rates(&t.db, &admin).await;
    let all = rooms::list_rooms(&t.db.conn, &admin).await.unwrap();
    let id_of = |n: &str| all.iter().find(|r| r.number == n).and_then(|r| r.id);
    let a = reservations::create(&t.db.conn, t0(), &admin, booking(std, bar, day(1), 3))
        .await
        .unwrap()[0]
        .id;
    let b = reservations::create(&t.db.conn, t0(), &admin, booking(std, bar, day(2), 2))
        .await
        .unwrap()[0]
        .id;
    let v = reservations::assign_room(&t.db.conn, t0(), &admin, a, id_of("101"), false)
        .await
        .unwrap();
    assert_eq!(v.room_number.as_deref(), Some("101"));
    let e = reservations::assign_room(&t.db.conn, t0(), &admin, b, id_of("101"), false)
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(
        (
            e.key.as_str(),
            e.params["room"].as_str(),
            e.params["night"].as_str()
        ),
        ("errors.reservation.room_taken", "101", "2026-12-02")
    );
    reservations::assign_room(&t.db.conn, t0(), &admin, b, id_of("102"), false)
        .await
        .unwrap();
    // A move of A into 102 collides with B; A stays where it was.
    assert!(
        reservations::assign_room(&t.db.conn, t0(), &admin, a, id_of("102"), false)
            .await
            .is_err()
    );
    let chart = reservations::tape_chart(&t.db.conn, &admin, day(1), day(8))
        .await
        .unwrap();
    let bar_a = chart.bars.iter().find(|x| x.reservation_id == a).unwrap();
    assert_eq!(bar_a.room_id, id_of("101"));
    // Another type needs an explicit upgrade, which then uses that type's inventory.
    let e = reservations::assign_room(&t.db.conn, t0(), &admin, a, id_of("201"), false)
        .await
        .unwrap_err();
    assert_eq!(e.to_api().key, "errors.reservation.other_room_type");
    let up = reservations::assign_room(&t.db.conn, t0(), &admin, a, id_of("201"), true)
        .await
        .unwrap();
    assert_eq!(
        (up.room_type_id, up.room_number.as_deref()),
        (std, Some("201"))
    );
    let av = availability::for_range(&t.db.conn, admin.property_id, day(1), day(2))
        .await
        .unwrap();
    let sold = |ty| {
        av.iter()
            .find(|n| n.room_type_id == ty)
            .map(|n| n.sold)
            .unwrap()
    };
    assert_eq!((sold(std), sold(dlx)), (0, 1));
    let none = reservations::assign_room(&t.db.conn, t0(), &admin, a, None, false)
        .await
        .unwrap();
    assert_eq!(none.room_id, None);
}

#[tokio::test]
async fn auto_assign_houses_a_days_arrivals_in_free_rooms() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, _, _) = rooms_and_rates(&t.db, &admin).await;
    let all = rooms::list_rooms(&t.db.conn, &admin).await.unwrap();
    let early = reservations::create(&t.db.conn, t0(), &admin, booking(std, bar, day(3), 4))
        .await
        .unwrap()[0]
        .id;
    reservations::assign_room(&t.db.conn, t0(), &admin, early, all[0].id, false)
        .await
        .unwrap();
    for _ in 0..3 {
        reservations::create(&t.db.conn, t0(), &admin, booking(std, bar, day(5), 2))
            .await
            .unwrap();
    }
    let result = reservations::auto_assign(&t.db.conn, t0(), &admin, day(5))
        .await
        .unwrap();
    assert_eq!(result.assigned.len(), 3);
    assert!(result.unassigned.is_empty());
    assert!(
        result.assigned.iter().all(|a| !a.ends_with("→ 101")),
        "101 is taken until the 7th: {result:?}"
    );
    let chart = reservations::tape_chart(&t.db.conn, &admin, day(1), day(10))
        .await
        .unwrap();
    let mut rooms_used: Vec<_> = chart
        .bars
        .iter()
        .filter(|b| b.arrival == day(5))
        .map(|b| b.room_id)
        .collect();
    rooms_used.sort();
    rooms_used.dedup();
    assert_eq!(rooms_used.len(), 3);
    assert_eq!(chart.rooms.len(), 7);
}

#[tokio::test]
async fn auto_assign_follows_guest_preferences_and_the_house_strategy() {
    use innkeep_core::guests::{self, Preferences};
    use innkeep_core::reservations::AssignmentStrategy;
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, _, _) = rooms_and_rates(&t.db, &admin).await;
    // 101, 102 on floor 1; 103 and smoking 104 on floor 2; quiet 105 on floor 3.
    for mut r in rooms::list_rooms(&t.db.conn, &admin).await.unwrap() {
        let (floor, features): (i32, &[&str]) = match r.number.as_str() {
            "103" => (2, &[]),
            "104" => (2, &["smoking"]),
            "105" => (3, &["quiet"]),
            _ => continue,
        };
        r.floor = floor;
        r.features = features.iter().map(|f| f.to_string()).collect();
        rooms::save_room(&t.db.conn, t0(), &admin, r).await.unwrap();
    }
    let all = rooms::list_rooms(&t.db.conn, &admin).await.unwrap();
    let r101 = all.iter().find(|r| r.number == "101").unwrap().id;
    let (conn, admin) = (&t.db.conn, &admin);
    let arrivals = |d: u32| async move {
        let held = reservations::create(conn, t0(), admin, booking(std, bar, day(d), 1))
            .await
            .unwrap()[0]
            .id;
        reservations::assign_room(conn, t0(), admin, held, r101, false)
            .await
            .unwrap();
        let mut guests = Vec::new();
        for (nights, prefs) in [
            (3, Preferences::default()),
            (
                2,
                Preferences {
                    smoking: Some(true),
                    ..Default::default()
                },
            ),
            (
                2,
                Preferences {
                    quiet: true,
                    ..Default::default()
                },
            ),
        ] {
            let v = reservations::create(conn, t0(), admin, booking(std, bar, day(d), nights))
                .await
                .unwrap()
                .remove(0);
            guests::save_preferences(conn, t0(), admin, v.guest_id, &prefs)
                .await
                .unwrap();
            guests.push(v.booking_no);
        }
        guests
    };
    let room_of = |result: &reservations::AutoAssignResult, booking: &str| {
        result
            .assigned
            .iter()
            .find(|a| a.starts_with(booking))
            .map(|a| a.rsplit(' ').next().unwrap().to_string())
    };

    // Cluster (the default): the guest without wishes joins the busy first floor.
    let bookings = arrivals(5).await;
    let result = reservations::auto_assign(conn, t0(), admin, day(5))
        .await
        .unwrap();
    assert_eq!(room_of(&result, &bookings[0]).as_deref(), Some("102"));
    assert_eq!(room_of(&result, &bookings[1]).as_deref(), Some("104"));
    assert_eq!(room_of(&result, &bookings[2]).as_deref(), Some("105"));

    // Spread: the same guest goes to an empty floor instead.
    reservations::save_assignment_strategy(conn, t0(), admin, AssignmentStrategy::Spread)
        .await
        .unwrap();
    let bookings = arrivals(20).await;
    let result = reservations::auto_assign(conn, t0(), admin, day(20))
        .await
        .unwrap();
    assert_eq!(room_of(&result, &bookings[0]).as_deref(), Some("103"));
    assert_eq!(room_of(&result, &bookings[1]).as_deref(), Some("104"));
    assert_eq!(room_of(&result, &bookings[2]).as_deref(), Some("105"));
}
