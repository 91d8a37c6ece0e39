//! Folios on a real database: charges with their tax, routing, payments and refunds, voids
//! and adjustments, deposits held apart, closed folios and locked dates (the guards on what
//! a folio accepts are in folio_guards.rs).

use chrono::{Duration, NaiveDate};
use innkeep_core::auth::Actor;
use innkeep_core::db::Db;
use innkeep_core::entity::{posting, property};
use innkeep_core::folios::{self, ChargeInput, FolioSearch, OpenFolioInput, PaymentInput, code};
use innkeep_core::reservations;
use innkeep_tests::{booking, fresh_db, hotel, rooms_and_rates, staff, t0};
use rust_decimal::Decimal;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// A hotel with one confirmed reservation; returns the administrator and the reservation id.
pub(crate) async fn stay(db: &Db) -> (Actor, i32) {
    let admin = hotel(db).await;
    let (std, bar, _, _) = rooms_and_rates(db, &admin).await;
    let arrival = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let made = reservations::create(&db.conn, t0(), &admin, booking(std, bar, arrival, 2))
        .await
        .unwrap();
    (admin, made[0].id)
}

pub(crate) fn charge(code: &str, amount: &str, quantity: u32) -> ChargeInput {
    ChargeInput {
        charge_code: code.into(),
        amount: amount.into(),
        quantity,
        description: String::new(),
        night: None,
    }
}

fn pay(method: &str, amount: &str) -> PaymentInput {
    PaymentInput {
        method: method.into(),
        amount: amount.into(),
        ..Default::default()
    }
}

/// Moves the business date as the night audit will (tests only; the audit is another module).
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

async fn totals(db: &Db, folio_id: i32) -> (String, String, String, String) {
    let t = folios::folio_balance(&db.conn, folio_id).await.unwrap();
    (
        t.charges.to_string(),
        t.payments.to_string(),
        t.balance.to_string(),
        t.deposit_held.to_string(),
    )
}

pub(crate) fn key(e: innkeep_core::Error) -> String {
    e.to_api().key
}

#[tokio::test]
async fn charges_carry_their_tax_and_payments_settle_the_balance() {
    let t = fresh_db().await;
    let (admin, res) = stay(&t.db).await;
    let f = folios::ensure_folio(&t.db.conn, t0(), &admin, res)
        .await
        .unwrap();
    assert_eq!(f.number, "F000001");
    let again = folios::ensure_folio(&t.db.conn, t0(), &admin, res)
        .await
        .unwrap();
    assert_eq!(again.id, f.id, "one main folio per reservation");
    let p = folios::post_charge(&t.db.conn, t0(), &admin, f.id, charge("breakfast", "58", 2))
        .await
        .unwrap();
    assert_eq!((p.amount_minor, p.tax_minor), (11600, 657));
    assert_eq!(
        p.business_date,
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    );
    folios::post_payment(&t.db.conn, t0(), &admin, f.id, pay("wechat_pay", "100.00"))
        .await
        .unwrap();
    assert_eq!(
        totals(&t.db, f.id).await,
        (
            "116.00".into(),
            "100.00".into(),
            "16.00".into(),
            "0.00".into()
        )
    );
    let view = folios::folio_view(&t.db.conn, &admin, f.id).await.unwrap();
    assert_eq!(view.postings.len(), 2);
    assert_eq!(view.postings[0].charge_code.as_deref(), Some("BREAKFAST"));
    assert_eq!(view.postings[0].description, "× 2");
    assert_eq!(view.postings[1].amount.to_string(), "-100.00");
    assert_eq!(view.folio.totals.tax.to_string(), "6.57");
    assert_eq!(view.postings[0].username, "admin");
    // Found by booking number, guest name and pinyin; not among the closed ones.
    for text in ["B000001", "张伟", "zw"] {
        let found = folios::search_folios(
            &t.db.conn,
            &admin,
            &FolioSearch {
                text: text.into(),
                state: "open".into(),
            },
        )
        .await
        .unwrap();
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].totals.balance.to_string(), "16.00");
    }
    let closed = folios::search_folios(
        &t.db.conn,
        &admin,
        &FolioSearch {
            text: "B000001".into(),
            state: "closed".into(),
        },
    )
    .await
    .unwrap();
    assert!(closed.is_empty());
    // Bad input names the field and posts nothing.
    for (input, field) in [
        (charge("BREAKFAST", "-5", 1), "amount"),
        (charge("BREAKFAST", "abc", 1), "amount"),
        (charge("BREAKFAST", "1.005", 1), "amount"),
        (charge("BREAKFAST", "5", 0), "quantity"),
    ] {
        let e = folios::post_charge(&t.db.conn, t0(), &admin, f.id, input)
            .await
            .unwrap_err()
            .to_api();
        assert_eq!(e.params["field"], field);
    }
    let e = folios::post_charge(&t.db.conn, t0(), &admin, f.id, charge("NOPE", "5", 1))
        .await
        .unwrap_err();
    assert_eq!(key(e), "errors.folio.unknown_charge_code");
    assert_eq!(totals(&t.db, f.id).await.2, "16.00");
}

