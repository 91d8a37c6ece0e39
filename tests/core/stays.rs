//! Check-in and check-out on a real database: the front-desk lists, guests registered with
//! their ID documents, a ready room, the deposit, a walk-in booked and checked in at once, and a
//! check-out that settles, invoices, closes and leaves the room dirty — or, refused, changes
//! nothing.

use chrono::NaiveDate;
use innkeep_core::auth::Actor;
use innkeep_core::db::Db;
use innkeep_core::entity::{audit_entry, guest, posting, room, stay};
use innkeep_core::folios::{self, ChargeInput, PaymentInput};
use innkeep_core::guests::NewGuest;
use innkeep_core::housekeeping::{self, HousekeepingStatus, RoomStatus};
use innkeep_core::identity::{IdDocumentInput, IdDocumentKind};
use innkeep_core::invoices::Buyer;
use innkeep_core::reservations;
use innkeep_core::stays::{
    self, CheckInInput, CheckOutInput, NextAction, Settlement, StayGuestInput, WalkInInput,
};
use innkeep_core::{ApiError, Error};
use innkeep_tests::{booking, fresh_db, hotel, rooms_and_rates, staff, t0};
use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn api(e: Error) -> ApiError {
    e.to_api()
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

fn guest(name: &str, id_number: &str) -> StayGuestInput {
    StayGuestInput {
        guest_id: None,
        guest: NewGuest {
            name: name.into(),
            phone: "13800138000".into(),
            email: String::new(),
            id_document: Some(IdDocumentInput {
                kind: IdDocumentKind::ChinaResidentId,
                number: id_number.into(),
            }),
            nationality: String::new(),
        },
    }
}

fn cash(amount: &str) -> PaymentInput {
    PaymentInput {
        method: "cash".into(),
        amount: amount.into(),
        card_brand: String::new(),
        card_last4: String::new(),
        auth_code: String::new(),
        reference: String::new(),
    }
}

fn settle(folio_id: i32, method: &str) -> Settlement {
    Settlement {
        folio_id,
        method: method.into(),
        card_brand: String::new(),
        card_last4: String::new(),
        auth_code: String::new(),
        reference: String::new(),
    }
}

/// A confirmed two-night arrival on the business date (23 Nov) for 张伟; returns
/// (admin, reservation id, its guest id).
async fn arrival(db: &Db) -> (Actor, i32, i32) {
    let admin = hotel(db).await;
    let (std, bar, _, _) = rooms_and_rates(db, &admin).await;
    let made = reservations::create(&db.conn, t0(), &admin, booking(std, bar, day(23), 2))
        .await
        .unwrap();
    (admin, made[0].id, made[0].guest_id)
}

fn check_in_input(reservation_id: i32, room: i32, guest_id: i32) -> CheckInInput {
    let mut primary = guest("张伟", "440304198506151237");
    primary.guest_id = Some(guest_id);
    CheckInInput {
        reservation_id,
        room_id: Some(room),
        allow_dirty: false,
        allow_upgrade: false,
        key_card: "K-0815".into(),
        guests: vec![primary, guest("李娜", "310101199001010047")],
        deposit: Some(cash("500")),
    }
}

#[tokio::test]
async fn a_checked_in_arrival_is_in_the_house_with_its_guests_room_and_deposit() {
    let t = fresh_db().await;
    let db = &t.db;
    let (admin, rid, gid) = arrival(db).await;
    let desk = stays::front_desk(&db.conn, &admin, "").await.unwrap();
    assert_eq!(desk.business_date, day(23));
    assert_eq!(desk.arrivals.len(), 1);
    assert_eq!(desk.arrivals[0].next, NextAction::AssignRoom);

    let r101 = room_id(db, "101").await;
    let done = stays::check_in(&db.conn, t0(), &admin, check_in_input(rid, r101, gid))
        .await
        .unwrap();
    assert_eq!(done.reservation.state, "checked_in");
    assert_eq!(done.reservation.room_number.as_deref(), Some("101"));
    assert_eq!(done.guests, vec!["张伟", "李娜"]);

    let desk = stays::front_desk(&db.conn, &admin, "").await.unwrap();
    assert!(desk.arrivals.is_empty());
    assert!(desk.departures.is_empty(), "they leave on the 25th");
    let row = &desk.in_house[0];
    assert_eq!(row.room_status, Some(RoomStatus::OccupiedClean));
    assert_eq!(row.next, NextAction::OpenFolio);
    assert_eq!(row.deposit_held, Some(dec("500")));
    assert_eq!(row.balance, Some(Decimal::ZERO));
    assert_eq!(
        stays::front_desk(&db.conn, &admin, "101")
            .await
            .unwrap()
            .in_house
            .len(),
        1,
        "found by room number"
    );

    let s = stay::Entity::find().one(&db.conn).await.unwrap().unwrap();
    assert_eq!((s.room_id, s.key_card.as_str()), (r101, "K-0815"));
    let li = guest::Entity::find()
        .filter(guest::Column::Name.eq("李娜"))
        .one(&db.conn)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        li.id_region, "310101",
        "the region is kept for the origin report"
    );
    let zhang = guest::Entity::find_by_id(gid)
        .one(&db.conn)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(zhang.id_number, "440304198506151237");
    let board = housekeeping::board(&db.conn, &admin, day(23), &Default::default())
        .await
        .unwrap();
    let r = board.rooms.iter().find(|r| r.number == "101").unwrap();
    assert_eq!(r.status, RoomStatus::OccupiedClean);
    assert_eq!(
        audit_entry::Entity::find()
            .filter(audit_entry::Column::Action.eq("stay.checked_in"))
            .count(&db.conn)
            .await
            .unwrap(),
        1
    );
}

