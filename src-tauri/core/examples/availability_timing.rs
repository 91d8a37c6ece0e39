//! Times the 30-night availability query on the demo hotel (release build):
//! `cargo run --release -p innkeep-core --example availability_timing`.
//! Prints the median and p95 of 500 runs; the full benchmark harness comes with `cargo xtask bench`.

use std::time::Instant;

use chrono::{Duration, Utc};
use innkeep_core::{availability, db, demo, property};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let dir = std::env::temp_dir().join(format!("innkeep-availability-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let db = db::open_embedded(&dir.join("innkeep.db"))
        .await
        .expect("open");
    demo::seed_if_empty(&db.conn, Utc::now())
        .await
        .expect("demo hotel");
    let p = property::current(&db.conn)
        .await
        .expect("property")
        .expect("the demo hotel");
    let from = p.business_date;
    let to = from + Duration::days(30);
    let mut times = Vec::new();
    for _ in 0..500 {
        let start = Instant::now();
        let nights = availability::for_range(&db.conn, p.id, from, to)
            .await
            .expect("availability");
        times.push(start.elapsed());
        assert_eq!(nights.len(), 30 * 3);
    }
    times.sort();
    println!(
        "availability, 30 nights × 3 types, demo hotel (24 rooms), SQLite: median {:?}, p95 {:?}, max {:?}",
        times[times.len() / 2],
        times[times.len() * 95 / 100],
        times[times.len() - 1]
    );
    drop(db);
    let _ = std::fs::remove_dir_all(&dir);
}
