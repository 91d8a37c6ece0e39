//! The room status board, bulk status updates, check-out's Dirty, and out-of-order /
//! out-of-service blocks against assignment, occupancy and availability.

use chrono::NaiveDate;
use innkeep_core::audit::{self, AuditFilter};
use innkeep_core::auth::{Actor, AuthError};
use innkeep_core::db::Db;
use innkeep_core::entity::{property, reservation, stay};
use innkeep_core::housekeeping::{
    self, BlockInput, BlockKind, BoardFilter, HousekeepingStatus, RoomStatus,
};
use innkeep_core::permission::Permission;
use innkeep_core::{Error, availability, reservations, rooms};
use innkeep_tests::{booking, fresh_db, hotel, rooms_and_rates, staff, t0};
use sea_orm::{ActiveModelTrait, EntityTrait, Set, TransactionTrait};

/// The test hotel's business date (t0 in Asia/Shanghai).
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

async fn room_id(db: &Db, admin: &Actor, number: &str) -> i32 {
    rooms::list_rooms(&db.conn, admin)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.number == number)
        .and_then(|r| r.id)
        .unwrap()
}

/// Books `nights` from `arrival` in `room` and returns (reservation id, booking number).
async fn booked_in(
    db: &Db,
    admin: &Actor,
    room: i32,
    arrival: NaiveDate,
    nights: i64,
) -> (i32, String) {
    let (std, bar) = std_type(db, admin).await;
    let mut input = booking(std, bar, arrival, nights);
    input.rooms[0].room_id = Some(room);
    let v = reservations::create(&db.conn, t0(), admin, input)
        .await
        .unwrap()
        .remove(0);
    (v.id, v.booking_no)
}

async fn std_type(db: &Db, admin: &Actor) -> (i32, i32) {
    let types = rooms::list_types(&db.conn, admin).await.unwrap();
    let std = types.iter().find(|t| t.code == "STD").unwrap().id.unwrap();
    let plans = innkeep_core::rates::list(&db.conn, admin).await.unwrap();
    let bar = plans.iter().find(|p| p.room_type_id == std).unwrap();
    (std, bar.id.unwrap())
}

/// What check-in will do (another module): the reservation in house and an open stay row.
async fn check_in(db: &Db, reservation_id: i32, room_id: i32) -> i32 {
    let r = reservation::Entity::find_by_id(reservation_id)
        .one(&db.conn)
        .await
        .unwrap()
        .unwrap();
    let mut m: reservation::ActiveModel = r.clone().into();
    m.state = Set("checked_in".into());
    m.update(&db.conn).await.unwrap();
    stay::ActiveModel {
        property_id: Set(r.property_id),
        reservation_id: Set(r.id),
        room_id: Set(room_id),
        key_card: Set("K-1".into()),
        checked_in_on: Set(r.arrival),
        checked_in_at: Set(t0()),
        checked_in_by: Set(None),
        checked_out_on: Set(None),
        checked_out_at: Set(None),
        checked_out_by: Set(None),
        ..Default::default()
    }
    .insert(&db.conn)
    .await
    .unwrap()
    .id
}

async fn audit_of(db: &Db, admin: &Actor, action: &str) -> Vec<(String, String)> {
    let filter = AuditFilter {
        action: Some(action.into()),
        limit: 500,
        ..Default::default()
    };
    let mut rows: Vec<(String, String)> = audit::list(&db.conn, admin, &filter)
        .await
        .unwrap()
        .entries
        .into_iter()
        .map(|e| (e.username, e.summary))
        .collect();
    rows.sort();
    rows
}

fn block(room_id: i32, kind: BlockKind, from: NaiveDate, to: NaiveDate) -> BlockInput {
    BlockInput {
        room_id,
        kind,
        from,
        to,
        reason: "空调漏水 leaking AC".into(),
    }
}

