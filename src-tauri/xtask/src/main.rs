//! `cargo xtask run | test | bundle`: the developer and CI entry points of Innkeep.
//!
//! Std-only apart from `ctrlc`; every step prints the command it runs.

mod deps;
mod fuzz;
mod postgres;
mod sh;
mod soak;
mod suites;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sh::{Result, cargo, run};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  run [--release] [-- app args]   build the UI and the real app, then start it
                                  (e.g. `cargo xtask run -- --demo`)
  test [--only a,b] [--list]      run every suite; stops at the first failure
  bundle                          build the installer (.deb on Linux, MSI on Windows, DMG on macOS)
  demo-documents DIR               write the demo hotel's sample documents (confirmation, folio,
                                  invoice, credit-note, registration-card, audit-report .pdf) into DIR
  bench-invoice                   time invoice.pdf of the demo hotel (release build, 50 runs)
  bench [--size S] [--sqlite-only | --postgres-only]
                                  benchmarks on synthetic hotels (release): the peer and large
                                  hotels (or --size S) on SQLite, then on a throwaway PostgreSQL;
                                  writes tests/bench/RESULTS.md
  bench-app [--runs N]            cold start, idle PSS and .deb size of the release app beside a
                                  bare Tauri window, under Xvfb, on the large hotel
  seed --size S --db URL [--seed N] [--today YYYY-MM-DD]
                                  write a synthetic hotel (small, peer, mid, large) into an empty
                                  database: sqlite:FILE or postgres://user:pass@host:port/db
  postgres [-- command]           start a throwaway PostgreSQL, run the command with
                                  INNKEEP_TEST_BACKEND=postgres and INNKEEP_TEST_PG_URL set
                                  (or wait for Enter), then remove it
  soak [--kills N] [--attempts N] [--seed N]
                                  the long reliability tests (race: 32 writers × N attempts,
                                  default 10000; crash: N SIGKILLs, default 200; disk full) on
                                  SQLite, then on a throwaway PostgreSQL
  fuzz [--seconds N] [--asan] [TARGET…]
                                  build the cargo-fuzz targets of tests/fuzz and run each for
                                  N seconds (default 60); fails on any crash
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((c, rest)) => (c.as_str(), rest),
        None => {
            eprint!("{USAGE}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = match command {
        "run" => run_app(rest),
        "test" => suites::test(rest),
        "bundle" => bundle(),
        "demo-documents" => demo_documents(rest),
        "bench-invoice" => bench_invoice(),
        "seed" => seed(rest),
        "bench" => bench(rest),
        "bench-app" => bench_app(rest),
        "postgres" => with_postgres(rest),
        "soak" => soak::soak(rest),
        "fuzz" => fuzz::fuzz(rest),
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n{USAGE}")),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root (this crate lives in `src-tauri/xtask`).
pub fn root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .nth(2)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| manifest.to_path_buf())
}

/// The shared cargo target directory.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root().join(p) })
        .unwrap_or_else(|| root().join("target"))
}

/// Path of the app binary built by `cargo build -p innkeep` for a profile.
pub fn app_binary(profile: &str) -> PathBuf {
    let name = if cfg!(windows) {
        "innkeep.exe"
    } else {
        "innkeep"
    };
    target_dir().join(profile).join(name)
}

/// Builds ui/dist and the app (the `custom-protocol` feature is always on, so
/// this is the real app serving the bundled UI, not a dev-server build).
pub fn build_app(release: bool) -> Result<PathBuf> {
    deps::npm_ci_if_needed()?;
    run(sh::npm(&["run", "build"]).current_dir(root().join("ui")))?;
    let mut build = cargo();
    build.args(["build", "-p", "innkeep"]).current_dir(root());
    if release {
        build.arg("--release");
    }
    run(&mut build)?;
    Ok(app_binary(if release { "release" } else { "debug" }))
}

fn run_app(args: &[String]) -> Result<()> {
    let (own, app_args) = match args.iter().position(|a| a == "--") {
        Some(i) => (&args[..i], &args[i + 1..]),
        None => (args, &[][..]),
    };
    let mut release = false;
    for arg in own {
        match arg.as_str() {
            "--release" => release = true,
            other => {
                return Err(format!(
                    "`run` does not know `{other}` (app arguments go after `--`)"
                ));
            }
        }
    }
    deps::ensure_system_packages(deps::Need::Build)?;
    let binary = build_app(release)?;
    println!("\n==> starting {} {}", binary.display(), app_args.join(" "));
    let mut app = std::process::Command::new(&binary);
    app.args(app_args).current_dir(root());
    sh::exec(app)
}

fn bundle() -> Result<()> {
    bundle_file().map(|_| ())
}

