//! The hotel's database on a small disk: bookings until the disk is full. The desk gets the
//! translated "disk full" error, nothing is half-written, the file stays sound, and once space
//! is freed bookings succeed again. The small disk is a tmpfs with a size limit, mounted in a
//! private mount namespace (`unshare`) so it vanishes with the child process.

use std::process::Command;

use chrono::Days;
use innkeep_core::db::{self, Backend, Db};
use innkeep_core::entity::{guest, reservation, reservation_night};
use innkeep_core::reservations;
use innkeep_tests::{backend, booking, hotel, rooms_and_rates, t0};
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::common::{child, integrity};

const CHILD_DIR: &str = "INNKEEP_DISK_FULL_DIR";
/// The small disk: room for the hotel, a little ballast to free later, and some bookings.
const DISK_SIZE: &str = "6m";
const BALLAST_BYTES: usize = 512 * 1024;

/// Reservations, reservation nights and guests stored (one each per booking).
async fn counts(db: &Db) -> [u64; 3] {
    [
        reservation::Entity::find().count(&db.conn).await.unwrap(),
        reservation_night::Entity::find()
            .count(&db.conn)
            .await
            .unwrap(),
        guest::Entity::find().count(&db.conn).await.unwrap(),
    ]
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Runs in the child process only, inside its mount namespace, with the small disk mounted
/// at `CHILD_DIR`.
#[tokio::test]
async fn child_fills_the_small_disk() {
    let Ok(dir) = std::env::var(CHILD_DIR) else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let db = db::open_embedded(&dir.join("innkeep.sqlite3"))
        .await
        .unwrap();
    let admin = hotel(&db).await;
    let (std_type, bar, _, _) = rooms_and_rates(&db, &admin).await;
    let ballast = dir.join("ballast");
    std::fs::write(&ballast, vec![7u8; BALLAST_BYTES]).unwrap();

    let first = t0().date_naive();
    let book = |i: u64| {
        // Five STD rooms: five bookings a night, night after night.
        reservations::create(
            &db.conn,
            t0(),
            &admin,
            booking(std_type, bar, first + Days::new(i / 5), 1),
        )
    };
    let mut made = 0u64;
    let refusal = loop {
        match book(made).await {
            Ok(_) => made += 1,
            Err(e) => break e,
        }
        assert!(made < 100_000, "the small disk never filled");
    };
    let api = refusal.to_api();
    println!(
        "disk full: {made} bookings fit, then {} ({refusal})",
        api.key
    );
    assert_eq!(api.key, "errors.db.disk_full", "{refusal:?}");

    // Nothing half-written: exactly the bookings that succeeded, the file sound.
    assert_eq!(integrity(&db).await, "ok");
    assert_eq!(
        counts(&db).await,
        [made; 3],
        "bookings, their nights, their guests"
    );
    // Still full: refused the same way, still nothing half-written.
    let again = book(made).await.unwrap_err().to_api();
    assert_eq!(again.key, "errors.db.disk_full");
    assert_eq!(
        counts(&db).await,
        [made; 3],
        "bookings, their nights, their guests"
    );

    // Space freed: bookings go through again.
    std::fs::remove_file(&ballast).unwrap();
    for _ in 0..3 {
        book(made).await.unwrap();
        made += 1;
    }
    assert_eq!(
        counts(&db).await,
        [made; 3],
        "bookings, their nights, their guests"
    );
    assert_eq!(integrity(&db).await, "ok");
    println!("disk full: after freeing {BALLAST_BYTES} bytes, 3 more bookings saved; child ok");
}

#[test]
fn a_full_disk_refuses_clearly_and_writes_resume_once_space_is_freed() {
    if backend() != Backend::Embedded {
        return; // a full disk on a PostgreSQL server is the server's administrator's.
    }
    let dir = tempfile::tempdir().unwrap();
    let disk = dir.path().join("small disk");
    std::fs::create_dir_all(&disk).unwrap();
    let test = child("disk_full::child_fills_the_small_disk");
    let namespace: &[&str] = if is_root() {
        &["--mount", "--propagation", "private"]
    } else {
        &["--map-root-user", "--mount"]
    };
    let out = Command::new("unshare")
        .args(namespace)
        .args([
            "sh",
            "-c",
            "mount -t tmpfs -o size=\"$1\" innkeep-small-disk \"$2\" && shift 2 && exec \"$@\"",
            "sh",
            DISK_SIZE,
        ])
        .arg(&disk)
        .arg(test.get_program())
        .args(test.get_args())
        .env(CHILD_DIR, &disk)
        .output()
        .expect("unshare (util-linux) runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // libtest prints the child's "test … " prefix on the same line as its first output.
    for line in stdout
        .lines()
        .filter_map(|l| l.find("disk full:").map(|i| &l[i..]))
    {
        println!("{line}");
    }
    assert!(
        out.status.success(),
        "the child failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
    assert!(
        stdout.contains("child ok"),
        "the child did not run:\n{stdout}\n{stderr}"
    );
    assert!(
        std::fs::read_dir(&disk).unwrap().next().is_none(),
        "the small disk was private to the child"
    );
}
