//! Invoices and credit notes on a real database: issuing closes the folio, an unsettled folio is
//! refused with its balance, numbers stay gapless and unique under 16 terminals issuing at once,
//! a credit note cancels its invoice once, and the PDFs say what they should (pdftotext).

use std::process::Command;

use chrono::NaiveDate;
use innkeep_core::auth::Actor;
use innkeep_core::db::{self, Backend, Db};
use innkeep_core::documents;
use innkeep_core::entity::{audit_entry, charge_code, folio, invoice, posting};
use innkeep_core::invoices::{self, Buyer, InvoiceFilter, SeriesInput};
use innkeep_core::reservations;
use innkeep_core::{ApiError, Error};
use innkeep_tests::{booking, fresh_db, hotel, rooms_and_rates, staff, t0};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

/// A charge code with a tax rate in basis points: one of the hotel's defaults (setup creates
/// ROOM, BREAKFAST …) or a new one.
async fn code(db: &Db, admin: &Actor, code: &str, zh: &str, bp: i32) -> i32 {
    let existing = charge_code::Entity::find()
        .filter(charge_code::Column::PropertyId.eq(admin.property_id))
        .filter(charge_code::Column::Code.eq(code))
        .one(&db.conn)
        .await
        .unwrap();
    if let Some(c) = existing {
        assert_eq!(c.tax_rate_bp, bp, "the default {code} has another tax rate");
        return c.id;
    }
    charge_code::ActiveModel {
        property_id: Set(admin.property_id),
        code: Set(code.into()),
        name_zh: Set(zh.into()),
        name_en: Set(code.into()),
        department: Set("rooms".into()),
        tax_rate_bp: Set(bp),
        active: Set(true),
        ..Default::default()
    }
    .insert(&db.conn)
    .await
    .unwrap()
    .id
}

async fn open_folio(db: &Db, admin: &Actor, reservation_id: i32, n: usize) -> i32 {
    folio::ActiveModel {
        property_id: Set(admin.property_id),
        reservation_id: Set(reservation_id),
        number: Set(format!("F{n:06}")),
        label: Set(String::new()),
        payer_name: Set(String::new()),
        company_account: Set(false),
        credit_limit_minor: Set(None),
        state: Set("open".into()),
        opened_at: Set(t0()),
        closed_at: Set(None),
        ..Default::default()
    }
    .insert(&db.conn)
    .await
    .unwrap()
    .id
}

/// Posts a line dated the business date: a charge with a code and included tax, or a payment.
async fn post(db: &Db, admin: &Actor, folio_id: i32, code: Option<i32>, amount: i64, tax: i64) {
    let (kind, method) = if code.is_some() {
        ("charge", "")
    } else {
        ("payment", "wechat")
    };
    posting::ActiveModel {
        property_id: Set(admin.property_id),
        folio_id: Set(folio_id),
        kind: Set(kind.into()),
        charge_code_id: Set(code),
        payment_method: Set(method.into()),
        amount_minor: Set(amount),
        tax_minor: Set(tax),
        business_date: Set(day(23)),
        posted_at: Set(t0()),
        user_id: Set(admin.user_id),
        description: Set(String::new()),
        ..Default::default()
    }
    .insert(&db.conn)
    .await
    .unwrap();
}

/// A hotel with one booking and a folio holding a room night (299.00, 6 % = 16.92 included)
/// and a breakfast (68.00 at 6 % = 3.85); returns (admin, folio id, room code, reservation).
async fn setup(db: &Db) -> (Actor, i32, i32, i32) {
    let admin = hotel(db).await;
    let (std, bar, _, _) = rooms_and_rates(db, &admin).await;
    let made = reservations::create(&db.conn, t0(), &admin, booking(std, bar, day(23), 1))
        .await
        .unwrap();
    let room = code(db, &admin, "ROOM", "房费", 600).await;
    let brk = code(db, &admin, "BRK", "早餐", 600).await;
    let f = open_folio(db, &admin, made[0].id, 1).await;
    post(db, &admin, f, Some(room), 29900, 1692).await;
    post(db, &admin, f, Some(brk), 6800, 385).await;
    (admin, f, room, made[0].id)
}

