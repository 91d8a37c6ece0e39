//! Out-of-order and out-of-service blocks on a real database: refused while a room is occupied
//! or assigned (the bookings named), counted by availability as domain.md says, and the
//! permission every housekeeping change needs.

use innkeep_core::auth::AuthError;
use innkeep_core::entity::property;
use innkeep_core::housekeeping::{self, BlockKind, BoardFilter, HousekeepingStatus};
use innkeep_core::permission::Permission;
use innkeep_core::{Error, availability, reservations};
use innkeep_tests::{booking, fresh_db, hotel, rooms_and_rates, staff, t0};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};

use crate::housekeeping::{audit_of, block, booked_in, check_in, day, room_id, std_type, today};

#[tokio::test]
async fn a_block_is_refused_while_the_room_is_occupied_or_assigned_and_names_the_bookings() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    rooms_and_rates(&t.db, &admin).await;
    let hk = staff(&t.db, &admin, "zhao", "housekeeping").await;
    let conn = &t.db.conn;
    let r101 = room_id(&t.db, &admin, "101").await;
    let r102 = room_id(&t.db, &admin, "102").await;
    let (a, a_no) = booked_in(&t.db, &admin, r101, today(), 2).await;
    check_in(&t.db, a, r101).await;
    let e = housekeeping::block_room(
        conn,
        t0(),
        &hk,
        block(r101, BlockKind::OutOfService, today(), day(1)),
    )
    .await
    .unwrap_err()
    .to_api();
    assert_eq!(e.key, "errors.housekeeping.room_in_use");
    assert_eq!(e.params["room"], "101");
    assert_eq!(e.params["bookings"], a_no);
    // After the stay is over (departure 11-25) the room may be blocked.
    housekeeping::block_room(
        conn,
        t0(),
        &hk,
        block(r101, BlockKind::OutOfOrder, day(1), day(3)),
    )
    .await
    .unwrap();

    let (_, b1) = booked_in(&t.db, &admin, r102, day(1), 3).await;
    let (_, b2) = booked_in(&t.db, &admin, r102, day(5), 2).await;
    let e = housekeeping::block_room(
        conn,
        t0(),
        &hk,
        block(r102, BlockKind::OutOfOrder, day(2), day(10)),
    )
    .await
    .unwrap_err()
    .to_api();
    assert_eq!(e.key, "errors.housekeeping.room_in_use");
    assert_eq!(e.params["bookings"], format!("{b1}, {b2}"));
    // The night between the two stays is free.
    let gap = housekeeping::block_room(
        conn,
        t0(),
        &hk,
        block(r102, BlockKind::OutOfService, day(4), day(5)),
    )
    .await
    .unwrap();
    assert_eq!(
        (gap.kind, gap.from, gap.to),
        (BlockKind::OutOfService, day(4), day(5))
    );

    // One block per room and night; none in the past; the reason is required.
    let e = housekeeping::block_room(
        conn,
        t0(),
        &hk,
        block(r101, BlockKind::OutOfService, day(2), day(4)),
    )
    .await
    .unwrap_err()
    .to_api();
    assert_eq!(
        (
            e.key.as_str(),
            e.params["from"].as_str(),
            e.params["to"].as_str()
        ),
        (
            "errors.housekeeping.already_blocked",
            "2026-12-01",
            "2026-12-03"
        )
    );
    let e = housekeeping::block_room(
        conn,
        t0(),
        &hk,
        block(
            r102,
            BlockKind::OutOfOrder,
            today().pred_opt().unwrap(),
            today(),
        ),
    )
    .await
    .unwrap_err()
    .to_api();
    assert_eq!(e.key, "errors.housekeeping.block_in_past");
    let mut no_reason = block(r102, BlockKind::OutOfOrder, day(20), day(21));
    no_reason.reason = "  ".into();
    let e = housekeeping::block_room(conn, t0(), &hk, no_reason)
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(
        (e.key.as_str(), e.params["field"].as_str()),
        ("errors.validation.required", "reason")
    );

    // An out-of-order room cannot be given to a stay; an out-of-service one can.
    let (std, bar) = std_type(&t.db, &admin).await;
    let guest = reservations::create(conn, t0(), &admin, booking(std, bar, day(1), 1))
        .await
        .unwrap()
        .remove(0);
    let e = reservations::assign_room(conn, t0(), &admin, guest.id, Some(r101), false)
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(e.key, "errors.reservation.room_out_of_order");
    let r103 = room_id(&t.db, &admin, "103").await;
    housekeeping::block_room(
        conn,
        t0(),
        &hk,
        block(r103, BlockKind::OutOfService, day(1), day(2)),
    )
    .await
    .unwrap();
    let v = reservations::assign_room(conn, t0(), &admin, guest.id, Some(r103), false)
        .await
        .unwrap();
    assert_eq!(v.room_number.as_deref(), Some("103"));
    let blocked = audit_of(&t.db, &admin, "room.blocked").await;
    assert_eq!(blocked.len(), 3);
    assert!(blocked.iter().all(|(who, _)| who == "zhao"));
    assert!(
        blocked
            .iter()
            .any(|(_, s)| s == "101 out_of_order 2026-12-01–2026-12-03: 空调漏水 leaking AC")
    );
}

