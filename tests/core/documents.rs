//! Booking confirmations rendered from a real database and read back with `pdftotext`: both
//! languages, the guest, the nights and total, promotion and tax lines, the policy, page
//! numbers, batches, permissions, the audit trail, and a small subset font.

use std::process::Command;

use chrono::NaiveDate;
use innkeep_core::documents::{self, Output};
use innkeep_core::entity::{audit_entry, promotion};
use innkeep_core::rates::{self, RatePlanInput};
use innkeep_core::reservations::{self, RoomRequest};
use innkeep_tests::{booking, fresh_db, hotel, rooms_and_rates, staff, t0};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

/// The text of a PDF (pdftotext, from poppler-utils) on one line, and its page count.
fn text_of(pdf: &[u8]) -> (String, usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success(), "pdftotext failed");
    // Wrapped lines read as one; the currency and its amount are joined by a no-break space.
    let text = String::from_utf8(out.stdout)
        .unwrap()
        .replace(['\u{a0}', '\n'], " ");
    // pdftotext ends every page with a form feed.
    let pages = text.matches('\u{c}').count();
    (text, pages)
}

#[tokio::test]
async fn a_confirmation_shows_the_booking_in_chinese_and_english_on_one_small_page() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, _, _) = rooms_and_rates(&t.db, &admin).await;
    let mut input = booking(std, bar, day(1), 3);
    input.special_requests = "高楼层 High floor, please".into();
    let made = reservations::create(&t.db.conn, t0(), &admin, input)
        .await
        .unwrap();
    let pdf = documents::confirmation_pdf(&t.db.conn, &admin, &made[0].booking_no)
        .await
        .unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.len() < 100 * 1024, "{} bytes", pdf.len());
    let (text, pages) = text_of(&pdf);
    assert_eq!(pages, 1, "{text}");
    for expected in [
        "预订确认",
        "Booking confirmation",
        "Test Inn 测试酒店",
        "B000001",
        "张伟",
        "2026-12-01",
        "2026-12-04",
        "标准间",
        "门市价",
        "299.00",
        "897.00",
        "总计 Total (CNY)",
        "其中含税 Including tax 6%",
        "抵店前 1 天",
        "Free cancellation until 1 day before arrival (2026-11-30 14:00, hotel time)",
        "the first night (CNY 299.00)",
        "高楼层 High floor, please",
        "第 1 / 1 页 · Page 1 of 1",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[tokio::test]
async fn promotion_and_added_tax_are_their_own_lines_and_the_total_is_exact() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, _, _, _) = rooms_and_rates(&t.db, &admin).await;
    let plan = rates::save(
        &t.db.conn,
        t0(),
        &admin,
        RatePlanInput {
            id: None,
            room_type_id: std,
            code: "NET".into(),
            name_zh: "净价".into(),
            name_en: "Net rate".into(),
            kind: "corporate".into(),
            base_price: "1000.10".into(),
            tax_inclusive: false,
            tax_percent: "6".into(),
            min_stay: 1,
            max_stay: None,
            cancel_free_hours: 6,
            cancel_fee: "percent".into(),
            cancel_fee_percent: "50".into(),
            no_show_fee: "whole_stay".into(),
            no_show_fee_percent: "0".into(),
            rules: vec![],
            active: true,
        },
    )
    .await
    .unwrap();
    promotion::ActiveModel {
        property_id: Set(admin.property_id),
        code: Set("WINTER".into()),
        percent_bp: Set(Some(1000)),
        amount_minor: Set(None),
        valid_from: Set(day(1) - chrono::Duration::days(60)),
        valid_to: Set(day(31)),
        usage_limit: Set(None),
        used_count: Set(0),
        ..Default::default()
    }
    .insert(&t.db.conn)
    .await
    .unwrap();
    let mut input = booking(std, plan.id.unwrap(), day(1), 2);
    input.promotion_code = Some("winter".into());
    let made = reservations::create(&t.db.conn, t0(), &admin, input)
        .await
        .unwrap();
    let pdf = documents::confirmation_pdf(&t.db.conn, &admin, "B000001")
        .await
        .unwrap();
    let (text, _) = text_of(&pdf);
    // 2 × 1,000.10 listed, 10 % off = 200.02, 6 % tax added on 1,800.18 = 108.02 (54.01 a night).
    let total = made[0].total.to_string();
    assert_eq!(total, "1908.20");
    for expected in [
        "2,000.20",
        "优惠 Promotion WINTER",
        "-200.02",
        "税费 Tax 6%",
        "108.02",
        "1,908.20",
        "6 小时",
        "Free cancellation until 6 hours before arrival (2026-12-01 08:00, hotel time)",
        "50% of the stay (CNY 954.10)",
        "the whole stay (CNY 1,908.20)",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    assert!(!text.contains("其中含税"));
}