#[tokio::test]
async fn a_refused_check_in_says_why_and_writes_nothing() {
    let t = fresh_db().await;
    let db = &t.db;
    let (admin, rid, gid) = arrival(db).await;
    let r101 = room_id(db, "101").await;
    let guests_before = guest::Entity::find().count(&db.conn).await.unwrap();

    let mut no_id = check_in_input(rid, r101, gid);
    no_id.guests[1].guest.id_document = None;
    let e = api(stays::check_in(&db.conn, t0(), &admin, no_id)
        .await
        .unwrap_err());
    assert_eq!(e.key, "errors.stay.id_document_missing");
    assert_eq!(e.params["guest"], "李娜");

    let mut bad_id = check_in_input(rid, r101, gid);
    bad_id.guests[1].guest.id_document.as_mut().unwrap().number = "310101199001010048".into();
    let e = api(stays::check_in(&db.conn, t0(), &admin, bad_id)
        .await
        .unwrap_err());
    assert!(e.key.starts_with("errors.identity."), "{}", e.key);

    let mut bad_deposit = check_in_input(rid, r101, gid);
    bad_deposit.deposit = Some(cash("-5"));
    let e = api(stays::check_in(&db.conn, t0(), &admin, bad_deposit)
        .await
        .unwrap_err());
    assert_eq!(e.params.get("field").map(String::as_str), Some("amount"));

    housekeeping::set_status(&db.conn, t0(), &admin, &[r101], HousekeepingStatus::Dirty)
        .await
        .unwrap();
    let e = api(
        stays::check_in(&db.conn, t0(), &admin, check_in_input(rid, r101, gid))
            .await
            .unwrap_err(),
    );
    assert_eq!(e.key, "errors.stay.room_dirty");
    assert_eq!(e.params["room"], "101");

    let front_desk_only = staff(db, &admin, "hk", "housekeeping").await;
    let e = api(stays::check_in(
        &db.conn,
        t0(),
        &front_desk_only,
        check_in_input(rid, r101, gid),
    )
    .await
    .unwrap_err());
    assert_eq!(e.key, "errors.auth.forbidden");

    // Nothing of the refused attempts was kept.
    assert_eq!(stay::Entity::find().count(&db.conn).await.unwrap(), 0);
    assert_eq!(posting::Entity::find().count(&db.conn).await.unwrap(), 0);
    assert_eq!(
        guest::Entity::find().count(&db.conn).await.unwrap(),
        guests_before
    );
    let desk = stays::front_desk(&db.conn, &admin, "").await.unwrap();
    assert_eq!(desk.arrivals.len(), 1);

    // With the desk's confirmation a dirty room is taken.
    let mut dirty_ok = check_in_input(rid, r101, gid);
    dirty_ok.allow_dirty = true;
    stays::check_in(&db.conn, t0(), &admin, dirty_ok)
        .await
        .unwrap();
    let again = api(
        stays::check_in(&db.conn, t0(), &admin, check_in_input(rid, r101, gid))
            .await
            .unwrap_err(),
    );
    assert_eq!(again.key, "errors.reservation.wrong_state");
}

#[tokio::test]
async fn an_occupied_room_or_a_later_arrival_cannot_be_checked_in() {
    let t = fresh_db().await;
    let db = &t.db;
    let (admin, rid, gid) = arrival(db).await;
    let (std, bar) = {
        let r = reservations::list(&db.conn, &admin, &Default::default())
            .await
            .unwrap();
        (r[0].room_type_id, r[0].rate_plan_id)
    };
    let r101 = room_id(db, "101").await;
    stays::check_in(&db.conn, t0(), &admin, check_in_input(rid, r101, gid))
        .await
        .unwrap();
    let later = reservations::create(&db.conn, t0(), &admin, booking(std, bar, day(24), 1))
        .await
        .unwrap();
    let e = api(stays::check_in(
        &db.conn,
        t0(),
        &admin,
        check_in_input(later[0].id, room_id(db, "102").await, later[0].guest_id),
    )
    .await
    .unwrap_err());
    assert_eq!(e.key, "errors.stay.not_arrival_day");
    assert_eq!(e.params["arrival"], "2026-11-24");
}

