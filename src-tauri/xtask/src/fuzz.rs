//! `cargo xtask fuzz [--seconds N] [--asan] [TARGET…]`: builds the libFuzzer targets of
//! tests/fuzz with cargo-fuzz and runs each for N seconds, then prints executions and coverage
//! per target. Any crash fails the command, naming the input libFuzzer saved and the command
//! that replays it.
//!
//! The build is instrumented for coverage only (`-s none`): it works on the pinned stable
//! toolchain, and the core forbids `unsafe`, so AddressSanitizer finds little in it. `--asan`
//! builds with AddressSanitizer anyway; `-Zsanitizer` is unstable, so that build sets
//! `RUSTC_BOOTSTRAP=1` to let the stable compiler accept it (and rebuilds everything).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::deps;
use crate::root;
use crate::sh::{Result, display, run};

/// Seconds per target when `--seconds` is not given.
const DEFAULT_SECONDS: u64 = 60;
/// libFuzzer reports an input that runs longer than this as a hang.
const TIMEOUT_SECONDS: u64 = 10;

/// What one target's run came to.
struct Outcome {
    target: String,
    executions: Option<u64>,
    per_second: Option<u64>,
    coverage: Option<u64>,
    features: Option<u64>,
    corpus: Option<u64>,
    /// The saved input and the command replaying it, when the target crashed (or hung).
    crash: Option<(String, String)>,
}

pub fn fuzz(args: &[String]) -> Result<()> {
    let mut seconds = DEFAULT_SECONDS;
    let mut asan = false;
    let mut targets: Vec<String> = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--seconds" => {
                seconds = iter
                    .next()
                    .and_then(|s| s.parse().ok())
                    .filter(|&s| s > 0)
                    .ok_or("--seconds needs a whole number of seconds")?;
            }
            "--asan" => asan = true,
            other if other.starts_with('-') => {
                return Err(format!(
                    "`fuzz` does not know `{other}` (try --seconds N, --asan, target names)"
                ));
            }
            target => targets.push(target.to_string()),
        }
    }
    let cargo_fuzz = deps::cargo_fuzz()?;
    let fuzz = Fuzz { cargo_fuzz, asan };
    let known = fuzz.list()?;
    if let Some(unknown) = targets.iter().find(|t| !known.contains(t)) {
        return Err(format!(
            "no fuzz target named `{unknown}` (targets: {})",
            known.join(", ")
        ));
    }
    if targets.is_empty() {
        targets = known;
    }
    let started = Instant::now();
    run(&mut fuzz.command("build"))?;
    let built = started.elapsed();
    let outcomes: Vec<Outcome> = targets
        .iter()
        .map(|t| fuzz.run_target(t, seconds))
        .collect::<Result<_>>()?;

    println!(
        "\n======== fuzz: {seconds} s per target, build {:.0} s ========",
        built.as_secs_f64()
    );
    println!(
        "  {:<14} {:>12} {:>9} {:>6} {:>7} {:>7}  result",
        "target", "executions", "exec/s", "cov", "ft", "corpus"
    );
    let show = |n: Option<u64>| n.map_or_else(|| "?".to_string(), |n| n.to_string());
    for o in &outcomes {
        println!(
            "  {:<14} {:>12} {:>9} {:>6} {:>7} {:>7}  {}",
            o.target,
            show(o.executions),
            show(o.per_second),
            show(o.coverage),
            show(o.features),
            show(o.corpus),
            if o.crash.is_some() { "CRASH" } else { "ok" }
        );
    }
    let crashes: Vec<&Outcome> = outcomes.iter().filter(|o| o.crash.is_some()).collect();
    if crashes.is_empty() {
        return Ok(());
    }
    for o in &crashes {
        if let Some((artifact, replay)) = &o.crash {
            println!(
                "\n{} crashed; the input is {artifact}\n  replay: {replay}",
                o.target
            );
        }
    }
    Err(format!(
        "{} of {} fuzz targets crashed",
        crashes.len(),
        outcomes.len()
    ))
}

struct Fuzz {
    cargo_fuzz: PathBuf,
    asan: bool,
}

fn fuzz_dir() -> PathBuf {
    root().join("tests/fuzz")
}

