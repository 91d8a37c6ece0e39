//! `cargo xtask test`: every suite in order, stopping at the first failure, then a timed summary.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::deps::{self, Need};
use crate::postgres::{self, Cluster};
use crate::sh::{Result, cargo, npm, run};
use crate::{app_binary, root};

type Step = fn() -> Result<()>;

/// The suites, in the order they run. Setup always runs first.
const SUITES: &[(&str, Step)] = &[
    ("fmt", fmt),
    ("ui-typecheck", || ui(&["run", "typecheck"])),
    ("ui-lint", || ui(&["run", "lint"])),
    ("ui-unit", || ui(&["test"])),
    ("ui-build", || ui(&["run", "build"])),
    ("clippy", clippy),
    ("bindings", bindings),
    ("core-unit", core_unit),
    ("core-sqlite", core_sqlite),
    ("core-postgres", core_postgres),
    ("reliability", crate::soak::short),
    ("keyring-available", keyring_available),
    ("keyring-unavailable", keyring_unavailable),
    ("e2e", e2e),
    ("fuzz-smoke", fuzz_smoke),
];

pub fn test(args: &[String]) -> Result<()> {
    let mut only: Option<Vec<String>> = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--list" => {
                SUITES.iter().for_each(|(name, _)| println!("{name}"));
                return Ok(());
            }
            "--only" => {
                let list = iter
                    .next()
                    .ok_or("--only needs a comma-separated list of suites")?;
                only = Some(list.split(',').map(str::to_string).collect());
            }
            other => {
                return Err(format!(
                    "`test` does not know `{other}` (try --list, --only a,b)"
                ));
            }
        }
    }
    if let Some(names) = &only
        && let Some(unknown) = names.iter().find(|n| !SUITES.iter().any(|(s, _)| s == n))
    {
        return Err(format!(
            "no suite named `{unknown}` (see `cargo xtask test --list`)"
        ));
    }
    // Ctrl-C (and SIGTERM) must not leave a PostgreSQL server or its temp dir behind.
    ctrlc::set_handler(|| {
        eprintln!("\ninterrupted");
        postgres::stop_running();
        std::process::exit(130);
    })
    .map_err(|e| format!("cannot install the Ctrl-C handler: {e}"))?;

    let started = Instant::now();
    let mut summary: Vec<(&str, Duration, &str)> = Vec::new();
    let selected = SUITES
        .iter()
        .filter(|(name, _)| only.as_ref().is_none_or(|o| o.iter().any(|n| n == name)));
    let mut failure = None;
    for (name, step) in std::iter::once(&("setup", setup as Step)).chain(selected) {
        println!("\n======== {name} ========");
        let t = Instant::now();
        let outcome = step();
        let took = t.elapsed();
        match outcome {
            Ok(()) => summary.push((name, took, "ok")),
            Err(e) => {
                summary.push((name, took, "FAILED"));
                failure = Some(format!("suite `{name}` failed: {e}"));
                break;
            }
        }
    }
    println!("\n======== summary ========");
    for (name, took, status) in &summary {
        println!("  {name:<22} {:>8}  {status}", format_duration(*took));
    }
    println!(
        "  {:<22} {:>8}",
        "total",
        format_duration(started.elapsed())
    );
    match failure {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

fn format_duration(d: Duration) -> String {
    let secs = d.as_secs();
    if secs >= 60 {
        format!("{}m{:02}s", secs / 60, secs % 60)
    } else {
        format!("{:.1}s", d.as_secs_f64())
    }
}

fn setup() -> Result<()> {
    deps::ensure_system_packages(Need::Test)?;
    deps::npm_ci_if_needed()?;
    if e2e_supported() {
        deps::tauri_driver()?;
    }
    Ok(())
}

fn fmt() -> Result<()> {
    run(cargo()
        .args(["fmt", "--all", "--", "--check"])
        .current_dir(root()))
}

fn ui(args: &[&str]) -> Result<()> {
    run(npm(args).current_dir(root().join("ui")))
}

fn clippy() -> Result<()> {
    ensure_ui_dist()?;
    run(cargo()
        .args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])
        .current_dir(root()))
}

/// Fails when ui/src/ipc/bindings.ts no longer matches the Rust commands.
fn bindings() -> Result<()> {
    ensure_ui_dist()?;
    run(cargo()
        .args(["test", "-p", "innkeep", "--lib", "bindings"])
        .current_dir(root()))
}

