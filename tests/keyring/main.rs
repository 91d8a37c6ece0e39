//! The PostgreSQL and SMTP passwords in a real OS credential store (Secret Service here, run by
//! `cargo xtask test` under a private D-Bus session with gnome-keyring), and a clear error when
//! the machine has no store at all.

#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what we want

use innkeep_core::db::PostgresServer;
use innkeep_core::secrets::{self, SecretError};

fn server(tag: &str) -> PostgresServer {
    PostgresServer {
        host: "db.hotel.lan".into(),
        port: 5432,
        database: format!("hotel_{tag}"),
        user: "frontdesk".into(),
    }
}

fn mode() -> Option<String> {
    std::env::var("INNKEEP_TEST_KEYRING").ok()
}

#[test]
fn the_password_round_trips_through_the_os_store() {
    if mode().as_deref() != Some("available") {
        eprintln!(
            "skipped: run by `cargo xtask test` with a Secret Service (INNKEEP_TEST_KEYRING=available)"
        );
        return;
    }
    let s = server(&format!("{}", std::process::id()));
    secrets::save_postgres_password(&s, "p@ss wörd 密码").unwrap();
    assert_eq!(secrets::postgres_password(&s).unwrap(), "p@ss wörd 密码");
    secrets::save_postgres_password(&s, "rotated").unwrap();
    assert_eq!(secrets::postgres_password(&s).unwrap(), "rotated");
    secrets::delete_postgres_password(&s).unwrap();
    assert!(matches!(
        secrets::postgres_password(&s),
        Err(SecretError::Missing)
    ));
}

#[test]
fn no_store_on_the_machine_gives_a_clear_error_not_a_crash() {
    if mode().as_deref() != Some("unavailable") {
        eprintln!(
            "skipped: run by `cargo xtask test` without a session bus (INNKEEP_TEST_KEYRING=unavailable)"
        );
        return;
    }
    let e = secrets::save_postgres_password(&server("none"), "pw").unwrap_err();
    assert!(matches!(e, SecretError::Unavailable), "{e}");
    assert_eq!(e.to_api().key, "errors.keyring.unavailable");
}

#[tokio::test]
async fn a_server_down_at_start_up_is_reported_and_nothing_is_lost() {
    use innkeep_core::config::{self, DatabaseChoice, LocalConfig, Paths};
    use innkeep_core::desk::{Desk, Stage};
    if mode().as_deref() != Some("available") {
        eprintln!("skipped: needs a credential store (INNKEEP_TEST_KEYRING=available)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths {
        data_dir: dir.path().into(),
        log_dir: dir.path().into(),
    };
    // Nothing listens on port 1: the hotel's server is "down".
    let down = PostgresServer {
        host: "127.0.0.1".into(),
        port: 1,
        database: "hotel".into(),
        user: "frontdesk".into(),
    };
    secrets::save_postgres_password(&down, "pw").unwrap();
    let saved = LocalConfig {
        database: Some(DatabaseChoice::Postgres(down.clone())),
        ..Default::default()
    };
    config::save(&paths.config_file(), &saved).unwrap();
    let desk = Desk::new(paths.clone(), innkeep_tests::clock(), false);
    let s = desk.status().await.unwrap();
    assert_eq!(s.stage, Stage::ConnectionFailed);
    let e = s.error.unwrap();
    assert_eq!(
        (e.key.as_str(), e.params["port"].as_str()),
        ("errors.db.unreachable", "1")
    );
    assert_eq!(
        desk.retry_connection().await.unwrap().stage,
        Stage::ConnectionFailed
    );
    // The settings and the stored password are untouched, ready for when the server is back.
    assert_eq!(config::load(&paths.config_file()).unwrap(), Some(saved));
    assert_eq!(secrets::postgres_password(&down).unwrap(), "pw");
    secrets::delete_postgres_password(&down).unwrap();
}

#[tokio::test]
async fn the_smtp_password_is_stored_replaced_and_cleared_but_never_shown() {
    use innkeep_core::mail::{self, PasswordState, Security, SmtpSettingsInput};
    if mode().as_deref() != Some("available") {
        eprintln!("skipped: needs a credential store (INNKEEP_TEST_KEYRING=available)");
        return;
    }
    let t = innkeep_tests::fresh_db().await;
    let admin = innkeep_tests::hotel(&t.db).await;
    let now = innkeep_tests::t0();
    let form = |new_password: Option<&str>, clear_password: bool| SmtpSettingsInput {
        host: "smtp.exmail.qq.com".into(),
        port: 465,
        security: Security::Tls,
        user: format!("frontdesk{}@westlake-inn.cn", std::process::id()),
        sender_address: "frontdesk@westlake-inn.cn".into(),
        sender_name: "西湖客栈".into(),
        new_password: new_password.map(str::to_string),
        clear_password,
    };
    let view = mail::save_settings(&t.db.conn, now, &admin, form(Some("s3cret 密码"), false))
        .await
        .unwrap();
    assert_eq!(view.password, PasswordState::Stored);
    let stored = mail::stored_settings(&t.db.conn, admin.property_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        mail::password_for(&stored).unwrap().as_deref(),
        Some("s3cret 密码")
    );
    // Saving other changes keeps it; nothing about it is in the settings row.
    let kept = mail::save_settings(&t.db.conn, now, &admin, form(None, false))
        .await
        .unwrap();
    assert_eq!(kept.password, PasswordState::Stored);
    let row: Option<String> =
        innkeep_core::settings::read(&t.db.conn, admin.property_id, "mail.smtp")
            .await
            .unwrap()
            .map(|v: serde_json::Value| v.to_string());
    assert!(!row.unwrap().contains("s3cret"));
    let cleared = mail::save_settings(&t.db.conn, now, &admin, form(None, true))
        .await
        .unwrap();
    assert_eq!(cleared.password, PasswordState::Missing);
    let e = mail::password_for(&stored).unwrap_err();
    assert_eq!(e.to_api().key, "errors.mail.password_missing");
}
