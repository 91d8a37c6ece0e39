//! The reliability tests (`tests/reliability`: race, crash, disk full): their short versions as
//! the `reliability` suite of `cargo xtask test`, and `cargo xtask soak` for the long ones —
//! 32 writers × 10,000 attempts each, 200 kills — on SQLite, then on a throwaway PostgreSQL.
//! The sizes reach the tests as `INNKEEP_SOAK_ATTEMPTS`, `INNKEEP_SOAK_KILLS`, `INNKEEP_SOAK_SEED`.

use std::process::Command;

use crate::postgres::Cluster;
use crate::root;
use crate::sh::{Result, cargo, run};

fn reliability_tests(sizes: &[(&str, String)]) -> Command {
    let mut cmd = cargo();
    cmd.args(["test", "-p", "innkeep-tests", "--test", "reliability"])
        .current_dir(root());
    for (name, value) in sizes {
        cmd.env(format!("INNKEEP_SOAK_{name}"), value);
    }
    cmd
}

/// Both backends, the binary compiled first so the server runs only as long as the tests.
fn on_both_backends(sizes: &[(&str, String)], test_args: &[&str]) -> Result<()> {
    run(reliability_tests(sizes).arg("--no-run"))?;
    run(reliability_tests(sizes)
        .arg("--")
        .args(test_args)
        .env("INNKEEP_TEST_BACKEND", "sqlite"))?;
    let cluster = Cluster::start()?;
    let outcome = run(reliability_tests(sizes)
        .arg("--")
        .args(test_args)
        .env("INNKEEP_TEST_BACKEND", "postgres")
        .env("INNKEEP_TEST_PG_URL", cluster.url()));
    drop(cluster);
    outcome
}

/// The `reliability` suite: the short versions (32 × 30 attempts, 20 kills), figures printed.
pub fn short() -> Result<()> {
    on_both_backends(&[], &["--nocapture"])
}

/// `cargo xtask soak [--kills N] [--attempts N] [--seed N]`.
pub fn soak(args: &[String]) -> Result<()> {
    let mut kills = "200".to_string();
    let mut attempts = "10000".to_string();
    let mut seed = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let value = |name: &str, v: Option<&String>| -> Result<String> {
            v.filter(|v| v.parse::<u64>().is_ok())
                .cloned()
                .ok_or_else(|| format!("`soak {name}` needs a number"))
        };
        match arg.as_str() {
            "--kills" => kills = value(arg, iter.next())?,
            "--attempts" => attempts = value(arg, iter.next())?,
            "--seed" => seed = Some(value(arg, iter.next())?),
            other => {
                return Err(format!(
                    "`soak` does not know `{other}` (--kills N, --attempts N, --seed N)"
                ));
            }
        }
    }
    println!("soak: 32 writers × {attempts} attempts each, {kills} kills");
    let mut sizes = vec![("KILLS", kills), ("ATTEMPTS", attempts)];
    if let Some(seed) = seed {
        sizes.push(("SEED", seed));
    }
    // One test at a time: the long runs should not compete with each other for the disk.
    on_both_backends(&sizes, &["--nocapture", "--test-threads=1"])
}
