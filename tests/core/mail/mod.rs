//! E-mail through a real SMTP server on loopback (aiosmtpd, started by each test): a queued
//! message with a PDF arrives intact; a server that is down keeps mail queued with backoff and
//! sends it once back; a refused recipient fails at once; two terminals never send one message
//! twice; bad input names the field; only the right roles see the out-box.

use chrono::{DateTime, Duration, Utc};
use innkeep_core::entity::{audit_entry, mail_message};
use innkeep_core::mail::{
    self, About, MailMessageView, MailStatus, NewAttachment, NewMessage, OutboxFilter, SmtpSettings,
};
use innkeep_core::{Error, auth::Actor, property};
use innkeep_tests::smtp::{SinkOptions, SmtpSink, free_port, settings_for};
use innkeep_tests::{TestDb, fresh_db, hotel, staff, t0};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set, TransactionTrait};

mod confirmation;
mod settings;

/// Bytes that look like a small PDF and include every byte value, so any re-encoding shows.
fn pdf_bytes() -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n".to_vec();
    bytes.extend((0..=255u8).cycle().take(70_000));
    bytes.extend_from_slice(b"\n%%EOF\n");
    bytes
}

fn confirmation(to: &str) -> NewMessage {
    NewMessage {
        to: vec![format!("张伟 <{to}>")],
        cc: vec!["reservations@westlake-inn.cn".into()],
        subject: "预订确认 Booking confirmation B000001".into(),
        body: "尊敬的张伟：\n您的预订已确认。\nDear Zhang Wei,\nyour booking is confirmed.\n"
            .into(),
        about: Some(About {
            entity: "booking".into(),
            id: "B000001".into(),
        }),
        attachments: vec![NewAttachment {
            file_name: "确认单 B000001.pdf".into(),
            mime_type: "application/pdf".into(),
            content: pdf_bytes(),
        }],
    }
}

fn short(to: &str, subject: &str) -> NewMessage {
    NewMessage {
        to: vec![to.into()],
        subject: subject.into(),
        body: "Hello".into(),
        ..Default::default()
    }
}

async fn queue(t: &TestDb, actor: &Actor, message: NewMessage, at: DateTime<Utc>) -> i32 {
    let txn = t.db.conn.begin().await.unwrap();
    let id = mail::enqueue(&txn, at, actor, message).await.unwrap();
    txn.commit().await.unwrap();
    id
}

async fn outbox(t: &TestDb, actor: &Actor) -> Vec<MailMessageView> {
    mail::list(&t.db.conn, actor, OutboxFilter::default())
        .await
        .unwrap()
}

async fn property_id(t: &TestDb) -> i32 {
    property::current(&t.db.conn).await.unwrap().unwrap().id
}

async fn deliver(t: &TestDb, at: DateTime<Utc>, settings: &SmtpSettings) -> mail::DeliveryReport {
    mail::deliver_due(&t.db.conn, at, property_id(t).await, settings, None)
        .await
        .unwrap()
}

async fn audit_count(t: &TestDb, action: &str) -> u64 {
    audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq(action))
        .count(&t.db.conn)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_queued_confirmation_with_its_pdf_arrives_intact() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let sink = SmtpSink::start(
        free_port(),
        &t.dir.path().join("mail"),
        SinkOptions::default(),
    );
    let id = queue(&t, &admin, confirmation("zhang.wei@example.cn"), t0()).await;

    let listed = outbox(&t, &admin).await;
    assert_eq!(listed[0].status, MailStatus::Queued);
    assert_eq!(listed[0].next_attempt_at, Some(t0()));
    assert_eq!(
        listed[0].attachments[0].size_bytes as usize,
        pdf_bytes().len()
    );
    assert_eq!(
        (listed[0].about_entity.as_str(), listed[0].about_id.as_str()),
        ("booking", "B000001")
    );

    let report = deliver(&t, t0(), &sink.settings()).await;
    assert_eq!(report.sent, 1);
    let got = sink.received();
    assert_eq!(got.len(), 1);
    let m = &got[0];
    assert_eq!(m.subject, "预订确认 Booking confirmation B000001");
    assert_eq!(m.to, "张伟 <zhang.wei@example.cn>");
    assert_eq!(m.cc, "reservations@westlake-inn.cn");
    assert_eq!(m.from, "西湖客栈 Front Desk <frontdesk@westlake-inn.cn>");
    assert_eq!(m.mail_from, "frontdesk@westlake-inn.cn");
    assert_eq!(
        m.rcpt_tos,
        ["zhang.wei@example.cn", "reservations@westlake-inn.cn"]
    );
    assert_eq!(
        m.body.replace("\r\n", "\n"),
        "尊敬的张伟：\n您的预订已确认。\nDear Zhang Wei,\nyour booking is confirmed.\n"
    );
    assert_eq!(
        m.message_id,
        format!("<innkeep.1.{id}.{}@westlake-inn.cn>", t0().timestamp())
    );
    assert_eq!(m.attachments.len(), 1);
    let (name, kind, bytes) = &m.attachments[0];
    assert_eq!(name, "确认单 B000001.pdf");
    assert_eq!(kind, "application/pdf");
    assert!(bytes == &pdf_bytes(), "the PDF arrived changed");

    let sent = &outbox(&t, &admin).await[0];
    assert_eq!(sent.status, MailStatus::Sent);
    assert_eq!((sent.attempts, sent.sent_at), (1, Some(t0())));
    assert_eq!(sent.next_attempt_at, None);
    assert_eq!(audit_count(&t, "mail.queued").await, 1);
    assert_eq!(audit_count(&t, "mail.sent").await, 1);
    // Nothing is due any more: the next round sends nothing.
    assert_eq!(
        deliver(&t, t0() + Duration::hours(1), &sink.settings())
            .await
            .sent,
        0
    );
    assert_eq!(sink.received().len(), 1);
}

