//! The desk's start-up flow, session lock and recovery from a damaged settings file.

use chrono::Duration;
use innkeep_core::config::Paths;
use innkeep_core::desk::{Desk, Stage};
use innkeep_core::setup::CreateAdministratorInput;
use innkeep_core::{Error, auth::AuthError, settings};
use innkeep_tests::{PASSWORD, clock};

fn desk_in(
    dir: &tempfile::TempDir,
) -> (
    Desk,
    std::sync::Arc<innkeep_core::clock::ManualClock>,
    Paths,
) {
    let paths = Paths {
        data_dir: dir.path().join("data"),
        log_dir: dir.path().join("logs"),
    };
    let c = clock();
    (Desk::new(paths.clone(), c.clone(), false), c, paths)
}

fn admin() -> CreateAdministratorInput {
    CreateAdministratorInput {
        property_name: "Harbour Inn 海港客栈".into(),
        currency: "CNY".into(),
        time_zone: "Asia/Shanghai".into(),
        username: "Manager.Wu".into(),
        display_name: "吴经理".into(),
        password: PASSWORD.into(),
    }
}

#[tokio::test]
async fn first_run_goes_wizard_then_administrator_then_login() {
    let dir = tempfile::tempdir().unwrap();
    let (desk, _, paths) = desk_in(&dir);
    let s = desk.status().await.unwrap();
    assert_eq!(s.stage, Stage::NeedsConnection);
    assert_eq!(s.language, "zh-CN");
    assert_eq!(desk.set_language("en-US").await.unwrap().language, "en-US");
    assert!(desk.set_language("fr-FR").await.is_err());
    let s = desk.use_embedded().await.unwrap();
    assert_eq!(s.stage, Stage::NeedsAdmin);
    assert!(paths.database_file().exists());
    let session = desk.create_administrator(admin()).await.unwrap();
    assert_eq!(session.user.username, "manager.wu");
    assert_eq!(session.property.currency, "CNY");
    assert_eq!(session.idle_lock_minutes, 15);
    desk.logout().await.unwrap();
    assert!(matches!(
        desk.acting().await.unwrap_err(),
        Error::Auth(AuthError::NotLoggedIn)
    ));
    // A restart finds everything again.
    let again = Desk::new(paths, clock(), false);
    let s = again.status().await.unwrap();
    assert_eq!((s.stage, s.language.as_str()), (Stage::Ready, "en-US"));
    assert_eq!(s.property_name.as_deref(), Some("Harbour Inn 海港客栈"));
    let e = again
        .login("manager.wu", "wrong-password")
        .await
        .unwrap_err();
    assert_eq!(e.to_api().key, "errors.auth.invalid_credentials");
    again.login("manager.wu", PASSWORD).await.unwrap();
}

#[tokio::test]
async fn the_screen_locks_after_the_idle_time_and_the_password_unlocks_it() {
    let dir = tempfile::tempdir().unwrap();
    let (desk, clock, _) = desk_in(&dir);
    desk.use_embedded().await.unwrap();
    desk.create_administrator(admin()).await.unwrap();
    let (db, actor) = desk.acting().await.unwrap();
    settings::update(
        &db.conn,
        clock_now(&clock),
        &actor,
        settings::SettingsView {
            idle_lock_minutes: 5,
        },
    )
    .await
    .unwrap();
    desk.lock().await.unwrap();
    desk.unlock(PASSWORD).await.unwrap();
    clock.advance(Duration::minutes(4));
    desk.touch().await.unwrap();
    clock.advance(Duration::minutes(4));
    desk.acting().await.unwrap();
    clock.advance(Duration::minutes(6));
    assert!(matches!(
        desk.acting().await.unwrap_err(),
        Error::Auth(AuthError::SessionLocked)
    ));
    assert!(desk.session_view().await.unwrap().unwrap().locked);
    let wrong = desk.unlock("not-it").await.unwrap_err();
    assert_eq!(wrong.to_api().key, "errors.auth.invalid_credentials");
    assert!(matches!(
        desk.acting().await.unwrap_err(),
        Error::Auth(AuthError::SessionLocked)
    ));
    desk.unlock(PASSWORD).await.unwrap();
    desk.acting().await.unwrap();
}

fn clock_now(c: &innkeep_core::clock::ManualClock) -> chrono::DateTime<chrono::Utc> {
    use innkeep_core::clock::Clock;
    c.now()
}

#[tokio::test]
async fn a_damaged_settings_file_is_reported_and_moved_aside_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let (desk, _, paths) = desk_in(&dir);
    std::fs::create_dir_all(&paths.data_dir).unwrap();
    std::fs::write(
        paths.config_file(),
        "{\"version\": 1, \"database\": {\"kind\": ",
    )
    .unwrap();
    let s = desk.status().await.unwrap();
    assert_eq!(s.stage, Stage::ConfigDamaged);
    let err = s.error.unwrap();
    assert_eq!(err.key, "errors.setup.config_damaged");
    assert!(err.params["path"].ends_with("innkeep.json"));
    let s = desk.reset_configuration().await.unwrap();
    assert_eq!(s.stage, Stage::NeedsConnection);
    let kept = std::fs::read_dir(&paths.data_dir)
        .unwrap()
        .filter_map(Result::ok)
        .any(|e| e.file_name().to_string_lossy().contains("damaged"));
    assert!(kept, "the damaged file is kept for support");
}

#[tokio::test]
async fn the_demo_hotel_has_rooms_staff_and_todays_guests() {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths {
        data_dir: dir.path().join("demo"),
        log_dir: dir.path().join("logs"),
    };
    let desk = Desk::new(paths, clock(), true);
    let s = desk.status().await.unwrap();
    assert_eq!(s.stage, Stage::Ready);
    assert_eq!(s.demo_accounts.len(), 5);
    let fd = s
        .demo_accounts
        .iter()
        .find(|a| a.role == "front_desk")
        .unwrap();
    desk.login(&fd.username, &fd.password).await.unwrap();
    let (db, actor) = desk.acting().await.unwrap();
    let d = innkeep_core::dashboard::today(&db.conn, &actor)
        .await
        .unwrap();
    assert_eq!(d.rooms_total, 24);
    assert!(
        d.arrivals > 0 && d.in_house > 0 && d.departures > 0,
        "{d:?}"
    );
}
