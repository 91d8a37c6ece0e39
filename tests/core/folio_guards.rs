//! What a folio refuses or receives from elsewhere: no field takes a full card number, a
//! cancellation fee lands on the folio, and the charge codes start with the defaults.

use chrono::NaiveDate;
use innkeep_core::folios::{self, PaymentInput};
use innkeep_core::reservations;
use innkeep_tests::{booking, fresh_db, hotel, rooms_and_rates, staff, t0};

use crate::folios::{charge, key, stay};

#[tokio::test]
async fn no_field_takes_a_full_card_number() {
    let t = fresh_db().await;
    let (admin, res) = stay(&t.db).await;
    let f = folios::ensure_folio(&t.db.conn, t0(), &admin, res)
        .await
        .unwrap();
    let card = PaymentInput {
        method: "bank_card".into(),
        amount: "100".into(),
        card_brand: "UnionPay".into(),
        card_last4: "1111".into(),
        auth_code: "A1B2C3".into(),
        reference: String::new(),
    };
    let with_pan = PaymentInput {
        reference: "4111 1111 1111 1111".into(),
        ..card.clone()
    };
    let e = folios::post_payment(&t.db.conn, t0(), &admin, f.id, with_pan)
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(
        (e.key.as_str(), e.params["field"].as_str()),
        ("errors.folio.card_number", "reference")
    );
    let pan_as_auth = PaymentInput {
        auth_code: "4111111111111111".into(),
        ..card.clone()
    };
    let e = folios::post_payment(&t.db.conn, t0(), &admin, f.id, pan_as_auth)
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(e.params["field"], "authCode");
    let long_last4 = PaymentInput {
        card_last4: "11111".into(),
        ..card.clone()
    };
    let e = folios::post_payment(&t.db.conn, t0(), &admin, f.id, long_last4)
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(e.params["field"], "cardLast4");
    let mut described = charge("MISC", "10", 1);
    described.description = "paid with 5500-0055-5555-5559".into();
    let e = folios::post_charge(&t.db.conn, t0(), &admin, f.id, described)
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(e.key, "errors.folio.card_number");
    let ok = folios::post_payment(&t.db.conn, t0(), &admin, f.id, card)
        .await
        .unwrap();
    assert_eq!(
        (
            ok.card_brand.as_str(),
            ok.card_last4.as_str(),
            ok.auth_code.as_str()
        ),
        ("UnionPay", "1111", "A1B2C3")
    );
    assert_eq!(
        folios::folio_view(&t.db.conn, &admin, f.id)
            .await
            .unwrap()
            .postings
            .len(),
        1
    );
}

#[tokio::test]
async fn a_cancellation_fee_is_posted_to_the_folio() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, _, _) = rooms_and_rates(&t.db, &admin).await;
    let tomorrow = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let late = reservations::create(&t.db.conn, t0(), &admin, booking(std, bar, tomorrow, 2))
        .await
        .unwrap();
    let free = reservations::create(
        &t.db.conn,
        t0(),
        &admin,
        booking(std, bar, NaiveDate::from_ymd_opt(2026, 12, 20).unwrap(), 2),
    )
    .await
    .unwrap();
    reservations::cancel(&t.db.conn, t0(), &admin, late[0].id, "guest called")
        .await
        .unwrap();
    reservations::cancel(&t.db.conn, t0(), &admin, free[0].id, "plans changed")
        .await
        .unwrap();
    let charged = folios::list_folios(&t.db.conn, &admin, late[0].id)
        .await
        .unwrap();
    assert_eq!(charged.len(), 1);
    assert_eq!(charged[0].totals.charges.to_string(), "299.00");
    let view = folios::folio_view(&t.db.conn, &admin, charged[0].id)
        .await
        .unwrap();
    assert_eq!(view.postings[0].charge_code.as_deref(), Some("CANCEL"));
    assert!(
        folios::list_folios(&t.db.conn, &admin, free[0].id)
            .await
            .unwrap()
            .is_empty(),
        "a free cancellation posts nothing"
    );
}

#[tokio::test]
async fn charge_codes_start_with_the_defaults_and_system_codes_stay_active() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let codes = folios::list_charge_codes(&t.db.conn, &admin, true)
        .await
        .unwrap();
    assert_eq!(codes.len(), 12);
    let minibar = codes.iter().find(|c| c.code == "MINIBAR").unwrap();
    assert_eq!(minibar.tax_percent.to_string(), "13.00");
    let room = codes.iter().find(|c| c.code == "ROOM").unwrap();
    let retire_room = folios::ChargeCodeInput {
        id: Some(room.id),
        code: room.code.clone(),
        name_zh: room.name_zh.clone(),
        name_en: room.name_en.clone(),
        department: room.department.clone(),
        tax_percent: "6".into(),
        active: false,
    };
    let e = folios::save_charge_code(&t.db.conn, t0(), &admin, retire_room)
        .await
        .unwrap_err();
    assert_eq!(key(e), "errors.folio.charge_code_required");
    let spa = folios::save_charge_code(
        &t.db.conn,
        t0(),
        &admin,
        folios::ChargeCodeInput {
            id: None,
            code: "spa".into(),
            name_zh: "水疗".into(),
            name_en: "Spa".into(),
            department: "other".into(),
            tax_percent: "6.5".into(),
            active: true,
        },
    )
    .await
    .unwrap();
    assert_eq!(
        (spa.code.as_str(), spa.tax_percent.to_string().as_str()),
        ("SPA", "6.50")
    );
    let desk = staff(&t.db, &admin, "li", "front_desk").await;
    let e = folios::save_charge_code(
        &t.db.conn,
        t0(),
        &desk,
        folios::ChargeCodeInput {
            id: Some(spa.id),
            code: "SPA".into(),
            name_zh: "水疗".into(),
            name_en: "Spa".into(),
            department: "other".into(),
            tax_percent: "6".into(),
            active: true,
        },
    )
    .await
    .unwrap_err();
    assert_eq!(key(e), "errors.auth.forbidden");
    assert_eq!(
        folios::list_charge_codes(&t.db.conn, &desk, false)
            .await
            .unwrap()
            .len(),
        13
    );
}