#[tokio::test]
async fn mail_waits_while_the_server_is_down_and_leaves_once_it_is_back() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let port = free_port();
    let settings = settings_for(port);
    queue(&t, &admin, confirmation("zhang.wei@example.cn"), t0()).await;

    let report = deliver(&t, t0(), &settings).await;
    assert_eq!((report.sent, report.retrying, report.failed), (0, 1, 0));
    let waiting = &outbox(&t, &admin).await[0];
    assert_eq!(waiting.status, MailStatus::Queued);
    assert_eq!(waiting.attempts, 1);
    assert_eq!(waiting.next_attempt_at, Some(t0() + Duration::minutes(1)));
    assert_eq!(waiting.last_error_kind, "unreachable");
    assert!(
        waiting.last_error.contains("127.0.0.1"),
        "{}",
        waiting.last_error
    );

    // Not due yet: a round half a minute later leaves it alone.
    let report = deliver(&t, t0() + Duration::seconds(30), &settings).await;
    assert_eq!(report, mail::DeliveryReport::default());
    assert_eq!(outbox(&t, &admin).await[0].attempts, 1);

    // Still down at the second try: the wait doubles.
    let second = t0() + Duration::minutes(1);
    deliver(&t, second, &settings).await;
    let waiting = &outbox(&t, &admin).await[0];
    assert_eq!((waiting.status, waiting.attempts), (MailStatus::Queued, 2));
    assert_eq!(waiting.next_attempt_at, Some(second + Duration::minutes(2)));

    let sink = SmtpSink::start(port, &t.dir.path().join("mail"), SinkOptions::default());
    let back = second + Duration::minutes(2);
    assert_eq!(deliver(&t, back, &settings).await.sent, 1);
    let sent = &outbox(&t, &admin).await[0];
    assert_eq!((sent.status, sent.attempts), (MailStatus::Sent, 3));
    assert_eq!(sent.last_error_kind, "");
    assert_eq!(sink.received().len(), 1, "sent exactly once");
    assert_eq!(sink.received()[0].attachments[0].2, pdf_bytes());
}

#[tokio::test]
async fn a_refused_recipient_fails_at_once_and_can_be_retried_or_cancelled() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let options = SinkOptions {
        reject_suffix: Some("@nowhere.example".into()),
        ..Default::default()
    };
    let sink = SmtpSink::start(free_port(), &t.dir.path().join("mail"), options);
    let refused = queue(&t, &admin, short("ghost@nowhere.example", "Refused"), t0()).await;
    queue(&t, &admin, short("li.na@example.cn", "Accepted"), t0()).await;

    let report = deliver(&t, t0(), &sink.settings()).await;
    assert_eq!((report.sent, report.failed), (1, 1));
    let received = sink.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].subject, "Accepted");
    let failed = outbox(&t, &admin)
        .await
        .into_iter()
        .find(|m| m.id == refused)
        .unwrap();
    assert_eq!((failed.status, failed.attempts), (MailStatus::Failed, 1));
    assert_eq!(failed.last_error_kind, "rejected");
    assert!(failed.last_error.contains("550"), "{}", failed.last_error);
    assert!(
        failed.last_error.contains("User unknown"),
        "{}",
        failed.last_error
    );
    assert_eq!(audit_count(&t, "mail.failed").await, 1);

    // "Retry now" makes it due again with fresh attempts; it is refused again.
    let later = t0() + Duration::minutes(5);
    mail::retry_now(&t.db.conn, later, &admin, refused)
        .await
        .unwrap();
    let again = outbox(&t, &admin)
        .await
        .into_iter()
        .find(|m| m.id == refused)
        .unwrap();
    assert_eq!((again.status, again.attempts), (MailStatus::Queued, 0));
    assert_eq!(again.next_attempt_at, Some(later));
    assert_eq!(deliver(&t, later, &sink.settings()).await.failed, 1);

    mail::cancel(&t.db.conn, later, &admin, refused)
        .await
        .unwrap();
    let gone = outbox(&t, &admin)
        .await
        .into_iter()
        .find(|m| m.id == refused)
        .unwrap();
    assert_eq!(gone.status, MailStatus::Cancelled);
    let e = mail::retry_now(&t.db.conn, later, &admin, refused)
        .await
        .unwrap_err();
    assert_eq!(e.to_api().key, "errors.mail.wrong_status");
    assert_eq!(e.to_api().params["status"], "cancelled");
    assert_eq!(audit_count(&t, "mail.cancelled").await, 1);
}