#[tokio::test]
async fn charges_follow_the_routing_to_another_folio() {
    let t = fresh_db().await;
    let (admin, res) = stay(&t.db).await;
    let main = folios::ensure_folio(&t.db.conn, t0(), &admin, res)
        .await
        .unwrap();
    let company = folios::open_folio(
        &t.db.conn,
        t0(),
        &admin,
        OpenFolioInput {
            reservation_id: res,
            label: "Company".into(),
            payer_name: "悦居科技有限公司".into(),
            company_account: true,
            credit_limit: "5000".into(),
        },
    )
    .await
    .unwrap();
    assert_eq!(company.number, "F000002");
    folios::route_charges(&t.db.conn, t0(), &admin, res, code::ROOM, company.id)
        .await
        .unwrap();
    let night = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let room = folios::post_room_charge(&t.db.conn, t0(), &admin, res, night, dec("299.00"))
        .await
        .unwrap();
    assert_eq!(room.folio_id, company.id);
    let typed = folios::post_charge(&t.db.conn, t0(), &admin, main.id, charge("ROOM", "50", 1))
        .await
        .unwrap();
    assert_eq!(
        typed.folio_id, company.id,
        "a charge on the guest's folio follows the route"
    );
    let extra = folios::post_charge(
        &t.db.conn,
        t0(),
        &admin,
        main.id,
        charge("MINIBAR", "20", 1),
    )
    .await
    .unwrap();
    assert_eq!(extra.folio_id, main.id);
    assert_eq!(totals(&t.db, company.id).await.2, "349.00");
    assert_eq!(totals(&t.db, main.id).await.2, "20.00");
    let list = folios::list_folios(&t.db.conn, &admin, res).await.unwrap();
    assert_eq!(
        list.iter().map(|f| f.id).collect::<Vec<_>>(),
        [main.id, company.id]
    );
    let view = folios::folio_view(&t.db.conn, &admin, main.id)
        .await
        .unwrap();
    assert_eq!(view.routes[0].folio_number, "F000002");
    // Routing back to the main folio removes the route; the rest moves by transfer.
    folios::route_charges(&t.db.conn, t0(), &admin, res, code::ROOM, main.id)
        .await
        .unwrap();
    let back = folios::post_charge(&t.db.conn, t0(), &admin, main.id, charge("ROOM", "1", 1))
        .await
        .unwrap();
    assert_eq!(back.folio_id, main.id);
    folios::transfer_balance(&t.db.conn, t0(), &admin, main.id, company.id)
        .await
        .unwrap();
    assert_eq!(totals(&t.db, main.id).await.2, "0.00");
    assert_eq!(totals(&t.db, company.id).await.2, "370.00");
}

