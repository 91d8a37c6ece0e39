//! What the reliability tests share: their sizes (short by default, long under `cargo xtask
//! soak`), the seed, opening the test database again from another connection or process, and
//! the database's own checks.

use std::process::Command;

use innkeep_core::auth::{self, Actor};
use innkeep_core::db::Db;
use innkeep_core::entity::property;
use sea_orm::EntityTrait;

/// A size from `INNKEEP_SOAK_<name>`, or the short one of the CI suite.
pub fn size(name: &str, short: u64) -> u64 {
    std::env::var(format!("INNKEEP_SOAK_{name}"))
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(short)
}

/// The seed of this run: `INNKEEP_SOAK_SEED`, or a fresh one (printed, to replay a failure).
pub fn seed(test: &str) -> u64 {
    let seed = std::env::var("INNKEEP_SOAK_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(rand::random::<u64>);
    println!("{test}: seed {seed} (replay with INNKEEP_SOAK_SEED={seed})");
    seed
}

pub use innkeep_tests::{integrity, name_of, open_named};

/// The hotel's administrator, as another terminal signs in.
pub async fn admin_of(db: &Db) -> Actor {
    let hotel = property::Entity::find()
        .one(&db.conn)
        .await
        .unwrap()
        .unwrap();
    let admin = auth::find_user(&db.conn, hotel.id, "admin")
        .await
        .unwrap()
        .unwrap();
    auth::actor_for(&db.conn, &admin).await.unwrap()
}

/// This test binary running only the test `name` (a child of the parent test).
pub fn child(name: &str) -> Command {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([name, "--exact", "--nocapture", "--test-threads=1"]);
    cmd
}