fn buyer(name: &str, taxpayer_id: &str) -> Buyer {
    Buyer {
        name: name.into(),
        taxpayer_id: taxpayer_id.into(),
    }
}

fn api(e: Error) -> ApiError {
    e.to_api()
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
    let text = String::from_utf8(out.stdout)
        .unwrap()
        .replace(['\u{a0}', '\n'], " ");
    let pages = text.matches('\u{c}').count();
    (text, pages)
}

fn assert_has(text: &str, expected: &[&str]) {
    for e in expected {
        assert!(text.contains(e), "missing {e:?} in:\n{text}");
    }
}

#[tokio::test]
async fn an_unsettled_folio_is_refused_with_its_balance_and_takes_no_number() {
    let t = fresh_db().await;
    let (admin, f, _, _) = setup(&t.db).await;
    let refused = invoices::issue(&t.db.conn, t0(), &admin, f, buyer("张伟", ""))
        .await
        .unwrap_err();
    let e = api(refused);
    assert_eq!(e.key, "errors.invoice.not_settled");
    assert_eq!(e.params["balance"], "CNY\u{a0}367.00");
    let folio_row = folio::Entity::find_by_id(f)
        .one(&t.db.conn)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(folio_row.state, "open");
    assert_eq!(invoice::Entity::find().count(&t.db.conn).await.unwrap(), 0);
    // The refusal used no number: the first invoice is still number 1.
    post(&t.db, &admin, f, None, -36700, 0).await;
    let made = invoices::issue(&t.db.conn, t0(), &admin, f, buyer("张伟", ""))
        .await
        .unwrap();
    assert_eq!(made.number, "INV000001");
}

#[tokio::test]
async fn issuing_closes_the_folio_and_records_who_and_what() {
    let t = fresh_db().await;
    let (admin, f, _, _) = setup(&t.db).await;
    post(&t.db, &admin, f, None, -36700, 0).await;
    let desk = staff(&t.db, &admin, "li", "front_desk").await;
    let bad = invoices::issue(
        &t.db.conn,
        t0(),
        &desk,
        f,
        buyer("ACME", "91350100M000100Y44"),
    )
    .await
    .unwrap_err();
    assert_eq!(api(bad).params["field"], "taxpayerId");
    let made = invoices::issue(
        &t.db.conn,
        t0(),
        &desk,
        f,
        buyer(" 上海悦行商务咨询有限公司 ", "91350100m000100y43"),
    )
    .await
    .unwrap();
    assert_eq!(made.kind, "invoice");
    assert_eq!(made.buyer_name, "上海悦行商务咨询有限公司");
    assert_eq!(made.taxpayer_id, "91350100M000100Y43");
    assert_eq!((made.total_minor, made.tax_minor), (36700, 2077));
    assert_eq!(made.business_date, day(23));
    let closed = folio::Entity::find_by_id(f)
        .one(&t.db.conn)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(closed.state, "closed");
    assert_eq!(closed.closed_at, Some(t0()));
    let again = invoices::issue(&t.db.conn, t0(), &desk, f, buyer("张伟", ""))
        .await
        .unwrap_err();
    assert_eq!(api(again).key, "errors.invoice.already_invoiced");
    let audit = audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq("invoice.issued"))
        .one(&t.db.conn)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(audit.username, "li");
    assert!(audit.summary.contains("INV000001"), "{}", audit.summary);
    // Housekeeping may not issue invoices.
    let hk = staff(&t.db, &admin, "zhao", "housekeeping").await;
    let listed = invoices::list_invoices(&t.db.conn, &hk, &InvoiceFilter::default()).await;
    assert_eq!(api(listed.unwrap_err()).code, "forbidden");
}