#[tokio::test]
async fn a_walk_in_pays_by_wechat_and_checks_out_with_an_invoice() {
    let t = fresh_db().await;
    let db = &t.db;
    let admin = hotel(db).await;
    let (_, bar, _, _) = rooms_and_rates(db, &admin).await;
    let r102 = room_id(db, "102").await;
    let done = stays::walk_in(
        &db.conn,
        t0(),
        &admin,
        WalkInInput {
            room_id: r102,
            rate_plan_id: bar,
            departure: day(24),
            adults: 1,
            children: 0,
            allow_dirty: false,
            key_card: "0102".into(),
            guests: vec![guest("王芳", "320102197808083019")],
            deposit: None,
        },
    )
    .await
    .unwrap();
    assert_eq!(done.reservation.state, "checked_in");
    assert_eq!(done.reservation.source, "walk_in");
    assert_eq!(done.reservation.guest_name, "王芳");
    assert_eq!(
        guest::Entity::find()
            .filter(guest::Column::Name.eq("王芳"))
            .count(&db.conn)
            .await
            .unwrap(),
        1,
        "the walk-in guest is created once"
    );

    folios::post_charge(
        &db.conn,
        t0(),
        &admin,
        done.folio_id,
        ChargeInput {
            charge_code: "BREAKFAST".into(),
            amount: "68".into(),
            quantity: 1,
            description: String::new(),
            night: None,
        },
    )
    .await
    .unwrap();

    // Leaving before tonight's audit: tonight's 299.00 is charged at check-out.
    let unsettled = CheckOutInput {
        reservation_id: done.reservation.id,
        apply_deposit: true,
        deposit_refund_method: None,
        settlements: vec![],
        invoice: Some(Buyer {
            name: "王芳".into(),
            taxpayer_id: String::new(),
        }),
    };
    let e = api(stays::check_out(&db.conn, t0(), &admin, unsettled.clone())
        .await
        .unwrap_err());
    assert_eq!(e.key, "errors.stay.balance_due");
    assert!(e.params["balance"].contains("367.00"), "{:?}", e.params);
    assert_eq!(
        posting::Entity::find().count(&db.conn).await.unwrap(),
        1,
        "the refused check-out posted nothing"
    );

    let out = stays::check_out(
        &db.conn,
        t0(),
        &admin,
        CheckOutInput {
            settlements: vec![settle(done.folio_id, "wechat_pay")],
            ..unsettled
        },
    )
    .await
    .unwrap();
    assert_eq!(out.reservation.state, "checked_out");
    assert_eq!(out.room_number, "102");
    assert_eq!(out.invoices.len(), 1);
    assert!(out.invoices[0].number.starts_with("INV"));
    let totals = folios::folio_balance(&db.conn, done.folio_id)
        .await
        .unwrap();
    assert_eq!(
        (totals.charges, totals.balance),
        (dec("367"), Decimal::ZERO)
    );
    let paid = posting::Entity::find()
        .filter(posting::Column::Kind.eq("payment"))
        .one(&db.conn)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (paid.payment_method.as_str(), paid.amount_minor),
        ("wechat_pay", -36700)
    );

    let board = housekeeping::board(&db.conn, &admin, day(23), &Default::default())
        .await
        .unwrap();
    let r = board.rooms.iter().find(|r| r.number == "102").unwrap();
    assert_eq!(r.status, RoomStatus::VacantDirty);
    let desk = stays::front_desk(&db.conn, &admin, "").await.unwrap();
    assert!(desk.in_house.is_empty() && desk.departures.is_empty());

    // The night audit counts the room as sold tonight and does not charge it a second time.
    let clock = innkeep_core::clock::ManualClock::new(t0());
    let audit = innkeep_core::night_audit::run(
        &db.conn,
        &clock,
        &admin,
        innkeep_core::night_audit::RunInput {
            business_date: day(23),
            acknowledged: true,
        },
        |_| {},
    )
    .await
    .unwrap();
    assert_eq!(audit.business_date, day(24));
    assert_eq!(audit.summary.rooms_occupied, 1);
    assert_eq!(audit.summary.room_revenue, "299.00");
    assert_eq!(audit.summary.adr, "299.00");
    let room_charges = posting::Entity::find()
        .filter(posting::Column::Kind.eq("charge"))
        .filter(posting::Column::Night.eq(day(23)))
        .count(&db.conn)
        .await
        .unwrap();
    assert_eq!(room_charges, 1, "tonight was charged once, at check-out");
}

