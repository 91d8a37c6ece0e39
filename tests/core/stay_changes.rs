//! Changes to a stay in the house on a real database: room moves (and the rooms they refuse),
//! a later or earlier departure with its price and early-departure fee, the late check-out fee.

use chrono::{Duration, NaiveDate};
use innkeep_core::auth::Actor;
use innkeep_core::db::Db;
use innkeep_core::entity::{audit_entry, property, reservation, reservation_night, room, stay};
use innkeep_core::folios;
use innkeep_core::housekeeping::{self, BlockInput, BlockKind, HousekeepingStatus};
use innkeep_core::reservations;
use innkeep_core::stays::{self, DepartureChange, LateCheckOutFee, MoveInput};
use innkeep_tests::{booking, fresh_db, hotel, rooms_and_rates, staff, t0};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn key(e: innkeep_core::Error) -> String {
    e.to_api().key
}

/// The hotel: STD rooms 101–105 (BAR 299), DLX 201–202 (BAR 499); business date 2026-11-23.
struct Hotel {
    admin: Actor,
    std: (i32, i32),
    dlx: (i32, i32),
}

async fn the_hotel(db: &Db) -> Hotel {
    let admin = hotel(db).await;
    let (std, std_bar, dlx, dlx_bar) = rooms_and_rates(db, &admin).await;
    Hotel {
        admin,
        std: (std, std_bar),
        dlx: (dlx, dlx_bar),
    }
}

async fn room_id(db: &Db, number: &str) -> i32 {
    room::Entity::find()
        .filter(room::Column::Number.eq(number))
        .one(&db.conn)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// Books `(type, plan)` from `arrival` for `nights` into room `number`.
async fn booked(
    db: &Db,
    h: &Hotel,
    tp: (i32, i32),
    number: &str,
    arrival: NaiveDate,
    nights: i64,
) -> i32 {
    let made = reservations::create(
        &db.conn,
        t0(),
        &h.admin,
        booking(tp.0, tp.1, arrival, nights),
    )
    .await
    .unwrap();
    let rid = room_id(db, number).await;
    reservations::assign_room(&db.conn, t0(), &h.admin, made[0].id, Some(rid), false)
        .await
        .unwrap();
    made[0].id
}

/// Moves the business date as the night audit will (tests only).
async fn roll_business_date(db: &Db, property_id: i32, days: i64) {
    let p = property::Entity::find_by_id(property_id)
        .one(&db.conn)
        .await
        .unwrap()
        .unwrap();
    let next = p.business_date + Duration::days(days);
    let mut m: property::ActiveModel = p.into();
    m.business_date = Set(next);
    m.update(&db.conn).await.unwrap();
}

/// The reservation's nights as (night, room number, amount).
async fn nights(db: &Db, reservation_id: i32) -> Vec<(NaiveDate, String, i64)> {
    let rows = reservation_night::Entity::find()
        .filter(reservation_night::Column::ReservationId.eq(reservation_id))
        .order_by_asc(reservation_night::Column::Night)
        .all(&db.conn)
        .await
        .unwrap();
    let mut out = Vec::new();
    for n in rows {
        let number = room::Entity::find_by_id(n.room_id.unwrap())
            .one(&db.conn)
            .await
            .unwrap()
            .unwrap()
            .number;
        out.push((n.night, number, n.amount_minor));
    }
    out
}

async fn housekeeping_of(db: &Db, number: &str) -> String {
    room::Entity::find()
        .filter(room::Column::Number.eq(number))
        .one(&db.conn)
        .await
        .unwrap()
        .unwrap()
        .housekeeping
}

async fn audit_summaries(db: &Db, action: &str) -> Vec<String> {
    audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq(action))
        .order_by_asc(audit_entry::Column::Id)
        .all(&db.conn)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.summary)
        .collect()
}

fn move_to(reservation_id: i32, room_id: i32, allow_dirty: bool) -> MoveInput {
    MoveInput {
        reservation_id,
        room_id,
        reason: "air conditioner broken".into(),
        allow_dirty,
    }
}

