//! The "Shared server" form: bad input and unreachable or refusing servers give messages that
//! say what to fix, and nothing is saved.

use innkeep_core::config::Paths;
use innkeep_core::db::{self, Backend, ConnectionError};
use innkeep_core::desk::{Desk, PostgresInput, Stage};
use innkeep_tests::{backend, clock, pg_server};

fn form(host: &str, port: u32, database: &str, user: &str, password: &str) -> PostgresInput {
    PostgresInput {
        host: host.into(),
        port,
        database: database.into(),
        user: user.into(),
        password: password.into(),
    }
}

#[test]
fn the_form_names_the_field_to_fix() {
    let cases = [
        (
            form("", 5432, "hotel", "innkeep", "pw"),
            "host",
            "errors.validation.required",
        ),
        (
            form("db server", 5432, "hotel", "innkeep", "pw"),
            "host",
            "errors.validation.invalid",
        ),
        (
            form("db", 0, "hotel", "innkeep", "pw"),
            "port",
            "errors.validation.port",
        ),
        (
            form("db", 70000, "hotel", "innkeep", "pw"),
            "port",
            "errors.validation.port",
        ),
        (
            form("db", 5432, "", "innkeep", "pw"),
            "database",
            "errors.validation.required",
        ),
        (
            form("db", 5432, &"x".repeat(64), "innkeep", "pw"),
            "database",
            "errors.validation.too_long",
        ),
        (
            form("db", 5432, "hotel", "", "pw"),
            "user",
            "errors.validation.required",
        ),
        (
            form("db", 5432, "hotel", "innkeep", ""),
            "password",
            "errors.validation.required",
        ),
    ];
    for (input, field, key) in cases {
        let e = input.validate().unwrap_err().to_api();
        assert_eq!((e.params["field"].as_str(), e.key.as_str()), (field, key));
    }
}

#[tokio::test]
async fn an_unreachable_server_is_reported_with_its_address_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths {
        data_dir: dir.path().join("data"),
        log_dir: dir.path().join("logs"),
    };
    let desk = Desk::new(paths.clone(), clock(), false);
    // Port 1 on loopback: nothing listens there.
    let e = desk
        .use_postgres(form("127.0.0.1", 1, "hotel", "innkeep", "pw"))
        .await
        .unwrap_err();
    let api = e.to_api();
    assert_eq!(api.key, "errors.db.unreachable");
    assert_eq!(
        (api.params["host"].as_str(), api.params["port"].as_str()),
        ("127.0.0.1", "1")
    );
    assert!(!paths.config_file().exists());
    assert_eq!(desk.status().await.unwrap().stage, Stage::NeedsConnection);
}

#[tokio::test]
async fn a_wrong_password_or_a_missing_database_is_named() {
    if backend() != Backend::Postgres {
        return;
    }
    let (server, password) = pg_server();
    let e = db::open_postgres(&server, "certainly-not-the-password")
        .await
        .unwrap_err();
    assert!(
        matches!(e, ConnectionError::AuthFailed { ref user } if *user == server.user),
        "{e}"
    );
    let missing = db::PostgresServer {
        database: "no_such_hotel".into(),
        ..server.clone()
    };
    let e = db::open_postgres(&missing, &password).await.unwrap_err();
    assert_eq!(e.to_api().params["database"], "no_such_hotel");
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::new(
        Paths {
            data_dir: dir.path().into(),
            log_dir: dir.path().into(),
        },
        clock(),
        false,
    );
    let input = form(
        &server.host,
        u32::from(server.port),
        &server.database,
        &server.user,
        &password,
    );
    desk.test_connection(input).await.unwrap();
}