#[tokio::test]
async fn a_long_booking_runs_onto_numbered_pages_and_a_batch_numbers_each_booking() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, dlx, dlx_bar) = rooms_and_rates(&t.db, &admin).await;
    let mut big = booking(std, bar, day(1), 14);
    let room = |room_type_id, rate_plan_id| RoomRequest {
        room_type_id,
        rate_plan_id,
        adults: 1,
        children: 0,
        room_id: None,
    };
    big.rooms = vec![
        room(std, bar),
        room(std, bar),
        room(dlx, dlx_bar),
        room(dlx, dlx_bar),
    ];
    reservations::create(&t.db.conn, t0(), &admin, big)
        .await
        .unwrap();
    reservations::create(&t.db.conn, t0(), &admin, booking(std, bar, day(20), 2))
        .await
        .unwrap();
    let one = documents::confirmation_pdf(&t.db.conn, &admin, "B000001")
        .await
        .unwrap();
    let (text, pages) = text_of(&one);
    assert!(pages >= 2, "{pages} pages");
    assert!(text.contains(&format!("第 1 / {pages} 页 · Page 1 of {pages}")));
    assert!(text.contains(&format!("Page {pages} of {pages}")));
    // 2 × 14 × 299 + 2 × 14 × 499.
    assert!(text.contains("22,344.00"), "{text}");
    // The table's titles repeat on every page the nights continue on.
    assert!(text.matches("Discount").count() >= 5);
    // A batch: the numbers given twice print once, each booking is numbered on its own.
    let batch = documents::confirmations_pdf(
        &t.db.conn,
        &admin,
        &["B000002".into(), " B000001 ".into(), "B000002".into()],
    )
    .await
    .unwrap();
    let (text, all) = text_of(&batch);
    assert_eq!(all, pages + 1);
    assert!(text.contains("Page 1 of 1"));
    assert!(text.contains(&format!("Page 1 of {pages}")));
    assert!(text.find("B000002").unwrap() < text.find("B000001").unwrap());
}

#[tokio::test]
async fn confirmations_need_the_reservation_permission_a_known_booking_and_are_audited() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, _, _) = rooms_and_rates(&t.db, &admin).await;
    reservations::create(&t.db.conn, t0(), &admin, booking(std, bar, day(1), 1))
        .await
        .unwrap();
    let maid = staff(&t.db, &admin, "maid", "housekeeping").await;
    let e = documents::confirmation_pdf(&t.db.conn, &maid, "B000001")
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(e.key, "errors.auth.forbidden");
    let desk = staff(&t.db, &admin, "desk", "front_desk").await;
    documents::confirmation_pdf(&t.db.conn, &desk, "B000001")
        .await
        .unwrap();
    let e = documents::confirmation_pdf(&t.db.conn, &admin, "B999999")
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(
        (e.key.as_str(), e.params["entity"].as_str()),
        ("errors.common.not_found", "booking")
    );
    let e = documents::confirmations_pdf(&t.db.conn, &admin, &[" ".into()])
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(e.params["field"], "bookingNos");
    documents::record_confirmation(
        &t.db.conn,
        t0(),
        &desk,
        Output::Printed,
        &["B000001".into()],
    )
    .await
    .unwrap();
    let printed = audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq("confirmation.printed"))
        .filter(audit_entry::Column::EntityId.eq("B000001"))
        .count(&t.db.conn)
        .await
        .unwrap();
    assert_eq!(printed, 1);
    assert_eq!(
        documents::confirmation_file_name(&["B000001".into()]),
        "confirmation-B000001.pdf"
    );
}

#[tokio::test]
async fn a_cancelled_room_shows_its_fee_and_leaves_the_total() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, _, _) = rooms_and_rates(&t.db, &admin).await;
    let mut two = booking(std, bar, day(1), 2);
    two.rooms.push(two.rooms[0].clone());
    let made = reservations::create(&t.db.conn, t0(), &admin, two)
        .await
        .unwrap();
    reservations::cancel(&t.db.conn, t0(), &admin, made[1].id, "plans changed")
        .await
        .unwrap();
    let pdf = documents::confirmation_pdf(&t.db.conn, &admin, "B000001")
        .await
        .unwrap();
    let (text, _) = text_of(&pdf);
    assert!(text.contains("已取消 Cancelled"), "{text}");
    assert!(
        text.contains("已取消 Cancelled · 未收费 No charge"),
        "{text}"
    );
    // Only the room that still counts is in the total: 2 × 299.
    assert!(text.contains("598.00"));
    assert!(!text.contains("1,196.00"));
}
