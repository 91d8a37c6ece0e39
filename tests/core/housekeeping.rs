//! The room status board and bulk status updates on a real database (blocks are in
//! housekeeping_blocks.rs); the helpers here are shared with it.

use chrono::NaiveDate;
use innkeep_core::audit::{self, AuditFilter};
use innkeep_core::auth::Actor;
use innkeep_core::db::Db;
use innkeep_core::entity::{reservation, stay};
use innkeep_core::housekeeping::{
    self, BlockInput, BlockKind, BoardFilter, HousekeepingStatus, RoomStatus,
};
use innkeep_core::{reservations, rooms};
use innkeep_tests::{booking, fresh_db, hotel, rooms_and_rates, staff, t0};
use sea_orm::{ActiveModelTrait, EntityTrait, Set, TransactionTrait};

/// The test hotel's business date (t0 in Asia/Shanghai).
pub(crate) fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

pub(crate) fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

pub(crate) async fn room_id(db: &Db, admin: &Actor, number: &str) -> i32 {
    rooms::list_rooms(&db.conn, admin)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.number == number)
        .and_then(|r| r.id)
        .unwrap()
}

/// Books `nights` from `arrival` in `room` and returns (reservation id, booking number).
pub(crate) async fn booked_in(
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

pub(crate) async fn std_type(db: &Db, admin: &Actor) -> (i32, i32) {
    let types = rooms::list_types(&db.conn, admin).await.unwrap();
    let std = types.iter().find(|t| t.code == "STD").unwrap().id.unwrap();
    let plans = innkeep_core::rates::list(&db.conn, admin).await.unwrap();
    let bar = plans.iter().find(|p| p.room_type_id == std).unwrap();
    (std, bar.id.unwrap())
}

/// What check-in will do (another module): the reservation in house and an open stay row.
pub(crate) async fn check_in(db: &Db, reservation_id: i32, room_id: i32) -> i32 {
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

pub(crate) async fn audit_of(db: &Db, admin: &Actor, action: &str) -> Vec<(String, String)> {
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

pub(crate) fn block(room_id: i32, kind: BlockKind, from: NaiveDate, to: NaiveDate) -> BlockInput {
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