/// The charges of the reservation's main folio as (charge code, amount, description).
async fn charges(db: &Db, admin: &Actor, reservation_id: i32) -> Vec<(String, String, String)> {
    let f = folios::ensure_folio(&db.conn, t0(), admin, reservation_id)
        .await
        .unwrap();
    folios::folio_view(&db.conn, admin, f.id)
        .await
        .unwrap()
        .postings
        .into_iter()
        .map(|p| {
            (
                p.charge_code.unwrap_or_default(),
                p.amount.to_string(),
                p.description,
            )
        })
        .collect()
}

#[tokio::test]
async fn a_move_takes_the_remaining_nights_to_the_new_room_and_leaves_the_old_one_dirty() {
    let t = fresh_db().await;
    let h = the_hotel(&t.db).await;
    let res = booked(&t.db, &h, h.std, "101", day(23), 3).await;
    innkeep_tests::check_in(&t.db, &h.admin, res, None).await;
    roll_business_date(&t.db, h.admin.property_id, 1).await;
    let desk = staff(&t.db, &h.admin, "desk", "front_desk").await;
    let r102 = room_id(&t.db, "102").await;

    let v = stays::move_room(&t.db.conn, t0(), &desk, move_to(res, r102, false))
        .await
        .unwrap();
    assert_eq!(v.room_number.as_deref(), Some("102"));
    assert_eq!(
        v.total.to_string(),
        "897.00",
        "a move costs the guest nothing"
    );
    assert_eq!(
        nights(&t.db, res).await,
        vec![
            (day(23), "101".into(), 29900),
            (day(24), "102".into(), 29900),
            (day(25), "102".into(), 29900),
        ],
        "the night already slept stays in 101"
    );
    let s = stay::Entity::find()
        .filter(stay::Column::ReservationId.eq(res))
        .one(&t.db.conn)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(s.room_id, r102);
    assert_eq!(housekeeping_of(&t.db, "101").await, "dirty");
    assert_eq!(
        audit_summaries(&t.db, "stay.room_moved").await,
        vec!["B000001: room 101 → 102 from 2026-11-24; air conditioner broken".to_string()]
    );
    // The housekeeping board now shows 102 occupied and 101 vacant-dirty.
    let board = housekeeping::board(&t.db.conn, &h.admin, day(24), &Default::default())
        .await
        .unwrap();
    let status = |n: &str| board.rooms.iter().find(|r| r.number == n).unwrap().status;
    assert_eq!(status("101"), housekeeping::RoomStatus::VacantDirty);
    assert_eq!(status("102"), housekeeping::RoomStatus::OccupiedClean);
}