#[tokio::test]
async fn the_board_shows_vc_vd_oc_od_and_inspected_from_stays_and_housekeeping() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (_, _, dlx, dlx_bar) = rooms_and_rates(&t.db, &admin).await;
    let hk = staff(&t.db, &admin, "zhao", "housekeeping").await;
    let id = |n: &'static str| room_id(&t.db, &admin, n);
    let (r101, r102, r103, r104, r201, r105) = (
        id("101").await,
        id("102").await,
        id("103").await,
        id("104").await,
        id("201").await,
        id("105").await,
    );
    let (a, a_no) = booked_in(&t.db, &admin, r101, today(), 1).await;
    check_in(&t.db, a, r101).await;
    let (b, _) = booked_in(&t.db, &admin, r102, today(), 2).await;
    check_in(&t.db, b, r102).await;
    // A guest who has left: the room is vacant again.
    let (c, _) = booked_in(&t.db, &admin, r105, today(), 1).await;
    let gone = check_in(&t.db, c, r105).await;
    let mut s: stay::ActiveModel = stay::Entity::find_by_id(gone)
        .one(&t.db.conn)
        .await
        .unwrap()
        .unwrap()
        .into();
    s.checked_out_at = Set(Some(t0()));
    s.checked_out_on = Set(Some(today()));
    s.update(&t.db.conn).await.unwrap();
    // An arrival of today waiting for room 201.
    let mut input = booking(dlx, dlx_bar, today(), 2);
    input.rooms[0].room_id = Some(r201);
    let arriving = reservations::create(&t.db.conn, t0(), &admin, input)
        .await
        .unwrap()
        .remove(0);

    let conn = &t.db.conn;
    housekeeping::set_status(conn, t0(), &hk, &[r102, r103], HousekeepingStatus::Dirty)
        .await
        .unwrap();
    housekeeping::set_status(conn, t0(), &hk, &[r104], HousekeepingStatus::Inspected)
        .await
        .unwrap();

    let board = housekeeping::board(conn, &hk, today(), &BoardFilter::default())
        .await
        .unwrap();
    let statuses: Vec<(&str, RoomStatus)> = board
        .rooms
        .iter()
        .map(|r| (r.number.as_str(), r.status))
        .collect();
    assert_eq!(
        statuses,
        [
            ("101", RoomStatus::OccupiedClean),
            ("102", RoomStatus::OccupiedDirty),
            ("103", RoomStatus::VacantDirty),
            ("104", RoomStatus::Inspected),
            ("105", RoomStatus::VacantClean),
            ("201", RoomStatus::VacantClean),
            ("202", RoomStatus::VacantClean),
        ]
    );
    let tile = |n: &str| board.rooms.iter().find(|r| r.number == n).unwrap();
    assert_eq!(tile("101").in_house.as_deref(), Some(a_no.as_str()));
    assert_eq!(tile("101").room_type_code, "STD");
    assert!(!tile("101").due_out);
    assert_eq!(
        tile("201").arrival.as_deref(),
        Some(arriving.booking_no.as_str())
    );
    assert_eq!(tile("105").in_house, None);
    let c = &board.counts;
    assert_eq!(
        (
            c.vacant_clean,
            c.vacant_dirty,
            c.occupied_clean,
            c.occupied_dirty,
            c.inspected
        ),
        (3, 1, 1, 1, 1)
    );

    // Filters narrow the rooms, never the counts.
    let dirty = BoardFilter {
        statuses: vec![RoomStatus::VacantDirty, RoomStatus::OccupiedDirty],
        ..Default::default()
    };
    let only = housekeeping::board(conn, &hk, today(), &dirty)
        .await
        .unwrap();
    let numbers: Vec<&str> = only.rooms.iter().map(|r| r.number.as_str()).collect();
    assert_eq!(numbers, ["102", "103"]);
    assert_eq!(only.counts, board.counts);
    let dlx_only = BoardFilter {
        room_type_id: Some(tile("201").room_type_id),
        ..Default::default()
    };
    let dlx = housekeeping::board(conn, &hk, today(), &dlx_only)
        .await
        .unwrap();
    assert_eq!(dlx.rooms.len(), 2);
    assert_eq!(dlx.floors, [1]);
    let codes: Vec<&str> = dlx.room_types.iter().map(|t| t.code.as_str()).collect();
    assert_eq!(codes, ["DLX", "STD"]);

    // Check-out leaves the room dirty, in the check-out's own transaction.
    let txn = t.db.conn.begin().await.unwrap();
    housekeeping::set_dirty_on_check_out(&txn, t0(), &admin, r101)
        .await
        .unwrap();
    txn.commit().await.unwrap();
    let after = housekeeping::board(conn, &hk, today(), &BoardFilter::default())
        .await
        .unwrap();
    assert_eq!(after.rooms[0].status, RoomStatus::OccupiedDirty);
    assert!(
        audit_of(&t.db, &admin, "room.housekeeping_set")
            .await
            .contains(&("admin".into(), "101: clean → dirty (check-out)".into()))
    );
}

#[tokio::test]
async fn a_bulk_update_is_all_or_nothing_and_every_room_is_audited() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    rooms_and_rates(&t.db, &admin).await;
    let hk = staff(&t.db, &admin, "zhao", "housekeeping").await;
    let conn = &t.db.conn;
    let ids = [
        room_id(&t.db, &admin, "101").await,
        room_id(&t.db, &admin, "102").await,
        room_id(&t.db, &admin, "103").await,
    ];
    let rows = housekeeping::set_status(conn, t0(), &hk, &ids, HousekeepingStatus::Dirty)
        .await
        .unwrap();
    assert!(rows.iter().all(|r| r.status == RoomStatus::VacantDirty));
    assert_eq!(
        audit_of(&t.db, &admin, "room.housekeeping_set").await,
        [
            ("zhao".into(), "101: clean → dirty".into()),
            ("zhao".into(), "102: clean → dirty".into()),
            ("zhao".into(), "103: clean → dirty".into()),
        ]
    );
    // The same status again changes nothing and writes nothing.
    housekeeping::set_status(conn, t0(), &hk, &ids, HousekeepingStatus::Dirty)
        .await
        .unwrap();
    assert_eq!(
        audit_of(&t.db, &admin, "room.housekeeping_set").await.len(),
        3
    );
    // One unknown room refuses the whole update.
    let e = housekeeping::set_status(
        conn,
        t0(),
        &hk,
        &[ids[0], 999_999],
        HousekeepingStatus::Inspected,
    )
    .await
    .unwrap_err();
    assert_eq!(e.to_api().key, "errors.common.not_found");
    let e = housekeeping::set_status(conn, t0(), &hk, &[], HousekeepingStatus::Clean)
        .await
        .unwrap_err();
    assert_eq!(e.to_api().key, "errors.validation.required");
    let board = housekeeping::board(conn, &hk, today(), &BoardFilter::default())
        .await
        .unwrap();
    assert_eq!(board.rooms[0].housekeeping, HousekeepingStatus::Dirty);
    assert_eq!(
        audit_of(&t.db, &admin, "room.housekeeping_set").await.len(),
        3
    );
}

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
