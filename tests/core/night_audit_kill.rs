//! The night audit under stress: two terminals closing the same date at once, and a run killed
//! with SIGKILL half-way through posting (a child process: this test binary re-invoked), on
//! either backend.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use innkeep_core::auth;
use innkeep_core::clock::ManualClock;
use innkeep_core::db::{self, Backend, Db};
use innkeep_core::entity::{night_audit as closed, property, reservation};
use innkeep_core::night_audit::{self, AuditStep};
use innkeep_tests::{fresh_db, integrity, name_of, open_named, t0};
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::night_audit::{business_date, day, input, postings_on, scene};

const CHILD_DB: &str = "INNKEEP_AUDIT_CHILD_DB";
const CHILD_MARKER: &str = "INNKEEP_AUDIT_CHILD_MARKER";

/// Another terminal on the same database: its own connection pool.
async fn second_terminal(db: &Db) -> Db {
    match (db.backend, &db.sqlite_path) {
        (Backend::Embedded, Some(path)) => db::open_embedded(path).await.unwrap(),
        _ => db.clone(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_terminals_closing_one_date_at_once_close_it_once() {
    let t = fresh_db().await;
    let (admin, _) = scene(&t.db, 2).await;
    let other = second_terminal(&t.db).await;
    let clock = ManualClock::new(t0());
    let (a, b) = tokio::join!(
        night_audit::run(&t.db.conn, &clock, &admin, input(day(23), true), |_| {}),
        night_audit::run(&other.conn, &clock, &admin, input(day(23), true), |_| {}),
    );
    let refused = match (a, b) {
        (Ok(_), Err(e)) | (Err(e), Ok(_)) => e.to_api(),
        (a, b) => panic!("exactly one run succeeds: {a:?} / {b:?}"),
    };
    assert_eq!(refused.key, "errors.night_audit.already_run");
    assert_eq!(closed::Entity::find().count(&t.db.conn).await.unwrap(), 1);
    let room_nights = postings_on(&t.db, day(23))
        .await
        .into_iter()
        .filter(|p| p.night == Some(day(23)))
        .count();
    assert_eq!(room_nights, 2, "each in-house night posted once");
    assert_eq!(business_date(&t.db).await, day(24));
}

/// Runs in the child process only: the audit on the database named by `CHILD_DB`, stalling
/// for good after the first room night is posted (and saying so in the marker file).
#[tokio::test]
async fn child_runs_the_audit_and_stalls_half_way() {
    let (Ok(path), Ok(marker)) = (std::env::var(CHILD_DB), std::env::var(CHILD_MARKER)) else {
        return;
    };
    let db = open_named(&path).await;
    let hotel = property::Entity::find()
        .one(&db.conn)
        .await
        .unwrap()
        .unwrap();
    let admin = auth::find_user(&db.conn, hotel.id, "admin")
        .await
        .unwrap()
        .unwrap();
    let admin = auth::actor_for(&db.conn, &admin).await.unwrap();
    let clock = ManualClock::new(t0());
    let _ = night_audit::run(&db.conn, &clock, &admin, input(day(23), true), |p| {
        if p.step == AuditStep::RoomCharges && p.done == 1 {
            std::fs::write(&marker, "half-way").unwrap();
            loop {
                std::thread::sleep(Duration::from_secs(1));
            }
        }
    })
    .await;
    panic!("the child should have been killed half-way");
}

#[tokio::test]
async fn an_audit_killed_half_way_leaves_nothing_posted_and_the_date_unrolled() {
    let t = fresh_db().await;
    let (admin, absent) = scene(&t.db, 3).await;
    let name = name_of(&t.db).await;
    let marker = t.dir.path().join("half-way");
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "night_audit_kill::child_runs_the_audit_and_stalls_half_way",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_DB, &name)
        .env(CHILD_MARKER, &marker)
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !marker.exists() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the child ended before reaching half-way"
        );
        assert!(started.elapsed() < Duration::from_secs(120), "no half-way");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    child.kill().unwrap(); // SIGKILL on unix
    let status = child.wait().unwrap();
    assert!(!status.success());

    let reopened = open_named(&name).await;
    assert_eq!(integrity(&reopened).await, "ok");
    assert!(
        postings_on(&reopened, day(23)).await.is_empty(),
        "nothing posted"
    );
    assert_eq!(business_date(&reopened).await, day(23), "date not rolled");
    assert_eq!(
        closed::Entity::find().count(&reopened.conn).await.unwrap(),
        0
    );
    let r = reservation::Entity::find_by_id(absent)
        .one(&reopened.conn)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(r.state, "confirmed", "not marked a no-show");

    let clock = ManualClock::new(t0());
    let done = night_audit::run(&reopened.conn, &clock, &admin, input(day(23), true), |_| {})
        .await
        .unwrap();
    assert_eq!(done.summary.room_charges, 3);
    assert_eq!(business_date(&reopened).await, day(24));
}