#[tokio::test]
async fn a_void_is_same_day_only_once_and_needs_the_permission() {
    let t = fresh_db().await;
    let (admin, res) = stay(&t.db).await;
    let desk = staff(&t.db, &admin, "li", "front_desk").await;
    let f = folios::ensure_folio(&t.db.conn, t0(), &admin, res)
        .await
        .unwrap();
    let p = folios::post_charge(&t.db.conn, t0(), &desk, f.id, charge("MINIBAR", "35", 1))
        .await
        .unwrap();
    let e = folios::void_posting(&t.db.conn, t0(), &desk, p.id, "wrong room")
        .await
        .unwrap_err();
    assert_eq!(key(e), "errors.auth.forbidden");
    let e = folios::void_posting(&t.db.conn, t0(), &admin, p.id, " ")
        .await
        .unwrap_err();
    assert_eq!(e.to_api().params["field"], "reason");
    let v = folios::void_posting(&t.db.conn, t0(), &admin, p.id, "wrong room")
        .await
        .unwrap();
    assert_eq!(
        (v.voids_id, v.amount_minor, v.tax_minor),
        (Some(p.id), -3500, -403)
    );
    assert_eq!(totals(&t.db, f.id).await.0, "0.00");
    let twice = folios::void_posting(&t.db.conn, t0(), &admin, p.id, "again")
        .await
        .unwrap_err();
    assert_eq!(key(twice), "errors.folio.already_voided");
    let of_void = folios::void_posting(&t.db.conn, t0(), &admin, v.id, "undo")
        .await
        .unwrap_err();
    assert_eq!(key(of_void), "errors.folio.not_correctable");
    let view = folios::folio_view(&t.db.conn, &admin, f.id).await.unwrap();
    assert_eq!(view.postings[0].voided_by, Some(v.id));
    assert_eq!(view.postings[1].reason, "wrong room");

    // Yesterday's posting is adjusted, not voided.
    let old = folios::post_charge(&t.db.conn, t0(), &admin, f.id, charge("LAUNDRY", "80", 1))
        .await
        .unwrap();
    let today_adjust = folios::adjust_posting(&t.db.conn, t0(), &admin, old.id, "-20", "x")
        .await
        .unwrap_err();
    assert_eq!(key(today_adjust), "errors.folio.adjust_same_date");
    roll_business_date(&t.db, admin.property_id, 1).await;
    let late = folios::void_posting(&t.db.conn, t0(), &admin, old.id, "too late")
        .await
        .unwrap_err();
    assert_eq!(key(late), "errors.folio.void_other_date");
    let e = folios::adjust_posting(&t.db.conn, t0(), &desk, old.id, "-20", "one shirt")
        .await
        .unwrap_err();
    assert_eq!(key(e), "errors.auth.forbidden");
    let a = folios::adjust_posting(&t.db.conn, t0(), &admin, old.id, "-20.00", "one shirt")
        .await
        .unwrap();
    assert_eq!(
        (a.adjusts_id, a.amount_minor, a.tax_minor),
        (Some(old.id), -2000, -113)
    );
    assert_eq!(
        a.business_date,
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    );
    assert_eq!(totals(&t.db, f.id).await.0, "60.00");
}

#[tokio::test]
async fn a_refund_never_exceeds_what_the_method_paid() {
    let t = fresh_db().await;
    let (admin, res) = stay(&t.db).await;
    let f = folios::ensure_folio(&t.db.conn, t0(), &admin, res)
        .await
        .unwrap();
    folios::post_payment(&t.db.conn, t0(), &admin, f.id, pay("cash", "100"))
        .await
        .unwrap();
    let e = folios::refund_payment(&t.db.conn, t0(), &admin, f.id, pay("cash", "150"))
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(
        (e.key.as_str(), e.params["available"].as_str()),
        ("errors.folio.refund_above_paid", "100.00")
    );
    let e = folios::refund_payment(&t.db.conn, t0(), &admin, f.id, pay("alipay", "1"))
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(e.params["available"], "0.00");
    folios::refund_payment(&t.db.conn, t0(), &admin, f.id, pay("cash", "60"))
        .await
        .unwrap();
    let e = folios::refund_payment(&t.db.conn, t0(), &admin, f.id, pay("cash", "50"))
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(e.params["available"], "40.00");
    // Voiding the payment would leave more refunded than paid.
    let paid = folios::folio_view(&t.db.conn, &admin, f.id)
        .await
        .unwrap()
        .postings[0]
        .id;
    let e = folios::void_posting(&t.db.conn, t0(), &admin, paid, "typo")
        .await
        .unwrap_err();
    assert_eq!(key(e), "errors.folio.refund_above_paid");
    assert_eq!(totals(&t.db, f.id).await.2, "-40.00");
}