#[tokio::test]
async fn two_terminals_delivering_at_once_send_each_message_once() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let sink = SmtpSink::start(
        free_port(),
        &t.dir.path().join("mail"),
        SinkOptions::default(),
    );
    for n in 0..8 {
        queue(
            &t,
            &admin,
            short("guest@example.cn", &format!("Message {n}")),
            t0(),
        )
        .await;
    }
    let settings = sink.settings();
    let (a, b) = tokio::join!(
        mail::deliver_due(&t.db.conn, t0(), admin.property_id, &settings, None),
        mail::deliver_due(&t.db.conn, t0(), admin.property_id, &settings, None),
    );
    assert_eq!(a.unwrap().sent + b.unwrap().sent, 8);
    let mut subjects: Vec<String> = sink.received().into_iter().map(|m| m.subject).collect();
    subjects.sort();
    let expected: Vec<String> = (0..8).map(|n| format!("Message {n}")).collect();
    assert_eq!(subjects, expected);
    assert!(
        outbox(&t, &admin)
            .await
            .iter()
            .all(|m| m.status == MailStatus::Sent && m.attempts == 1)
    );
}

#[tokio::test]
async fn a_message_left_sending_by_a_vanished_terminal_is_sent_after_its_lease() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let sink = SmtpSink::start(
        free_port(),
        &t.dir.path().join("mail"),
        SinkOptions::default(),
    );
    let id = queue(&t, &admin, short("guest@example.cn", "Orphan"), t0()).await;
    // Another terminal claimed it and then lost power.
    mail_message::Entity::update(mail_message::ActiveModel {
        id: Set(id),
        status: Set("sending".into()),
        attempts: Set(1),
        next_attempt_at: Set(t0() + Duration::minutes(10)),
        ..Default::default()
    })
    .exec(&t.db.conn)
    .await
    .unwrap();
    assert_eq!(
        deliver(&t, t0() + Duration::minutes(5), &sink.settings())
            .await
            .sent,
        0
    );
    assert_eq!(
        deliver(&t, t0() + Duration::minutes(10), &sink.settings())
            .await
            .sent,
        1
    );
    assert_eq!(sink.received().len(), 1);
}

#[tokio::test]
async fn a_server_that_wants_a_login_gets_it_and_a_wrong_password_keeps_mail_queued() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let options = SinkOptions {
        login: Some(("frontdesk".into(), "s3cret 密码".into())),
        ..Default::default()
    };
    let sink = SmtpSink::start(free_port(), &t.dir.path().join("mail"), options);
    let settings = SmtpSettings {
        user: "frontdesk".into(),
        ..sink.settings()
    };
    queue(&t, &admin, short("guest@example.cn", "With login"), t0()).await;

    let wrong = mail::deliver_due(
        &t.db.conn,
        t0(),
        admin.property_id,
        &settings,
        Some("wrong"),
    )
    .await
    .unwrap();
    assert_eq!(wrong.retrying, 1);
    let waiting = &outbox(&t, &admin).await[0];
    assert_eq!(
        waiting.status,
        MailStatus::Queued,
        "a login problem is the server's, not the message's"
    );
    assert_eq!(waiting.last_error_kind, "login_refused");
    assert!(
        !waiting.last_error.contains("wrong"),
        "{}",
        waiting.last_error
    );

    let next = t0() + Duration::minutes(1);
    let right = mail::deliver_due(
        &t.db.conn,
        next,
        admin.property_id,
        &settings,
        Some("s3cret 密码"),
    )
    .await
    .unwrap();
    assert_eq!(right.sent, 1);
    assert_eq!(sink.received()[0].login.as_deref(), Some("frontdesk"));
}