#[tokio::test]
async fn the_deposit_is_applied_and_the_rest_refunded_at_check_out() {
    let t = fresh_db().await;
    let db = &t.db;
    let (admin, rid, gid) = arrival(db).await;
    let r101 = room_id(db, "101").await;
    let mut input = check_in_input(rid, r101, gid);
    input.guests.truncate(1);
    let done = stays::check_in(&db.conn, t0(), &admin, input)
        .await
        .unwrap();

    let e = api(stays::check_out(
        &db.conn,
        t0(),
        &admin,
        CheckOutInput {
            reservation_id: rid,
            apply_deposit: true,
            deposit_refund_method: None,
            settlements: vec![],
            invoice: None,
        },
    )
    .await
    .unwrap_err());
    assert_eq!(e.key, "errors.stay.early_departure", "two nights booked");

    // A one-night stay: book it so, then check out the same day.
    let (std, bar) = (done.reservation.room_type_id, done.reservation.rate_plan_id);
    let one = reservations::create(&db.conn, t0(), &admin, booking(std, bar, day(23), 1))
        .await
        .unwrap();
    let r102 = room_id(db, "102").await;
    let mut input = check_in_input(one[0].id, r102, one[0].guest_id);
    input.guests.truncate(1);
    input.guests[0].guest.name = "张伟".into();
    let second = stays::check_in(&db.conn, t0(), &admin, input)
        .await
        .unwrap();
    let no_method = CheckOutInput {
        reservation_id: one[0].id,
        apply_deposit: true,
        deposit_refund_method: None,
        settlements: vec![],
        invoice: None,
    };
    let e = api(stays::check_out(&db.conn, t0(), &admin, no_method.clone())
        .await
        .unwrap_err());
    assert_eq!(e.key, "errors.stay.deposit_refund_method");
    assert!(e.params["amount"].contains("201.00"), "{:?}", e.params);

    let out = stays::check_out(
        &db.conn,
        t0(),
        &admin,
        CheckOutInput {
            deposit_refund_method: Some("cash".into()),
            ..no_method
        },
    )
    .await
    .unwrap();
    assert!(out.invoices.is_empty());
    let t = folios::folio_balance(&db.conn, second.folio_id)
        .await
        .unwrap();
    assert_eq!((t.balance, t.deposit_held), (Decimal::ZERO, Decimal::ZERO));
    let refunds: Vec<i64> = posting::Entity::find()
        .filter(posting::Column::FolioId.eq(second.folio_id))
        .filter(posting::Column::Kind.eq("deposit_refund"))
        .all(&db.conn)
        .await
        .unwrap()
        .iter()
        .map(|p| p.amount_minor)
        .collect();
    assert_eq!(refunds.iter().map(|m| m.abs()).sum::<i64>(), 20100);
}

#[tokio::test]
async fn sixteen_check_outs_at_once_take_gapless_invoice_numbers() {
    use innkeep_core::rooms::{self, BulkRooms};
    let t = fresh_db().await;
    let db = &t.db;
    let admin = hotel(db).await;
    let (std, bar, _, _) = rooms_and_rates(db, &admin).await;
    rooms::create_rooms(
        &db.conn,
        t0(),
        &admin,
        BulkRooms {
            from: 106,
            to: 116,
            floor: 1,
            room_type_id: std,
            features: vec![],
        },
    )
    .await
    .unwrap();
    let mut stays_made = Vec::new();
    for n in 101..=116 {
        let done = stays::walk_in(
            &db.conn,
            t0(),
            &admin,
            WalkInInput {
                room_id: room_id(db, &n.to_string()).await,
                rate_plan_id: bar,
                departure: day(24),
                adults: 1,
                children: 0,
                allow_dirty: false,
                key_card: String::new(),
                guests: vec![guest(&format!("Guest {n}"), "440304198506151237")],
                deposit: None,
            },
        )
        .await
        .unwrap();
        stays_made.push(done);
    }
    let mut tasks = Vec::new();
    for s in stays_made {
        let (conn, admin) = (db.conn.clone(), admin.clone());
        tasks.push(tokio::spawn(async move {
            stays::check_out(
                &conn,
                t0(),
                &admin,
                CheckOutInput {
                    reservation_id: s.reservation.id,
                    apply_deposit: false,
                    deposit_refund_method: None,
                    settlements: vec![settle(s.folio_id, "alipay")],
                    invoice: Some(Buyer {
                        name: s.reservation.guest_name.clone(),
                        taxpayer_id: String::new(),
                    }),
                },
            )
            .await
        }));
    }
    let mut numbers = Vec::new();
    for t in tasks {
        let out = t.await.unwrap().unwrap();
        numbers.push(out.invoices[0].number.clone());
    }
    numbers.sort();
    let expected: Vec<String> = (1..=16).map(|n| format!("INV{n:06}")).collect();
    assert_eq!(numbers, expected);
}