#[tokio::test]
async fn the_deposit_is_held_apart_then_applied_and_refunded() {
    let t = fresh_db().await;
    let (admin, res) = stay(&t.db).await;
    let f = folios::ensure_folio(&t.db.conn, t0(), &admin, res)
        .await
        .unwrap();
    folios::post_charge(&t.db.conn, t0(), &admin, f.id, charge("ROOM", "299", 1))
        .await
        .unwrap();
    let d = folios::collect_deposit(&t.db.conn, t0(), &admin, f.id, pay("cash", "500"))
        .await
        .unwrap();
    assert!(d.description.contains("F000001"), "{}", d.description);
    assert_eq!(
        totals(&t.db, f.id).await,
        (
            "299.00".into(),
            "0.00".into(),
            "299.00".into(),
            "500.00".into()
        )
    );
    folios::apply_deposit(&t.db.conn, t0(), &admin, f.id, "299")
        .await
        .unwrap();
    assert_eq!(
        totals(&t.db, f.id).await,
        (
            "299.00".into(),
            "299.00".into(),
            "0.00".into(),
            "201.00".into()
        )
    );
    let e = folios::close_folio(&t.db.conn, t0(), &admin, f.id)
        .await
        .unwrap_err();
    assert_eq!(key(e), "errors.folio.deposit_still_held");
    let e = folios::refund_deposit(&t.db.conn, t0(), &admin, f.id, pay("cash", "250"))
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(
        (e.key.as_str(), e.params["held"].as_str()),
        ("errors.folio.deposit_above_held", "201.00")
    );
    folios::refund_deposit(&t.db.conn, t0(), &admin, f.id, pay("cash", "201"))
        .await
        .unwrap();
    let closed = folios::close_folio(&t.db.conn, t0(), &admin, f.id)
        .await
        .unwrap();
    assert_eq!(closed.state, "closed");
    let e = folios::post_charge(&t.db.conn, t0(), &admin, f.id, charge("MISC", "1", 1))
        .await
        .unwrap_err();
    assert_eq!(key(e), "errors.folio.closed");
    let e = folios::post_payment(&t.db.conn, t0(), &admin, f.id, pay("cash", "1"))
        .await
        .unwrap_err();
    assert_eq!(key(e), "errors.folio.closed");
}

#[tokio::test]
async fn a_folio_with_a_balance_does_not_close_and_locked_dates_take_nothing() {
    let t = fresh_db().await;
    let (admin, res) = stay(&t.db).await;
    let f = folios::ensure_folio(&t.db.conn, t0(), &admin, res)
        .await
        .unwrap();
    let p = folios::post_charge(&t.db.conn, t0(), &admin, f.id, charge("PHONE", "12.5", 1))
        .await
        .unwrap();
    let e = folios::close_folio(&t.db.conn, t0(), &admin, f.id)
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(
        (e.key.as_str(), e.params["balance"].as_str()),
        ("errors.folio.not_settled", "12.50")
    );
    // The database itself refuses a posting dated a closed day, and any change of a posting.
    let mut stale: posting::ActiveModel = p.clone().into();
    stale.id = sea_orm::ActiveValue::NotSet;
    stale.business_date = Set(p.business_date - Duration::days(1));
    let e = stale.insert(&t.db.conn).await.unwrap_err();
    assert_eq!(key(folios::posting_db_error(e)), "errors.folio.date_locked");
    let mut edited: posting::ActiveModel = p.clone().into();
    edited.amount_minor = Set(1);
    let e = edited.update(&t.db.conn).await.unwrap_err();
    assert_eq!(key(folios::posting_db_error(e)), "errors.folio.append_only");
    let e = posting::Entity::delete_by_id(p.id)
        .exec(&t.db.conn)
        .await
        .unwrap_err();
    assert_eq!(key(folios::posting_db_error(e)), "errors.folio.append_only");
    assert_eq!(totals(&t.db, f.id).await.2, "12.50");
}
