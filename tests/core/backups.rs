//! Backups of the embedded database: verified snapshots, restore with a safety copy, damaged
//! files refused, scheduled retention. On PostgreSQL the server is backed up instead.

use std::sync::{Arc, Mutex};

use chrono::Duration;
use innkeep_core::backup::{self, BackupKind, BackupSchedule, BackupStep};
use innkeep_core::clock::{Clock, ManualClock};
use innkeep_core::config::Paths;
use innkeep_core::db::Backend;
use innkeep_core::desk::{Desk, Stage};
use innkeep_core::setup::CreateAdministratorInput;
use innkeep_core::{Error, users};
use innkeep_tests::{PASSWORD, backend, clock, fresh_db, hotel, staff, t0};

/// An embedded-database desk with a hotel, its administrator logged in; the clock stands at
/// 10:00 UTC (18:00 in the hotel's Shanghai time zone).
async fn desk_with_hotel(dir: &std::path::Path) -> (Desk, std::sync::Arc<ManualClock>, Paths) {
    let paths = Paths {
        data_dir: dir.join("data"),
        log_dir: dir.join("logs"),
    };
    let clock = clock();
    let desk = Desk::new(paths.clone(), clock.clone(), false);
    assert_eq!(desk.use_embedded().await.unwrap().stage, Stage::NeedsAdmin);
    let admin = CreateAdministratorInput {
        property_name: "Backup Inn".into(),
        currency: "CNY".into(),
        time_zone: "Asia/Shanghai".into(),
        username: "admin".into(),
        display_name: "Admin".into(),
        password: PASSWORD.into(),
    };
    desk.create_administrator(admin).await.unwrap();
    (desk, clock, paths)
}

#[tokio::test]
async fn postgres_hotels_are_backed_up_on_the_server() {
    if backend() != Backend::Postgres {
        return;
    }
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let e = backup::create(
        &t.db,
        t0(),
        &admin,
        t.dir.path(),
        BackupKind::Manual,
        &|_| {},
    )
    .await
    .unwrap_err();
    assert_eq!(e.to_api().key, "errors.backup.not_embedded");
}

