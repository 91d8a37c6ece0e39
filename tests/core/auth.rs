//! First run, login, lockout and password changes.

use chrono::Duration;
use innkeep_core::Error;
use innkeep_core::auth::{self, AuthError, LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS};
use innkeep_core::setup::{self, CreateAdministratorInput};
use innkeep_core::users;
use innkeep_tests::{PASSWORD, fresh_db, hotel, t0};

#[tokio::test]
async fn a_new_database_has_no_account_at_all() {
    let t = fresh_db().await;
    assert!(!users::any(&t.db.conn).await.unwrap());
    let admin = hotel(&t.db).await;
    for (name, pw) in [("admin", "admin"), ("admin", "password"), ("root", "root")] {
        let err = auth::login(&t.db.conn, t0(), admin.property_id, name, pw)
            .await
            .unwrap_err();
        assert!(
            matches!(err, Error::Auth(AuthError::InvalidCredentials)),
            "{name}/{pw}: {err}"
        );
    }
}

#[tokio::test]
async fn the_administrator_is_created_once() {
    let t = fresh_db().await;
    hotel(&t.db).await;
    let again = setup::create_administrator(
        &t.db.conn,
        t0(),
        "en-US",
        CreateAdministratorInput {
            property_name: "Other".into(),
            currency: "CNY".into(),
            time_zone: "Asia/Shanghai".into(),
            username: "intruder".into(),
            display_name: "Intruder".into(),
            password: PASSWORD.into(),
        },
    )
    .await
    .unwrap_err();
    assert!(matches!(again, Error::SetupAlreadyDone));
}

#[tokio::test]
async fn login_accepts_the_right_password_in_any_letter_case_of_the_name() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let user = auth::login(&t.db.conn, t0(), admin.property_id, " ADMIN ", PASSWORD)
        .await
        .unwrap();
    assert_eq!(user.username, "admin");
    assert_eq!(user.last_login_at, Some(t0()));
    let wrong = auth::login(
        &t.db.conn,
        t0(),
        admin.property_id,
        "admin",
        "not-the-password",
    )
    .await
    .unwrap_err();
    assert!(matches!(wrong, Error::Auth(AuthError::InvalidCredentials)));
}

#[tokio::test]
async fn ten_failures_lock_the_account_for_fifteen_minutes() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let pid = admin.property_id;
    for i in 1..MAX_FAILED_ATTEMPTS {
        let e = auth::login(&t.db.conn, t0(), pid, "admin", "guess")
            .await
            .unwrap_err();
        assert!(
            matches!(e, Error::Auth(AuthError::InvalidCredentials)),
            "attempt {i}"
        );
    }
    let tenth = auth::login(&t.db.conn, t0(), pid, "admin", "guess")
        .await
        .unwrap_err();
    assert!(
        matches!(tenth, Error::Auth(AuthError::AccountLocked { minutes: 15 })),
        "{tenth}"
    );
    // Even the right password is refused while locked, with the minutes left.
    let later = t0() + Duration::minutes(5);
    let locked = auth::login(&t.db.conn, later, pid, "admin", PASSWORD)
        .await
        .unwrap_err();
    assert!(
        matches!(
            locked,
            Error::Auth(AuthError::AccountLocked { minutes: 10 })
        ),
        "{locked}"
    );
    let after = t0() + Duration::minutes(LOCKOUT_MINUTES) + Duration::seconds(1);
    auth::login(&t.db.conn, after, pid, "admin", PASSWORD)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_successful_login_resets_the_failure_count() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    for _ in 0..9 {
        let _ = auth::login(&t.db.conn, t0(), admin.property_id, "admin", "guess").await;
    }
    auth::login(&t.db.conn, t0(), admin.property_id, "admin", PASSWORD)
        .await
        .unwrap();
    let e = auth::login(&t.db.conn, t0(), admin.property_id, "admin", "guess")
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Auth(AuthError::InvalidCredentials)));
}

#[tokio::test]
async fn users_change_their_own_password_after_giving_the_current_one() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let wrong = auth::change_password(&t.db.conn, t0(), &admin, "nope", "brand-new-secret-1")
        .await
        .unwrap_err();
    assert!(matches!(
        wrong,
        Error::Auth(AuthError::WrongCurrentPassword)
    ));
    let weak = auth::change_password(&t.db.conn, t0(), &admin, PASSWORD, "short")
        .await
        .unwrap_err();
    assert_eq!(weak.to_api().key, "errors.validation.password_weak");
    auth::change_password(&t.db.conn, t0(), &admin, PASSWORD, "brand-new-secret-1")
        .await
        .unwrap();
    assert!(
        auth::login(&t.db.conn, t0(), admin.property_id, "admin", PASSWORD)
            .await
            .is_err()
    );
    auth::login(
        &t.db.conn,
        t0(),
        admin.property_id,
        "admin",
        "brand-new-secret-1",
    )
    .await
    .unwrap();
}