fn core_tests() -> Command {
    let mut cmd = cargo();
    cmd.args(["test", "-p", "innkeep-tests", "--test", "core"])
        .current_dir(root());
    cmd
}

/// The domain crate's own unit and property tests (pure rules: pricing, money, validation …).
fn core_unit() -> Result<()> {
    run(cargo()
        .args(["test", "-p", "innkeep-core", "-p", "innkeep-migrations"])
        .current_dir(root()))
}

fn core_sqlite() -> Result<()> {
    run(core_tests().env("INNKEEP_TEST_BACKEND", "sqlite"))
}

fn core_postgres() -> Result<()> {
    // Compile first so the server runs only as long as the tests need it.
    run(core_tests().arg("--no-run"))?;
    let cluster = Cluster::start()?;
    let outcome = run(core_tests()
        .env("INNKEEP_TEST_BACKEND", "postgres")
        .env("INNKEEP_TEST_PG_URL", cluster.url()));
    drop(cluster);
    outcome
}

fn keyring_tests() -> Command {
    let mut cmd = cargo();
    cmd.args(["test", "-p", "innkeep-tests", "--test", "keyring"])
        .current_dir(root());
    cmd
}

/// Against a real store: gnome-keyring's Secret Service on a private session bus (Linux),
/// Keychain or Credential Manager elsewhere.
fn keyring_available() -> Result<()> {
    if !cfg!(target_os = "linux") {
        return run(keyring_tests().env("INNKEEP_TEST_KEYRING", "available"));
    }
    run(keyring_tests().arg("--no-run"))?;
    let test = keyring_tests();
    let mut cmd = Command::new("dbus-run-session");
    cmd.args(["--", "sh", "-c"])
        .arg(
            "echo -n x | gnome-keyring-daemon --unlock --components=secrets >/dev/null; \
             exec \"$0\" \"$@\"",
        )
        .arg(test.get_program())
        .args(test.get_args())
        .env("INNKEEP_TEST_KEYRING", "available")
        .current_dir(root());
    run(&mut cmd)
}

/// No session bus, so no Secret Service: the app must report it clearly.
fn keyring_unavailable() -> Result<()> {
    if !cfg!(target_os = "linux") {
        println!("(only on Linux: other systems always have their keychain)");
        return Ok(());
    }
    run(keyring_tests()
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env("INNKEEP_TEST_KEYRING", "unavailable"))
}

fn e2e_supported() -> bool {
    // tauri-driver has no WebDriver for macOS' WKWebView.
    !cfg!(target_os = "macos")
}

/// The real app (ui/dist built in, custom-protocol) through tauri-driver + WebKitWebDriver under Xvfb.
fn e2e() -> Result<()> {
    if !e2e_supported() {
        println!("(skipped: tauri-driver does not support macOS)");
        return Ok(());
    }
    ensure_ui_dist()?;
    run(cargo().args(["build", "-p", "innkeep"]).current_dir(root()))?;
    let binary = app_binary("debug");
    let driver = deps::tauri_driver()?;
    let test_args = [
        "test",
        "-p",
        "innkeep-tests",
        "--test",
        "e2e",
        "--",
        "--test-threads=1",
    ];
    run(cargo()
        .args(&test_args[..5])
        .arg("--no-run")
        .current_dir(root()))?;
    let mut cmd = if cfg!(target_os = "linux") {
        let mut xvfb = Command::new("xvfb-run");
        xvfb.args(["-a", "-s", "-screen 0 1280x800x24"])
            .arg(cargo().get_program());
        xvfb
    } else {
        cargo()
    };
    cmd.args(test_args)
        .env("INNKEEP_APP_BINARY", &binary)
        .env("INNKEEP_TAURI_DRIVER", &driver)
        .current_dir(root());
    run(&mut cmd)?;
    println!(
        "screenshots: {}",
        crate::target_dir().join("e2e-screenshots").display()
    );
    Ok(())
}

/// The app embeds ui/dist at compile time; build it when a suite needs it and it is missing.
fn ensure_ui_dist() -> Result<()> {
    if Path::new(&root().join("ui/dist/index.html")).is_file() {
        return Ok(());
    }
    ui(&["run", "build"])
}

/// Every cargo-fuzz target of tests/fuzz for a short while (cargo-fuzz installed if missing).
fn fuzz_smoke() -> Result<()> {
    crate::fuzz::fuzz(&["--seconds".to_string(), FUZZ_SMOKE_SECONDS.to_string()])
}

/// Seconds per target in the fuzz-smoke suite.
const FUZZ_SMOKE_SECONDS: u64 = 15;
