//! A booking confirmation e-mailed to the guest: the real PDF arrives attached at a real SMTP
//! server, addressed to the profile's e-mail unless the desk typed another; no address is a
//! field error and nothing is queued.

use innkeep_core::documents;
use innkeep_core::mail::{self, OutboxFilter};
use innkeep_core::{Error, reservations};
use innkeep_tests::smtp::{SinkOptions, SmtpSink, free_port};
use innkeep_tests::{booking, fresh_db, hotel, rooms_and_rates, t0};

use super::deliver;

#[tokio::test]
async fn the_confirmation_pdf_reaches_the_guest_by_email() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, _, _) = rooms_and_rates(&t.db, &admin).await;
    let mut input = booking(
        std,
        bar,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        2,
    );
    if let Some(g) = input.new_guest.as_mut() {
        g.email = "zhang.wei@example.cn".into();
    }
    let made = reservations::create(&t.db.conn, t0(), &admin, input)
        .await
        .unwrap();
    let no = made[0].booking_no.clone();
    assert_eq!(
        documents::confirmation_recipient(&t.db.conn, &admin, &no)
            .await
            .unwrap(),
        "zhang.wei@example.cn"
    );
    let sink = SmtpSink::start(
        free_port(),
        &t.dir.path().join("mail"),
        SinkOptions::default(),
    );

    documents::email_confirmation(&t.db.conn, t0(), &admin, &no, "")
        .await
        .unwrap();
    let report = deliver(&t, t0(), &sink.settings()).await;
    assert_eq!(report.sent, 1);

    let got = sink.received();
    assert_eq!(got.len(), 1);
    let m = &got[0];
    assert_eq!(m.to, "zhang.wei@example.cn");
    assert!(m.subject.contains(&no), "{}", m.subject);
    assert!(m.subject.starts_with("预订确认 Booking confirmation"));
    let body = m.body.replace("\r\n", "\n");
    assert!(body.contains("张伟 您好"), "{body}");
    assert!(
        body.contains("arrival 2026-12-01, departure 2026-12-03"),
        "{body}"
    );
    let (name, kind, bytes) = &m.attachments[0];
    assert_eq!(name, &format!("confirmation-{no}.pdf"));
    assert_eq!(kind, "application/pdf");
    let rendered = documents::confirmation_pdf(&t.db.conn, &admin, &no)
        .await
        .unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    // The attachment is the confirmation as the preview renders it (the same text; the files
    // differ only in their creation stamps).
    assert_eq!(pdf_text(bytes), pdf_text(&rendered));
}

#[tokio::test]
async fn a_typed_address_wins_and_no_address_at_all_is_a_field_error() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, _, _) = rooms_and_rates(&t.db, &admin).await;
    let made = reservations::create(
        &t.db.conn,
        t0(),
        &admin,
        booking(
            std,
            bar,
            chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            1,
        ),
    )
    .await
    .unwrap();
    let no = made[0].booking_no.clone();

    let err = documents::email_confirmation(&t.db.conn, t0(), &admin, &no, "  ")
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Invalid(i) if i.field == "recipients"),
        "{err:?}"
    );
    let err = documents::email_confirmation(&t.db.conn, t0(), &admin, &no, "not an address")
        .await
        .unwrap_err();
    assert!(matches!(&err, Error::Invalid(_)), "{err:?}");
    assert!(
        mail::list(&t.db.conn, &admin, OutboxFilter::default())
            .await
            .unwrap()
            .is_empty()
    );

    documents::email_confirmation(&t.db.conn, t0(), &admin, &no, "desk@partner-agency.cn")
        .await
        .unwrap();
    let queued = mail::list(&t.db.conn, &admin, OutboxFilter::default())
        .await
        .unwrap();
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].to, "desk@partner-agency.cn");
    assert_eq!(
        (queued[0].about_entity.as_str(), queued[0].about_id.as_str()),
        ("booking", no.as_str())
    );
}

/// The text of a PDF as pdftotext (poppler-utils) extracts it.
fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success(), "pdftotext failed");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("B0000"), "{text}");
    text
}
