//! `cargo xtask bench-app`: Innkeep measured as a user meets it, beside a bare Tauri window built
//! with the same Tauri and profile, under Xvfb:
//! - cold start: from starting the program to its first screen painted (the login screen for
//!   Innkeep, a page of text for the bare window), the median of several starts;
//! - idle memory: the PSS of the whole process tree (the app and WebKitGTK's web and network
//!   processes) ten seconds after logging in to the large hotel;
//! - the release installer's size.
//!
//! Usage: app --app BIN --bare BIN --hotel FILE [--deb FILE] [--runs N] [--out FILE]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use innkeep_bench::arg;
use innkeep_bench::measure::quantile;
use innkeep_bench::results::replace_section;
use innkeep_bench::screen::{Display, process_tree, pss_kib};
use innkeep_bench::synthetic::PASSWORD;

/// A screen with at least this many colours has text on it.
const PAINTED: usize = 16;

fn fail(message: &str) -> ! {
    eprintln!("bench-app: {message}");
    std::process::exit(1)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = |name: &str| {
        arg(&args, name)
            .map(PathBuf::from)
            .unwrap_or_else(|| fail(&format!("{name} is required")))
    };
    let (app, bare, hotel) = (path("--app"), path("--bare"), path("--hotel"));
    let runs: usize = arg(&args, "--runs")
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let out = arg(&args, "--out").unwrap_or_else(|| "tests/bench/RESULTS.md".into());
    let shots = std::env::temp_dir().join("innkeep-bench-app");
    let _ = std::fs::create_dir_all(&shots);

    let display = Display::start().unwrap_or_else(|e| fail(&e));
    let data = data_dir(&hotel);
    let innkeep = |d: &Display| {
        let mut cmd = Command::new(&app);
        cmd.env("INNKEEP_DATA_DIR", &data).env("DISPLAY", &d.name);
        cmd
    };
    let bare_cmd = |d: &Display| {
        let mut cmd = Command::new(&bare);
        cmd.env("DISPLAY", &d.name);
        cmd
    };

    let mut bare_starts = Vec::new();
    let mut app_starts = Vec::new();
    for run in 0..runs {
        let (t, child) = cold_start(&display, bare_cmd(&display)).unwrap_or_else(|e| fail(&e));
        bare_starts.push(t);
        if run + 1 == runs {
            let _ = display.screenshot(&shots.join("bare-window.png"));
        }
        stop(&display, child);
        let (t, child) = cold_start(&display, innkeep(&display)).unwrap_or_else(|e| fail(&e));
        app_starts.push(t);
        if run + 1 == runs {
            let _ = display.screenshot(&shots.join("innkeep-login.png"));
        }
        stop(&display, child);
        println!(
            "start {}: bare window {:.0} ms, Innkeep {:.0} ms",
            run + 1,
            ms(bare_starts[run]),
            ms(app_starts[run])
        );
    }
    bare_starts.sort();
    app_starts.sort();

    // Idle memory: the bare window left alone; Innkeep logged in to the large hotel.
    let (_, child) = cold_start(&display, bare_cmd(&display)).unwrap_or_else(|e| fail(&e));
    std::thread::sleep(Duration::from_secs(10));
    let bare_pss = pss_kib(&process_tree(child.id()));
    stop(&display, child);
    let (_, child) = cold_start(&display, innkeep(&display)).unwrap_or_else(|e| fail(&e));
    let logged_in = log_in(&display);
    std::thread::sleep(Duration::from_secs(10));
    let app_pss = pss_kib(&process_tree(child.id()));
    let idle_shot = shots.join("innkeep-idle.png");
    let _ = display.screenshot(&idle_shot);
    stop(&display, child);
    println!(
        "idle PSS: bare window {} MB, Innkeep {} MB ({})",
        bare_pss / 1024,
        app_pss / 1024,
        if logged_in {
            "logged in"
        } else {
            "login screen"
        }
    );

    let deb = arg(&args, "--deb").map(PathBuf::from);
    let section = table(
        (&bare_starts, &app_starts),
        (bare_pss, app_pss, logged_in),
        deb.as_deref(),
        &hotel,
        runs,
    );
    println!("{section}");
    println!("screenshots: {}", shots.display());
    if let Err(e) = replace_section(&out, "## App level (release build, Xvfb)", &section) {
        fail(&e);
    }
    println!("written: {out}");
    let _ = std::fs::remove_dir_all(&data);
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A data folder whose database is the synthetic hotel (linked, not copied: it is gigabytes).
fn data_dir(hotel: &Path) -> PathBuf {
    let hotel = std::path::absolute(hotel).unwrap_or_else(|e| fail(&e.to_string()));
    if !hotel.is_file() {
        fail(&format!(
            "no hotel at {} (run `cargo xtask bench` first)",
            hotel.display()
        ));
    }
    let dir = std::env::temp_dir().join(format!("innkeep-bench-data-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| fail(&e.to_string()));
    if let Err(e) = std::os::unix::fs::symlink(&hotel, dir.join("innkeep.sqlite3")) {
        fail(&format!("cannot link the hotel: {e}"));
    }
    dir
}

/// Starts the program and answers how long until its first screen has text on it.
fn cold_start(display: &Display, mut cmd: Command) -> Result<(Duration, Child), String> {
    wait_for_screen(display, |c| c <= 2, "an empty screen")?;
    let started = Instant::now();
    let child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {cmd:?}: {e}"))?;
    wait_for_screen(display, |c| c >= PAINTED, "the first screen painted")?;
    Ok((started.elapsed(), child))
}

fn wait_for_screen(
    display: &Display,
    done: impl Fn(usize) -> bool,
    what: &str,
) -> Result<(), String> {
    let started = Instant::now();
    while !done(display.colours(PAINTED)?) {
        if started.elapsed() > Duration::from_secs(60) {
            return Err(format!("waited 60 s for {what}"));
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    Ok(())
}

/// Stops the program and the processes it started.
fn stop(display: &Display, mut child: Child) {
    let tree = process_tree(child.id());
    for pid in tree.iter().rev() {
        let _ = Command::new("kill").arg(pid.to_string()).status();
    }
    let _ = child.wait();
    let _ = wait_for_screen(display, |c| c <= 2, "the window to close");
    std::thread::sleep(Duration::from_millis(300));
}

/// Types the synthetic hotel's administrator and password into the login screen (the user
/// name field has the focus) and waits for the screen to change.
fn log_in(display: &Display) -> bool {
    std::thread::sleep(Duration::from_millis(500));
    let steps: [&[&str]; 5] = [
        &["type", "--delay", "20", "admin"],
        &["key", "Tab"],
        &["type", "--delay", "20", PASSWORD],
        &["key", "Return"],
        &["sleep", "3"],
    ];
    steps.iter().all(|step| display.xdotool(step).is_ok())
}

fn table(
    (bare, app): (&[Duration], &[Duration]),
    (bare_pss, app_pss, logged_in): (u64, u64, bool),
    deb: Option<&Path>,
    hotel: &Path,
    runs: usize,
) -> String {
    let (bare_median, app_median) = (quantile(bare, 0.5), quantile(app, 0.5));
    let beyond = ms(app_median) - ms(bare_median);
    let pss_beyond = (app_pss as f64 - bare_pss as f64) / 1024.0;
    let met = |ok: bool| if ok { "met" } else { "**missed**" };
    let mut rows = vec![
        format!(
            "| Cold start to the login screen painted | ≤ 500 ms beyond a bare Tauri window | {:.0} ms | {:.0} ms | {} | Innkeep median {:.0} ms (fastest {:.0}, slowest {:.0}); bare window median {:.0} ms; {runs} starts each, painted = the screen shows text (xwd polled every 5 ms) |",
            beyond,
            ms(quantile(app, 0.95)) - ms(quantile(bare, 0.95)),
            met(beyond <= 500.0),
            ms(app_median),
            ms(app[0]),
            ms(app[app.len() - 1]),
            ms(bare_median),
        ),
        format!(
            "| Idle PSS of the whole process tree | ≤ 40 MB above a bare Tauri window | {pss_beyond:.0} MB | — | {} | Innkeep {:.0} MB ({}, {} open, 10 s idle); bare window {:.0} MB; app + WebKitWebProcess + WebKitNetworkProcess |",
            met(pss_beyond <= 40.0),
            app_pss as f64 / 1024.0,
            if logged_in {
                "after a login was typed with xdotool: see innkeep-idle.png for whether it took"
            } else {
                "login screen"
            },
            hotel
                .file_name()
                .map_or_else(String::new, |f| f.to_string_lossy().into_owned()),
            bare_pss as f64 / 1024.0,
        ),
    ];
    if let Some(deb) = deb {
        let size = std::fs::metadata(deb).map(|m| m.len()).unwrap_or(0);
        rows.push(format!(
            "| Release .deb size | (measured) | {:.1} MB | — | — | {} |",
            size as f64 / 1_048_576.0,
            deb.file_name()
                .map_or_else(String::new, |f| f.to_string_lossy().into_owned())
        ));
    }
    format!(
        "## App level (release build, Xvfb)\n\n\
         | Measure | Goal | Beyond the bare window | p95 beyond | Result | Notes |\n\
         |---|---|---|---|---|---|\n{}\n",
        rows.join("\n")
    )
}