#[tokio::test]
async fn a_folio_without_charges_has_nothing_to_invoice() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, _, _) = rooms_and_rates(&t.db, &admin).await;
    let made = reservations::create(&t.db.conn, t0(), &admin, booking(std, bar, day(23), 1))
        .await
        .unwrap();
    let f = open_folio(&t.db, &admin, made[0].id, 1).await;
    let e = invoices::issue(&t.db.conn, t0(), &admin, f, buyer("张伟", ""))
        .await
        .unwrap_err();
    assert_eq!(api(e).key, "errors.invoice.nothing_to_invoice");
}

#[tokio::test]
async fn a_credit_note_cancels_its_invoice_once_and_the_folio_is_invoiced_again() {
    let t = fresh_db().await;
    let (admin, f, _, _) = setup(&t.db).await;
    post(&t.db, &admin, f, None, -36700, 0).await;
    let first = invoices::issue(&t.db.conn, t0(), &admin, f, buyer("张伟", ""))
        .await
        .unwrap();
    // The front desk issues invoices but corrections need the void permission.
    let desk = staff(&t.db, &admin, "li", "front_desk").await;
    let e = invoices::credit_note(&t.db.conn, t0(), &desk, first.id, "wrong buyer")
        .await
        .unwrap_err();
    assert_eq!(api(e).code, "forbidden");
    let e = invoices::credit_note(&t.db.conn, t0(), &admin, first.id, "  ")
        .await
        .unwrap_err();
    assert_eq!(api(e).params["field"], "reason");
    let cn = invoices::credit_note(&t.db.conn, t0(), &admin, first.id, "购买方有误 wrong buyer")
        .await
        .unwrap();
    assert_eq!(cn.number, "CN000001");
    assert_eq!(cn.kind, "credit_note");
    assert_eq!(cn.credits_id, Some(first.id));
    assert_eq!((cn.total_minor, cn.tax_minor), (-36700, -2077));
    let twice = invoices::credit_note(&t.db.conn, t0(), &admin, first.id, "again")
        .await
        .unwrap_err();
    let twice = api(twice);
    assert_eq!(twice.key, "errors.invoice.already_credited");
    assert_eq!(twice.params["creditNote"], "CN000001");
    let of_cn = invoices::credit_note(&t.db.conn, t0(), &admin, cn.id, "x")
        .await
        .unwrap_err();
    assert_eq!(api(of_cn).key, "errors.invoice.not_an_invoice");
    // The folio stays closed; the corrected invoice is the next number of the invoice series.
    let state = folio::Entity::find_by_id(f)
        .one(&t.db.conn)
        .await
        .unwrap()
        .unwrap()
        .state;
    assert_eq!(state, "closed");
    let second = invoices::issue(&t.db.conn, t0(), &admin, f, buyer("ACME Ltd", ""))
        .await
        .unwrap();
    assert_eq!(second.number, "INV000002");
    let list = invoices::list_invoices(&t.db.conn, &admin, &InvoiceFilter::default())
        .await
        .unwrap();
    let numbers: Vec<&str> = list.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(numbers, ["INV000002", "CN000001", "INV000001"]);
    assert_eq!(list[1].credits_number.as_deref(), Some("INV000001"));
    assert_eq!(list[2].credited_by.as_deref(), Some("CN000001"));
    assert_eq!(list[1].total.to_string(), "-367.00");
    let credit_notes = invoices::list_invoices(
        &t.db.conn,
        &admin,
        &InvoiceFilter {
            kind: Some("credit_note".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(credit_notes.len(), 1);
    let acme = invoices::list_invoices(
        &t.db.conn,
        &admin,
        &InvoiceFilter {
            search: Some("ACME".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(acme.len(), 1);
    // The database itself refuses to edit an issued invoice.
    let mut edit: invoice::ActiveModel = first.into();
    edit.buyer_name = Set("edited".into());
    assert!(edit.update(&t.db.conn).await.is_err());
}

/// Connections of their own, as separate terminals have: SQLite files opened again, or the
/// PostgreSQL pool (eight connections).
async fn terminals(db: &Db, n: usize) -> Vec<sea_orm::DatabaseConnection> {
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(match (&db.backend, &db.sqlite_path) {
            (Backend::Embedded, Some(path)) => db::open_embedded(path).await.unwrap().conn,
            _ => db.conn.clone(),
        });
    }
    out
}

#[tokio::test]
async fn sixteen_terminals_issuing_at_once_get_gapless_unique_numbers() {
    let t = fresh_db().await;
    let (admin, first, room, reservation) = setup(&t.db).await;
    post(&t.db, &admin, first, None, -36700, 0).await;
    let mut folios = vec![first];
    for n in 2..=16 {
        let f = open_folio(&t.db, &admin, reservation, n).await;
        post(&t.db, &admin, f, Some(room), 10000 + n as i64, 566).await;
        post(&t.db, &admin, f, None, -(10000 + n as i64), 0).await;
        folios.push(f);
    }
    let conns = terminals(&t.db, 16).await;
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(16));
    let mut tasks = Vec::new();
    for (f, conn) in folios.iter().copied().zip(conns) {
        let (actor, barrier) = (admin.clone(), barrier.clone());
        tasks.push(tokio::spawn(async move {
            barrier.wait().await;
            invoices::issue(&conn, t0(), &actor, f, buyer("张伟", ""))
                .await
                .map(|i| i.number)
        }));
    }
    let mut numbers = Vec::new();
    for task in tasks {
        numbers.push(task.await.unwrap().unwrap());
    }
    numbers.sort();
    let expected: Vec<String> = (1..=16).map(|n| format!("INV{n:06}")).collect();
    assert_eq!(numbers, expected);
    let closed = folio::Entity::find()
        .filter(folio::Column::State.eq("closed"))
        .count(&t.db.conn)
        .await
        .unwrap();
    assert_eq!(closed, 16);
    let next = invoices::invoice_numbering(&t.db.conn, &admin)
        .await
        .unwrap();
    assert_eq!(next.invoice.next_formatted, "INV000017");
}

#[tokio::test]
async fn the_series_can_be_renumbered_forward_only() {
    let t = fresh_db().await;
    let (admin, f, _, _) = setup(&t.db).await;
    post(&t.db, &admin, f, None, -36700, 0).await;
    let desk = staff(&t.db, &admin, "li", "front_desk").await;
    let input = |next| SeriesInput {
        code: "INV".into(),
        prefix: "fp-".into(),
        next_number: next,
        width: 4,
    };
    let e = invoices::save_series(&t.db.conn, t0(), &desk, input(100)).await;
    assert_eq!(api(e.unwrap_err()).code, "forbidden");
    let saved = invoices::save_series(&t.db.conn, t0(), &admin, input(100))
        .await
        .unwrap();
    assert_eq!(saved.next_formatted, "FP-0100");
    let back = invoices::save_series(&t.db.conn, t0(), &admin, input(99))
        .await
        .unwrap_err();
    assert_eq!(api(back).params["field"], "nextNumber");
    let made = invoices::issue(&t.db.conn, t0(), &admin, f, buyer("张伟", ""))
        .await
        .unwrap();
    assert_eq!(made.number, "FP-0100");
}

#[tokio::test]
async fn invoice_credit_note_folio_and_registration_card_read_right() {
    let t = fresh_db().await;
    let (admin, f, _, reservation) = setup(&t.db).await;
    post(&t.db, &admin, f, None, -36700, 0).await;
    let inv = invoices::issue(
        &t.db.conn,
        t0(),
        &admin,
        f,
        buyer("上海悦行商务咨询有限公司", "91350100M000100Y43"),
    )
    .await
    .unwrap();
    let pdf = documents::invoice_pdf(&t.db.conn, &admin, inv.id)
        .await
        .unwrap();
    assert!(pdf.len() < 100 * 1024, "{} bytes", pdf.len());
    let (text, pages) = text_of(&pdf);
    assert_eq!(pages, 1);
    assert_has(
        &text,
        &[
            "发票",
            "Invoice",
            "INV000001",
            "上海悦行商务咨询有限公司",
            "91350100M000100Y43",
            "Test Inn 测试酒店",
            "房费 Room",
            "早餐 BRK",
            "6%",
            "282.08",
            "16.92",
            "299.00",
            "价税合计 Total (CNY)",
            "367.00",
            "20.77",
            "张伟",
            "第 1 / 1 页 · Page 1 of 1",
        ],
    );
    let cn = invoices::credit_note(&t.db.conn, t0(), &admin, inv.id, "购买方有误 wrong buyer")
        .await
        .unwrap();
    let (text, _) = text_of(
        &documents::invoice_pdf(&t.db.conn, &admin, cn.id)
            .await
            .unwrap(),
    );
    assert_has(
        &text,
        &[
            "贷项通知单",
            "Credit note",
            "CN000001",
            "INV000001",
            "购买方有误 wrong buyer",
            "-367.00",
            "-20.77",
        ],
    );
    let (text, _) = text_of(&documents::folio_pdf(&t.db.conn, &admin, f).await.unwrap());
    assert_has(
        &text,
        &[
            "宾客账单",
            "Guest folio",
            "F000001",
            "张伟",
            "微信支付 WeChat Pay",
            "367.00",
            "余额 Balance (CNY)",
            "0.00",
        ],
    );
    // The desk sees the ID number masked; a manager sees it whole.
    let g = innkeep_core::entity::guest::Entity::find()
        .one(&t.db.conn)
        .await
        .unwrap()
        .unwrap();
    let mut g: innkeep_core::entity::guest::ActiveModel = g.into();
    g.id_type = Set("resident_id".into());
    g.id_number = Set("11010519491231002X".into());
    g.update(&t.db.conn).await.unwrap();
    let desk = staff(&t.db, &admin, "li", "front_desk").await;
    let card = documents::registration_card_pdf(&t.db.conn, &desk, reservation)
        .await
        .unwrap();
    let (text, pages) = text_of(&card);
    assert_eq!(pages, 1);
    assert_has(
        &text,
        &[
            "入住登记单",
            "Registration card",
            "张伟",
            "110***********002X",
            "居民身份证",
            "门市价",
            "宾客签名 Guest signature",
        ],
    );
    assert!(!text.contains("11010519491231002X"));
    let manager = staff(&t.db, &admin, "wang", "manager").await;
    let (text, _) = text_of(
        &documents::registration_card_pdf(&t.db.conn, &manager, reservation)
            .await
            .unwrap(),
    );
    assert!(text.contains("11010519491231002X"));
}

#[tokio::test]
async fn a_long_folio_carries_its_totals_over_to_the_next_page() {
    let t = fresh_db().await;
    let (admin, f, room, _) = setup(&t.db).await;
    for _ in 0..80 {
        post(&t.db, &admin, f, Some(room), 1000, 57).await;
    }
    let pdf = documents::folio_pdf(&t.db.conn, &admin, f).await.unwrap();
    let (text, pages) = text_of(&pdf);
    assert!(pages >= 3, "{pages} pages");
    assert_has(
        &text,
        &[
            "转下页 Carried forward",
            "承前页 Brought forward",
            "第 1 / ",
            "余额 Balance (CNY)",
            "1,167.00",
        ],
    );
    assert!(pdf.len() < 100 * 1024, "{} bytes", pdf.len());
}

#[tokio::test]
async fn an_invoice_is_emailed_through_the_outbox_with_its_pdf() {
    use innkeep_core::entity::mail_message;
    let t = fresh_db().await;
    let (admin, f, _, _) = setup(&t.db).await;
    post(&t.db, &admin, f, None, -36700, 0).await;
    let inv = invoices::issue(&t.db.conn, t0(), &admin, f, buyer("张伟", ""))
        .await
        .unwrap();
    let none = documents::email_invoice(&t.db.conn, t0(), &admin, inv.id, "")
        .await
        .unwrap_err();
    assert_eq!(api(none).params["field"], "recipients");
    let id = documents::email_invoice(&t.db.conn, t0(), &admin, inv.id, "guest@example.com")
        .await
        .unwrap();
    let m = mail_message::Entity::find_by_id(id)
        .one(&t.db.conn)
        .await
        .unwrap()
        .unwrap();
    assert!(m.subject.contains("INV000001"), "{}", m.subject);
    assert_eq!(m.about_entity, "invoice");
}