#[tokio::test]
async fn a_move_is_refused_into_the_same_an_occupied_a_blocked_a_held_or_a_dirty_room() {
    let t = fresh_db().await;
    let h = the_hotel(&t.db).await;
    let res = booked(&t.db, &h, h.std, "101", day(23), 3).await;
    innkeep_tests::check_in(&t.db, &h.admin, res, None).await;
    let other = booked(&t.db, &h, h.std, "102", day(23), 1).await;
    innkeep_tests::check_in(&t.db, &h.admin, other, None).await;
    booked(&t.db, &h, h.std, "103", day(25), 2).await;
    let room = |n: &'static str| room_id(&t.db, n);
    let (r101, r102, r103, r104, r105) = (
        room("101").await,
        room("102").await,
        room("103").await,
        room("104").await,
        room("105").await,
    );
    housekeeping::block_room(
        &t.db.conn,
        t0(),
        &h.admin,
        BlockInput {
            room_id: r104,
            kind: BlockKind::OutOfOrder,
            from: day(24),
            to: day(27),
            reason: "leak".into(),
        },
    )
    .await
    .unwrap();
    housekeeping::set_status(
        &t.db.conn,
        t0(),
        &h.admin,
        &[r105],
        HousekeepingStatus::Dirty,
    )
    .await
    .unwrap();
    let refused = |room_id, allow_dirty| {
        let db = &t.db;
        let admin = &h.admin;
        async move {
            key(
                stays::move_room(&db.conn, t0(), admin, move_to(res, room_id, allow_dirty))
                    .await
                    .unwrap_err(),
            )
        }
    };
    assert_eq!(refused(r101, false).await, "errors.stay.same_room");
    assert_eq!(refused(r102, false).await, "errors.stay.room_occupied");
    assert_eq!(refused(r103, false).await, "errors.reservation.room_taken");
    assert_eq!(
        refused(r104, false).await,
        "errors.reservation.room_out_of_order"
    );
    assert_eq!(refused(r105, false).await, "errors.stay.room_dirty");
    // Nothing moved, nothing went dirty.
    assert!(nights(&t.db, res).await.iter().all(|(_, n, _)| n == "101"));
    assert_eq!(housekeeping_of(&t.db, "101").await, "clean");
    assert!(audit_summaries(&t.db, "stay.room_moved").await.is_empty());
    // A dirty room once the operator confirms it.
    let v = stays::move_room(&t.db.conn, t0(), &h.admin, move_to(res, r105, true))
        .await
        .unwrap();
    assert_eq!(v.room_number.as_deref(), Some("105"));
    // A reason is required; a reservation not in the house cannot move; housekeeping may not.
    let mut no_reason = move_to(res, r101, false);
    no_reason.reason = " ".into();
    assert_eq!(
        key(stays::move_room(&t.db.conn, t0(), &h.admin, no_reason)
            .await
            .unwrap_err()),
        "errors.validation.required"
    );
    let future = booked(&t.db, &h, h.std, "104", day(23), 1).await;
    assert_eq!(
        key(
            stays::move_room(&t.db.conn, t0(), &h.admin, move_to(future, r101, false))
                .await
                .unwrap_err()
        ),
        "errors.reservation.wrong_state"
    );
    let maid = staff(&t.db, &h.admin, "maid", "housekeeping").await;
    assert_eq!(
        key(
            stays::move_room(&t.db.conn, t0(), &maid, move_to(res, r101, false))
                .await
                .unwrap_err()
        ),
        "errors.auth.forbidden"
    );
}

#[tokio::test]
async fn a_move_to_another_type_keeps_the_rate_and_needs_a_room_of_that_type() {
    let t = fresh_db().await;
    let h = the_hotel(&t.db).await;
    let res = booked(&t.db, &h, h.std, "101", day(23), 2).await;
    innkeep_tests::check_in(&t.db, &h.admin, res, None).await;
    // Both deluxe rooms are sold for tonight: 201 assigned, the other one unassigned.
    booked(&t.db, &h, h.dlx, "201", day(23), 1).await;
    reservations::create(
        &t.db.conn,
        t0(),
        &h.admin,
        booking(h.dlx.0, h.dlx.1, day(23), 1),
    )
    .await
    .unwrap();
    let r202 = room_id(&t.db, "202").await;
    assert_eq!(
        key(
            stays::move_room(&t.db.conn, t0(), &h.admin, move_to(res, r202, false))
                .await
                .unwrap_err()
        ),
        "errors.reservation.sold_out"
    );
    // The next day deluxe has a room again: the upgrade keeps the standard rate.
    roll_business_date(&t.db, h.admin.property_id, 1).await;
    let v = stays::move_room(&t.db.conn, t0(), &h.admin, move_to(res, r202, false))
        .await
        .unwrap();
    assert_eq!(v.room_number.as_deref(), Some("202"));
    assert_eq!(v.total.to_string(), "598.00");
    assert_eq!(
        nights(&t.db, res).await,
        vec![
            (day(23), "101".into(), 29900),
            (day(24), "202".into(), 29900)
        ]
    );
}