#[tokio::test]
async fn out_of_order_leaves_availability_out_of_service_does_not_and_unblocking_returns_it() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, _, _) = rooms_and_rates(&t.db, &admin).await;
    let hk = staff(&t.db, &admin, "zhao", "housekeeping").await;
    let conn = &t.db.conn;
    let r103 = room_id(&t.db, &admin, "103").await;
    let r104 = room_id(&t.db, &admin, "104").await;
    let ooo = housekeeping::block_room(
        conn,
        t0(),
        &hk,
        block(r103, BlockKind::OutOfOrder, day(1), day(3)),
    )
    .await
    .unwrap();
    housekeeping::block_room(
        conn,
        t0(),
        &hk,
        block(r104, BlockKind::OutOfService, day(1), day(3)),
    )
    .await
    .unwrap();
    let std_nights = |a: Vec<availability::TypeNight>| -> Vec<(u32, i32)> {
        a.into_iter()
            .filter(|n| n.room_type_id == std)
            .map(|n| (n.out_of_order, n.available))
            .collect()
    };
    let a = availability::for_range(conn, admin.property_id, day(1), day(4))
        .await
        .unwrap();
    assert_eq!(std_nights(a), [(1, 4), (1, 4), (0, 5)]);
    // The tape chart shows both blocks with the kinds its legend knows.
    let chart = reservations::tape_chart(conn, &admin, day(1), day(4))
        .await
        .unwrap();
    let kinds: Vec<&str> = chart
        .rooms
        .iter()
        .flat_map(|r| r.blocks.iter().map(|b| b.2.as_str()))
        .collect();
    assert_eq!(kinds, ["out_of_order", "out_of_service"]);
    // Auto-assignment skips the out-of-order room and uses the out-of-service one last.
    for _ in 0..4 {
        reservations::create(conn, t0(), &admin, booking(std, bar, day(1), 1))
            .await
            .unwrap();
    }
    let result = reservations::auto_assign(conn, t0(), &admin, day(1))
        .await
        .unwrap();
    let used: Vec<&str> = result
        .assigned
        .iter()
        .map(|a| a.rsplit(' ').next().unwrap())
        .collect();
    assert_eq!(used, ["101", "102", "105", "104"]);

    // A block that has not started yet is removed.
    housekeeping::unblock_room(conn, t0(), &hk, ooo.id)
        .await
        .unwrap();
    let a = availability::for_range(conn, admin.property_id, day(1), day(2))
        .await
        .unwrap();
    assert_eq!(std_nights(a), [(0, 1)]);

    // One under way ends on the business date: tonight the room is back, past nights stay.
    let now = housekeeping::block_room(
        conn,
        t0(),
        &hk,
        block(
            r103,
            BlockKind::OutOfOrder,
            today(),
            today() + chrono::Days::new(5),
        ),
    )
    .await
    .unwrap();
    let board = housekeeping::board(conn, &hk, today(), &BoardFilter::default())
        .await
        .unwrap();
    let tile = board.rooms.iter().find(|r| r.room_id == r103).unwrap();
    assert_eq!(
        tile.block.as_ref().map(|b| b.kind),
        Some(BlockKind::OutOfOrder)
    );
    assert_eq!(board.counts.out_of_order, 1);
    let ooo_only = BoardFilter {
        block: Some(BlockKind::OutOfOrder),
        ..Default::default()
    };
    let only = housekeeping::board(conn, &hk, today(), &ooo_only)
        .await
        .unwrap();
    assert_eq!(only.rooms.len(), 1);
    let next_day = today().succ_opt().unwrap();
    let p = property::Entity::find_by_id(admin.property_id)
        .one(conn)
        .await
        .unwrap()
        .unwrap();
    let mut m: property::ActiveModel = p.into();
    m.business_date = Set(next_day);
    m.update(conn).await.unwrap();
    housekeeping::unblock_room(conn, t0(), &hk, now.id)
        .await
        .unwrap();
    let a = availability::for_range(
        conn,
        admin.property_id,
        today(),
        next_day.succ_opt().unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(std_nights(a), [(1, 4), (0, 5)]);
    let e = housekeeping::unblock_room(conn, t0(), &hk, now.id)
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(e.key, "errors.housekeeping.block_over");
    assert_eq!(audit_of(&t.db, &admin, "room.unblocked").await.len(), 2);
}

#[tokio::test]
async fn a_role_without_housekeeping_update_is_refused_everything() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    rooms_and_rates(&t.db, &admin).await;
    let finance = staff(&t.db, &admin, "qian", "finance").await;
    let hk = staff(&t.db, &admin, "zhao", "housekeeping").await;
    let conn = &t.db.conn;
    let r101 = room_id(&t.db, &admin, "101").await;
    let forbidden = |e: Error| {
        assert!(
            matches!(
                e,
                Error::Auth(AuthError::Forbidden {
                    permission: Permission::HousekeepingUpdate
                })
            ),
            "{e}"
        );
    };
    forbidden(
        housekeeping::board(conn, &finance, today(), &BoardFilter::default())
            .await
            .unwrap_err(),
    );
    forbidden(
        housekeeping::set_status(conn, t0(), &finance, &[r101], HousekeepingStatus::Clean)
            .await
            .unwrap_err(),
    );
    forbidden(
        housekeeping::block_room(
            conn,
            t0(),
            &finance,
            block(r101, BlockKind::OutOfOrder, day(1), day(2)),
        )
        .await
        .unwrap_err(),
    );
    let b = housekeeping::block_room(
        conn,
        t0(),
        &hk,
        block(r101, BlockKind::OutOfOrder, day(1), day(2)),
    )
    .await
    .unwrap();
    forbidden(
        housekeeping::unblock_room(conn, t0(), &finance, b.id)
            .await
            .unwrap_err(),
    );
    // Housekeeping sees the board and nothing of the front desk.
    assert!(availability::list(conn, &hk, day(1), day(2)).await.is_err());
    assert_eq!(
        audit_of(&t.db, &admin, "room.housekeeping_set").await.len(),
        0
    );
}
