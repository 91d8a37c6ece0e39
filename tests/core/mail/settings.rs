//! The SMTP settings and the test e-mail: checked, saved and audited, bad input names the field,
//! and who may see what.

use super::*;

#[tokio::test]
async fn the_test_email_goes_out_at_once_or_says_why_not() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let sink = SmtpSink::start(
        free_port(),
        &t.dir.path().join("mail"),
        SinkOptions::default(),
    );
    mail::send_test(
        &t.db.conn,
        t0(),
        &admin,
        &sink.settings(),
        None,
        "manager@westlake-inn.cn",
    )
    .await
    .unwrap();
    let got = sink.received();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].rcpt_tos, ["manager@westlake-inn.cn"]);
    assert!(got[0].subject.contains("测试邮件"));
    assert!(got[0].message_id.ends_with(">"), "{}", got[0].message_id);

    let down = settings_for(free_port());
    let e = mail::send_test(
        &t.db.conn,
        t0(),
        &admin,
        &down,
        None,
        "manager@westlake-inn.cn",
    )
    .await
    .unwrap_err();
    assert_eq!(e.to_api().key, "errors.mail.unreachable");
    assert_eq!(e.to_api().params["host"], "127.0.0.1");
    let e = mail::send_test(&t.db.conn, t0(), &admin, &sink.settings(), None, "manager")
        .await
        .unwrap_err();
    assert_eq!(e.to_api().params["field"], "testRecipient");
    assert_eq!(audit_count(&t, "mail.test_sent").await, 2);
    assert!(
        outbox(&t, &admin).await.is_empty(),
        "a test e-mail bypasses the out-box"
    );
}

#[tokio::test]
async fn bad_input_names_the_field_and_writes_nothing() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let field = |e: Error| {
        e.to_api()
            .params
            .get("field")
            .cloned()
            .unwrap_or(e.to_api().key)
    };
    let cases: Vec<(NewMessage, &str)> = vec![
        (
            NewMessage {
                to: vec![],
                ..short("a@b.cn", "x")
            },
            "recipients",
        ),
        (short("not an address", "x"), "recipients"),
        (
            NewMessage {
                cc: vec!["x@".into()],
                ..short("a@b.cn", "x")
            },
            "cc",
        ),
        (short("a@b.cn", "  "), "subject"),
        (
            NewMessage {
                body: " ".into(),
                ..short("a@b.cn", "x")
            },
            "body",
        ),
        (
            NewMessage {
                attachments: vec![NewAttachment {
                    file_name: "../etc/passwd".into(),
                    mime_type: "text/plain".into(),
                    content: vec![],
                }],
                ..short("a@b.cn", "x")
            },
            "attachments",
        ),
        (
            NewMessage {
                attachments: vec![NewAttachment {
                    file_name: "big.pdf".into(),
                    mime_type: "application/pdf".into(),
                    content: vec![0; 21 * 1024 * 1024],
                }],
                ..short("a@b.cn", "x")
            },
            "errors.mail.too_large",
        ),
    ];
    for (message, expected) in cases {
        let txn = t.db.conn.begin().await.unwrap();
        let e = mail::enqueue(&txn, t0(), &admin, message)
            .await
            .unwrap_err();
        txn.rollback().await.unwrap();
        assert_eq!(field(e), expected);
    }
    assert!(outbox(&t, &admin).await.is_empty());
    assert_eq!(audit_count(&t, "mail.queued").await, 0);
}

#[tokio::test]
async fn smtp_settings_are_checked_saved_and_audited_without_a_password() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let before = mail::get_settings(&t.db.conn, &admin).await.unwrap();
    assert!(!before.configured);
    let input = |host: &str, port: u32, sender: &str| mail::SmtpSettingsInput {
        host: host.into(),
        port,
        security: mail::Security::StartTls,
        user: String::new(),
        sender_address: sender.into(),
        sender_name: "西湖客栈".into(),
        new_password: None,
        clear_password: false,
    };
    for (bad, field) in [
        (input("smtp qq com", 587, "a@b.cn"), "host"),
        (input("smtp.qq.com", 0, "a@b.cn"), "port"),
        (input("smtp.qq.com", 65536, "a@b.cn"), "port"),
        (input("smtp.qq.com", 587, "frontdesk"), "senderAddress"),
    ] {
        let e = mail::save_settings(&t.db.conn, t0(), &admin, bad)
            .await
            .unwrap_err();
        assert_eq!(e.to_api().params["field"], field);
    }
    assert!(
        !mail::get_settings(&t.db.conn, &admin)
            .await
            .unwrap()
            .configured
    );
    let saved = mail::save_settings(
        &t.db.conn,
        t0(),
        &admin,
        input("SMTP.exmail.qq.com", 587, "frontdesk@westlake-inn.cn"),
    )
    .await
    .unwrap();
    assert!(saved.configured);
    assert_eq!(saved.host, "smtp.exmail.qq.com");
    assert_eq!(saved.password, mail::PasswordState::NotNeeded);
    assert_eq!(mail::get_settings(&t.db.conn, &admin).await.unwrap(), saved);
    assert_eq!(audit_count(&t, "mail.settings_updated").await, 1);
    let stored = mail::stored_settings(&t.db.conn, admin.property_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        mail::password_for(&stored).unwrap(),
        None,
        "no login, no keyring"
    );
}

#[tokio::test]
async fn the_front_desk_sees_the_outbox_but_not_the_smtp_settings() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let desk = staff(&t.db, &admin, "frontdesk", "front_desk").await;
    let maid = staff(&t.db, &admin, "maid", "housekeeping").await;
    let id = queue(&t, &desk, short("guest@example.cn", "From the desk"), t0()).await;
    let seen = outbox(&t, &desk).await;
    assert_eq!(seen[0].queued_by, "frontdesk");
    mail::cancel(&t.db.conn, t0(), &desk, id).await.unwrap();
    let forbidden = |e: Error| e.to_api().code;
    assert_eq!(
        forbidden(
            mail::list(&t.db.conn, &maid, OutboxFilter::default())
                .await
                .unwrap_err()
        ),
        "forbidden"
    );
    assert_eq!(
        forbidden(
            mail::retry_now(&t.db.conn, t0(), &maid, id)
                .await
                .unwrap_err()
        ),
        "forbidden"
    );
    assert_eq!(
        forbidden(mail::get_settings(&t.db.conn, &desk).await.unwrap_err()),
        "forbidden"
    );
    let only_cancelled = OutboxFilter {
        status: Some(MailStatus::Cancelled),
    };
    let screen = mail::outbox(&t.db.conn, &desk, OutboxFilter::default())
        .await
        .unwrap();
    assert!(
        !screen.smtp_configured,
        "nothing leaves before the server is set up"
    );
    assert_eq!(screen.messages.len(), 1);
    assert_eq!(
        mail::list(&t.db.conn, &admin, only_cancelled)
            .await
            .unwrap()
            .len(),
        1
    );
}