/// Builds the installer and answers its path.
fn bundle_file() -> Result<PathBuf> {
    deps::ensure_system_packages(deps::Need::Build)?;
    deps::npm_ci_if_needed()?;
    let (format, ext) = if cfg!(target_os = "windows") {
        ("msi", "msi")
    } else if cfg!(target_os = "macos") {
        ("dmg", "dmg")
    } else {
        ("deb", "deb")
    };
    let cli =
        root()
            .join("ui/node_modules/.bin")
            .join(if cfg!(windows) { "tauri.cmd" } else { "tauri" });
    let started = std::time::SystemTime::now();
    run(std::process::Command::new(&cli)
        .args(["build", "--bundles", format])
        .current_dir(root()))?;
    let dir = target_dir().join("release/bundle").join(format);
    let newest = std::fs::read_dir(&dir)
        .map_err(|e| format!("no bundle directory {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .filter_map(|p| Some((std::fs::metadata(&p).ok()?, p)))
        .filter(|(meta, _)| meta.modified().is_ok_and(|m| m >= started))
        .max_by_key(|(meta, _)| meta.modified().ok())
        .ok_or_else(|| format!("tauri build made no new .{ext} in {}", dir.display()))?;
    let (meta, path) = newest;
    println!(
        "\n==> installer: {}\n    size: {:.1} MB ({} bytes)",
        path.display(),
        meta.len() as f64 / 1_048_576.0,
        meta.len()
    );
    Ok(path)
}

/// Cold start, idle PSS and installer size of the release app beside a bare Tauri window,
/// under Xvfb, on the large synthetic hotel (`innkeep-bench`'s `app`).
fn bench_app(args: &[String]) -> Result<()> {
    deps::ensure_system_packages(deps::Need::Bench)?;
    let hotel = crate::target_dir().join("bench/large.db");
    if !hotel.is_file() {
        return Err(format!(
            "no large hotel at {} — run `cargo xtask bench --size large --sqlite-only` first",
            hotel.display()
        ));
    }
    let deb = bundle_file()?;
    run(cargo()
        .args(["build", "--release", "-p", "bare-window"])
        .current_dir(root()))?;
    run(cargo()
        .args([
            "run",
            "-q",
            "--release",
            "-p",
            "innkeep-bench",
            "--bin",
            "app",
            "--",
        ])
        .arg("--app")
        .arg(app_binary("release"))
        .arg("--bare")
        .arg(target_dir().join("release/bare-window"))
        .arg("--hotel")
        .arg(&hotel)
        .arg("--deb")
        .arg(&deb)
        .args(args)
        .current_dir(root()))
}

/// Renders the demo hotel's documents with the core's `demo_documents` example.
fn demo_documents(args: &[String]) -> Result<()> {
    let [dir] = args else {
        return Err(format!("`demo-documents` takes one folder\n{USAGE}"));
    };
    let dir = std::path::absolute(dir).map_err(|e| format!("{dir}: {e}"))?;
    run(cargo()
        .args([
            "run",
            "-q",
            "-p",
            "innkeep-core",
            "--example",
            "demo_documents",
            "--",
        ])
        .arg(&dir)
        .current_dir(root()))
}

/// Times invoice.pdf with the core's `invoice_timing` example in a release build.
fn bench_invoice() -> Result<()> {
    run(cargo()
        .args([
            "run",
            "-q",
            "--release",
            "-p",
            "innkeep-core",
            "--example",
            "invoice_timing",
        ])
        .current_dir(root()))
}

/// A synthetic hotel from `innkeep-bench`'s `seed` (release build: the large hotel is millions
/// of rows).
fn seed(args: &[String]) -> Result<()> {
    run(cargo()
        .args([
            "run",
            "-q",
            "--release",
            "-p",
            "innkeep-bench",
            "--bin",
            "seed",
            "--",
        ])
        .args(args)
        .current_dir(root()))
}

/// `innkeep-bench`'s `bench` per hotel size on SQLite (hotels kept in target/bench/) and on a
/// fresh PostgreSQL cluster each (seeded anew).
fn bench(args: &[String]) -> Result<()> {
    let sizes: Vec<String> = match args.iter().position(|a| a == "--size") {
        Some(i) => args.get(i + 1).into_iter().cloned().collect(),
        None => vec!["peer".into(), "large".into()],
    };
    let runner = |extra: &[&str]| {
        let mut cmd = cargo();
        cmd.args([
            "run",
            "-q",
            "--release",
            "-p",
            "innkeep-bench",
            "--bin",
            "bench",
            "--",
        ])
        .args(extra)
        .current_dir(root());
        cmd
    };
    std::fs::create_dir_all(crate::target_dir().join("bench"))
        .map_err(|e| format!("cannot create target/bench: {e}"))?;
    // Ctrl-C must not leave a PostgreSQL server behind.
    ctrlc::set_handler(|| {
        postgres::stop_running();
        std::process::exit(130);
    })
    .map_err(|e| format!("cannot install the Ctrl-C handler: {e}"))?;
    let postgres_only = args.iter().any(|a| a == "--postgres-only");
    for size in sizes.iter().filter(|_| !postgres_only) {
        let db = format!(
            "sqlite:{}",
            crate::target_dir()
                .join("bench")
                .join(format!("{size}.db"))
                .display()
        );
        run(&mut runner(&["--size", size, "--db", &db]))?;
    }
    if args.iter().any(|a| a == "--sqlite-only") {
        return Ok(());
    }
    for size in &sizes {
        let cluster = postgres::Cluster::start_durable()?;
        let outcome = run(&mut runner(&["--size", size, "--db", &cluster.url()]));
        drop(cluster);
        outcome?;
    }
    Ok(())
}

fn with_postgres(args: &[String]) -> Result<()> {
    let command = match args.split_first() {
        Some((dashes, command)) if dashes == "--" => command,
        _ => args,
    };
    ctrlc::set_handler(|| {
        postgres::stop_running();
        std::process::exit(130);
    })
    .map_err(|e| format!("cannot install the Ctrl-C handler: {e}"))?;
    let cluster = postgres::Cluster::start()?;
    println!("INNKEEP_TEST_PG_URL={}", cluster.url());
    match command.split_first() {
        Some((program, rest)) => run(std::process::Command::new(program)
            .args(rest)
            .env("INNKEEP_TEST_BACKEND", "postgres")
            .env("INNKEEP_TEST_PG_URL", cluster.url())),
        None => {
            println!("press Enter to stop the server");
            let mut line = String::new();
            let _ = std::io::stdin().read_line(&mut line);
            Ok(())
        }
    }
}