#[tokio::test]
async fn a_backup_is_verified_and_checksummed() {
    if backend() != Backend::Embedded {
        return;
    }
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let steps = Arc::new(Mutex::new(Vec::new()));
    let seen = steps.clone();
    let folder = t.dir.path().join("usb drive");
    let b = backup::create(
        &t.db,
        t0(),
        &admin,
        &folder,
        BackupKind::Manual,
        &move |p| seen.lock().unwrap().push(p.step),
    )
    .await
    .unwrap();
    assert!(b.verified);
    assert_eq!(b.sha256.len(), 64);
    let (sha, size) = backup::sha256_file(std::path::Path::new(&b.path)).unwrap();
    assert_eq!((sha, size as i64), (b.sha256.clone(), b.size_bytes));
    assert!(
        std::fs::read_to_string(format!("{}.sha256", b.path))
            .unwrap()
            .starts_with(&b.sha256)
    );
    assert_eq!(steps.lock().unwrap().last(), Some(&BackupStep::Done));
    backup::verify_file(std::path::Path::new(&b.path))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_damaged_backup_is_refused() {
    if backend() != Backend::Embedded {
        return;
    }
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let b = backup::create(
        &t.db,
        t0(),
        &admin,
        t.dir.path(),
        BackupKind::Manual,
        &|_| {},
    )
    .await
    .unwrap();
    // Flip bytes in the middle of the file: the recorded checksum no longer matches.
    let mut bytes = std::fs::read(&b.path).unwrap();
    let mid = bytes.len() / 2;
    for byte in &mut bytes[mid..mid + 64] {
        *byte ^= 0xff;
    }
    std::fs::write(&b.path, &bytes).unwrap();
    let e = backup::verify_file(std::path::Path::new(&b.path))
        .await
        .unwrap_err();
    assert_eq!(e.to_api().key, "errors.backup.verify_failed");
    // Without its checksum file, SQLite's own check still catches a file that is not a database.
    let junk = t.dir.path().join("junk.sqlite3");
    std::fs::write(
        &junk,
        b"this is not a database at all, just text".repeat(200),
    )
    .unwrap();
    let e = backup::verify_file(&junk).await.unwrap_err();
    assert!(
        matches!(e, Error::Backup(backup::BackupError::VerifyFailed { .. })),
        "{e}"
    );
}

#[tokio::test]
async fn backup_change_restore_brings_the_earlier_state_back() {
    if backend() != Backend::Embedded {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (desk, clock, paths) = desk_with_hotel(dir.path()).await;
    let earlier = desk.backup_now(&|_| {}).await.unwrap();

    // A change after the backup: a new user.
    let (db, admin) = desk.acting().await.unwrap();
    staff(&db, &admin, "late.hire", "front_desk").await;
    assert_eq!(users::list(&db.conn, &admin).await.unwrap().len(), 2);

    clock.advance(Duration::minutes(1));
    let steps = Arc::new(Mutex::new(Vec::new()));
    let seen = steps.clone();
    let status = desk
        .restore_backup(&earlier.path, &move |p| seen.lock().unwrap().push(p.step))
        .await
        .unwrap();
    assert_eq!(status.stage, Stage::Ready);
    assert!(steps.lock().unwrap().contains(&BackupStep::SafetyCopy));
    // The session ended; log in again and find the earlier state.
    assert!(desk.acting().await.is_err());
    desk.login("admin", PASSWORD).await.unwrap();
    let (db, admin) = desk.acting().await.unwrap();
    let names: Vec<String> = users::list(&db.conn, &admin)
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.username)
        .collect();
    assert_eq!(names, ["admin"]);
    // The safety copy holds the state just before the restore.
    let safety: Vec<_> = std::fs::read_dir(paths.safety_dir())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "sqlite3"))
        .collect();
    assert_eq!(safety.len(), 1);
    backup::verify_file(&safety[0].path()).await.unwrap();
    let page = innkeep_core::audit::list(
        &db.conn,
        &admin,
        &innkeep_core::audit::AuditFilter {
            action: Some("backup.restored".into()),
            limit: 5,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(page.total, 1);
}

#[tokio::test]
async fn a_damaged_file_is_not_restored_and_the_books_stay() {
    if backend() != Backend::Embedded {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (desk, _, _) = desk_with_hotel(dir.path()).await;
    let junk = dir.path().join("innkeep-20261101-030000-scheduled.sqlite3");
    std::fs::write(&junk, vec![0_u8; 8192]).unwrap();
    let e = desk
        .restore_backup(&junk.display().to_string(), &|_| {})
        .await
        .unwrap_err();
    assert_eq!(e.to_api().key, "errors.backup.verify_failed");
    // Still logged in, same database.
    let (db, admin) = desk.acting().await.unwrap();
    assert_eq!(users::list(&db.conn, &admin).await.unwrap().len(), 1);
}

#[tokio::test]
async fn the_daily_backup_runs_once_a_day_and_keeps_the_newest() {
    if backend() != Backend::Embedded {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (desk, clock, _) = desk_with_hotel(dir.path()).await;
    let folder = dir.path().join("synced");
    let s = BackupSchedule {
        enabled: true,
        time: "17:30".into(),
        folder: folder.display().to_string(),
        keep: 2,
    };
    desk.save_backup_schedule(s).await.unwrap();
    assert!(desk.run_due_backup().await.unwrap());
    assert!(!desk.run_due_backup().await.unwrap(), "only once a day");
    for _ in 0..3 {
        clock.advance(Duration::days(1));
        assert!(desk.run_due_backup().await.unwrap());
    }
    let kept: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "sqlite3"))
        .collect();
    assert_eq!(kept.len(), 2);
    // Days passed without input: the screen locked meanwhile.
    desk.unlock(PASSWORD).await.unwrap();
    let overview = desk.backup_overview().await.unwrap();
    assert_eq!(
        overview
            .backups
            .iter()
            .filter(|b| b.kind == BackupKind::Scheduled)
            .count(),
        2
    );
    assert!(
        overview
            .backups
            .iter()
            .all(|b| b.created_at >= clock.now() - Duration::days(1))
    );
}

#[tokio::test]
async fn an_unwritable_backup_folder_is_named_in_the_error() {
    if backend() != Backend::Embedded {
        return;
    }
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let file = t.dir.path().join("a-file");
    std::fs::write(&file, b"x").unwrap();
    let s = BackupSchedule {
        enabled: true,
        time: "03:00".into(),
        folder: file.join("sub").display().to_string(),
        keep: 3,
    };
    let e = backup::save_schedule(&t.db, t0(), &admin, s)
        .await
        .unwrap_err();
    assert_eq!(e.to_api().key, "errors.backup.folder");
    let bad_time = BackupSchedule {
        enabled: true,
        time: "25:00".into(),
        folder: t.dir.path().display().to_string(),
        keep: 3,
    };
    assert_eq!(
        backup::save_schedule(&t.db, t0(), &admin, bad_time)
            .await
            .unwrap_err()
            .to_api()
            .params["field"],
        "time"
    );
}