impl Fuzz {
    /// `cargo fuzz <sub> --fuzz-dir tests/fuzz -s none|address` at the repository root.
    fn command(&self, sub: &str) -> Command {
        let mut cmd = Command::new(&self.cargo_fuzz);
        cmd.args(["fuzz", sub, "--fuzz-dir"])
            .arg(fuzz_dir())
            .current_dir(root());
        if sub != "list" {
            cmd.args(["-s", if self.asan { "address" } else { "none" }]);
        }
        if self.asan {
            cmd.env("RUSTC_BOOTSTRAP", "1");
        }
        cmd
    }

    fn list(&self) -> Result<Vec<String>> {
        let mut cmd = self.command("list");
        let out = cmd
            .output()
            .map_err(|e| format!("could not start `{}`: {e}", display(&cmd)))?;
        if !out.status.success() {
            return Err(format!(
                "`{}` failed: {}",
                display(&cmd),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect())
    }

    /// Runs `target` for `seconds` on its corpus (tests/fuzz/corpus/<target>, not committed)
    /// and its committed seeds (tests/fuzz/seeds/<target>), streaming libFuzzer's status lines.
    fn run_target(&self, target: &str, seconds: u64) -> Result<Outcome> {
        let corpus = fuzz_dir().join("corpus").join(target);
        let seeds = fuzz_dir().join("seeds").join(target);
        std::fs::create_dir_all(&corpus)
            .map_err(|e| format!("cannot create {}: {e}", corpus.display()))?;
        let mut cmd = self.command("run");
        cmd.arg(target).arg(&corpus);
        if seeds.is_dir() {
            cmd.arg(&seeds);
        }
        cmd.args([
            "--".to_string(),
            format!("-max_total_time={seconds}"),
            format!("-timeout={TIMEOUT_SECONDS}"),
            "-print_final_stats=1".to_string(),
        ]);
        println!("\n======== fuzz {target} ========\n$ {}", display(&cmd));
        let mut child = cmd
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("could not start `{}`: {e}", display(&cmd)))?;
        let mut lines = Vec::new();
        if let Some(stderr) = child.stderr.take() {
            for line in BufReader::new(stderr)
                .lines()
                .map_while(std::io::Result::ok)
            {
                if !is_progress(&line) {
                    eprintln!("{line}");
                }
                lines.push(line);
            }
        }
        let status = child
            .wait()
            .map_err(|e| format!("`{}` did not finish: {e}", display(&cmd)))?;
        let mut outcome = summarize(target, &lines);
        if !status.success() {
            let artifact = lines
                .iter()
                .find_map(|l| l.split("Test unit written to ").nth(1))
                .map(|p| absolute(p.trim()))
                .unwrap_or_else(|| "(libFuzzer saved none; see the output above)".into());
            let accel = if self.asan {
                "RUSTC_BOOTSTRAP=1 cargo fuzz run -s address"
            } else {
                "cargo fuzz run -s none"
            };
            let replay = format!("{accel} --fuzz-dir tests/fuzz {target} {artifact}");
            outcome.crash = Some((artifact, replay));
        }
        Ok(outcome)
    }
}

/// New and reduced inputs (many) and the dictionary libFuzzer recommends at the end.
fn is_progress(line: &str) -> bool {
    (line.starts_with('#') && (line.contains("\tNEW ") || line.contains("\tREDUCE ")))
        || (line.starts_with('"') && line.contains("# Uses: "))
}

/// A path libFuzzer printed (relative to the repository root, where cargo fuzz runs).
fn absolute(path: &str) -> String {
    let p = Path::new(path);
    if p.is_absolute() {
        path.to_string()
    } else {
        root().join(p).display().to_string()
    }
}

/// Executions and speed from `-print_final_stats`; coverage (`cov`, `ft`, `corp`) from the
/// last status line.
fn summarize(target: &str, lines: &[String]) -> Outcome {
    let stat = |name: &str| {
        lines.iter().rev().find_map(|l| {
            l.strip_prefix(&format!("stat::{name}:"))
                .and_then(|v| v.trim().parse().ok())
        })
    };
    let status = lines
        .iter()
        .rev()
        .find(|l| l.starts_with('#') && l.contains("cov: "));
    let field = |name: &str| {
        status.and_then(|l| {
            let after = l.split(&format!(" {name}: ")).nth(1)?;
            after
                .split(|c: char| !c.is_ascii_digit())
                .next()?
                .parse()
                .ok()
        })
    };
    Outcome {
        target: target.to_string(),
        executions: stat("number_of_executed_units"),
        per_second: stat("average_exec_per_sec"),
        coverage: field("cov"),
        features: field("ft"),
        corpus: field("corp"),
        crash: None,
    }
}