#[tokio::test]
async fn a_longer_stay_prices_the_added_nights_and_holds_the_room() {
    let t = fresh_db().await;
    let h = the_hotel(&t.db).await;
    let res = booked(&t.db, &h, h.std, "101", day(23), 2).await;
    innkeep_tests::check_in(&t.db, &h.admin, res, None).await;
    // Room 101 is promised to another guest from the 27th.
    booked(&t.db, &h, h.std, "101", day(27), 1).await;
    let desk = staff(&t.db, &h.admin, "desk", "front_desk").await;

    let q = stays::quote_departure(&t.db.conn, &desk, res, day(27))
        .await
        .unwrap();
    assert_eq!(q.added, vec![day(25), day(26)]);
    assert!(q.removed.is_empty());
    assert_eq!(q.difference.to_string(), "598.00");
    assert_eq!(q.after.total.to_string(), "1196.00");
    assert!(!q.early);

    let change = |departure, fee: &str| DepartureChange {
        reservation_id: res,
        departure,
        early_departure_fee: fee.into(),
        reason: String::new(),
        confirm_overbooking: false,
    };
    let v = stays::change_departure(&t.db.conn, t0(), &desk, change(day(27), ""))
        .await
        .unwrap();
    assert_eq!(
        (v.departure, v.total.to_string()),
        (day(27), "1196.00".into())
    );
    assert_eq!(nights(&t.db, res).await.len(), 4);
    assert!(
        nights(&t.db, res)
            .await
            .iter()
            .all(|(_, n, a)| n == "101" && *a == 29900)
    );
    // One more night would take the room from the next guest.
    assert_eq!(
        key(
            stays::change_departure(&t.db.conn, t0(), &desk, change(day(28), ""))
                .await
                .unwrap_err()
        ),
        "errors.reservation.room_taken"
    );
    assert_eq!(
        key(
            stays::change_departure(&t.db.conn, t0(), &desk, change(day(27), ""))
                .await
                .unwrap_err()
        ),
        "errors.stay.departure_unchanged"
    );
    assert_eq!(
        key(
            stays::change_departure(&t.db.conn, t0(), &desk, change(day(26), "x"))
                .await
                .unwrap_err()
        ),
        "errors.validation.invalid"
    );
    assert_eq!(
        audit_summaries(&t.db, "stay.departure_changed").await,
        vec!["B000001: departure 2026-11-25 → 2026-11-27, total 598.00 → 1196.00".to_string()]
    );
    let after = reservation::Entity::find_by_id(res)
        .one(&t.db.conn)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        after.departure,
        day(27),
        "a refused change leaves the stay as it was"
    );
}

#[tokio::test]
async fn leaving_early_releases_the_nights_and_posts_the_fee() {
    let t = fresh_db().await;
    let h = the_hotel(&t.db).await;
    let res = booked(&t.db, &h, h.std, "101", day(23), 4).await;
    innkeep_tests::check_in(&t.db, &h.admin, res, None).await;
    roll_business_date(&t.db, h.admin.property_id, 1).await;
    let desk = staff(&t.db, &h.admin, "desk", "front_desk").await;
    let change = |departure, fee: &str| DepartureChange {
        reservation_id: res,
        departure,
        early_departure_fee: fee.into(),
        reason: "family emergency".into(),
        confirm_overbooking: false,
    };
    // Nights already slept cannot go; a fee comes only with a shorter stay.
    assert_eq!(
        key(
            stays::change_departure(&t.db.conn, t0(), &desk, change(day(23), ""))
                .await
                .unwrap_err()
        ),
        "errors.stay.departure_before_business_date"
    );
    assert_eq!(
        key(
            stays::change_departure(&t.db.conn, t0(), &desk, change(day(28), "50"))
                .await
                .unwrap_err()
        ),
        "errors.stay.fee_without_shortening"
    );
    let q = stays::quote_departure(&t.db.conn, &desk, res, day(25))
        .await
        .unwrap();
    assert_eq!(q.removed, vec![day(25), day(26)]);
    assert_eq!(q.difference.to_string(), "-598.00");
    assert!(q.early);

    let v = stays::change_departure(&t.db.conn, t0(), &desk, change(day(25), "150"))
        .await
        .unwrap();
    assert_eq!(
        (v.departure, v.total.to_string()),
        (day(25), "598.00".into())
    );
    assert_eq!(
        nights(&t.db, res)
            .await
            .iter()
            .map(|n| n.0)
            .collect::<Vec<_>>(),
        vec![day(23), day(24)]
    );
    assert_eq!(
        charges(&t.db, &h.admin, res).await,
        vec![(
            "EARLYDEP".into(),
            "150.00".into(),
            "family emergency".into()
        )]
    );
    // The released room can be sold for those nights again.
    let made = reservations::create(
        &t.db.conn,
        t0(),
        &h.admin,
        booking(h.std.0, h.std.1, day(25), 2),
    )
    .await
    .unwrap();
    let r101 = room_id(&t.db, "101").await;
    reservations::assign_room(&t.db.conn, t0(), &h.admin, made[0].id, Some(r101), false)
        .await
        .unwrap();
    // Leaving today: tonight's night goes too, without a fee.
    let v = stays::change_departure(&t.db.conn, t0(), &desk, change(day(24), ""))
        .await
        .unwrap();
    assert_eq!(v.total.to_string(), "299.00");
    assert_eq!(charges(&t.db, &h.admin, res).await.len(), 1);
    assert_eq!(
        audit_summaries(&t.db, "stay.departure_changed").await.len(),
        2
    );
}

#[tokio::test]
async fn a_late_check_out_fee_lands_on_the_folio() {
    let t = fresh_db().await;
    let h = the_hotel(&t.db).await;
    let res = booked(&t.db, &h, h.std, "101", day(23), 1).await;
    let desk = staff(&t.db, &h.admin, "desk", "front_desk").await;
    let fee = |amount: &str| LateCheckOutFee {
        reservation_id: res,
        amount: amount.into(),
        description: "until 18:00".into(),
    };
    assert_eq!(
        key(
            stays::late_check_out_fee(&t.db.conn, t0(), &desk, fee("80"))
                .await
                .unwrap_err()
        ),
        "errors.reservation.wrong_state"
    );
    innkeep_tests::check_in(&t.db, &h.admin, res, None).await;
    assert_eq!(
        key(
            stays::late_check_out_fee(&t.db.conn, t0(), &desk, fee("-1"))
                .await
                .unwrap_err()
        ),
        "errors.validation.invalid"
    );
    let posted = stays::late_check_out_fee(&t.db.conn, t0(), &desk, fee("80"))
        .await
        .unwrap();
    assert_eq!(posted.amount.to_string(), "80.00");
    assert_eq!(posted.folio_number, "F000001");
    assert_eq!(
        charges(&t.db, &h.admin, res).await,
        vec![("LATECO".into(), "80.00".into(), "until 18:00".into())]
    );
    assert_eq!(
        audit_summaries(&t.db, "stay.late_check_out_fee").await,
        vec!["B000001: 80.00 on F000001".to_string()]
    );
    let maid = staff(&t.db, &h.admin, "maid", "housekeeping").await;
    assert_eq!(
        key(
            stays::late_check_out_fee(&t.db.conn, t0(), &maid, fee("80"))
                .await
                .unwrap_err()
        ),
        "errors.auth.forbidden"
    );
}

#[tokio::test]
async fn two_terminals_moving_guests_into_the_same_room_put_only_one_there() {
    let t = fresh_db().await;
    let h = the_hotel(&t.db).await;
    let first = booked(&t.db, &h, h.std, "101", day(23), 2).await;
    let second = booked(&t.db, &h, h.std, "102", day(23), 2).await;
    innkeep_tests::check_in(&t.db, &h.admin, first, None).await;
    innkeep_tests::check_in(&t.db, &h.admin, second, None).await;
    let r105 = room_id(&t.db, "105").await;
    let (a, b) = tokio::join!(
        stays::move_room(&t.db.conn, t0(), &h.admin, move_to(first, r105, false)),
        stays::move_room(&t.db.conn, t0(), &h.admin, move_to(second, r105, false)),
    );
    let refused: Vec<String> = [a, b]
        .into_iter()
        .filter_map(|r| r.err())
        .map(key)
        .collect();
    assert_eq!(refused.len(), 1, "exactly one guest gets room 105");
    assert!(
        ["errors.stay.room_occupied", "errors.reservation.room_taken"]
            .contains(&refused[0].as_str()),
        "{refused:?}"
    );
    let in_105 = stay::Entity::find()
        .filter(stay::Column::RoomId.eq(r105))
        .all(&t.db.conn)
        .await
        .unwrap();
    assert_eq!(in_105.len(), 1);
}
