//! Installing what the build and the tests need: Debian packages, ui/node_modules, tauri-driver.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::root;
use crate::sh::{self, Result, run};

/// Which packages a command needs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Build,
    Test,
    /// The app-level benchmarks: the test packages and `xwd`.
    Bench,
}

/// Debian/Ubuntu packages, each with the reason it is needed.
const BUILD_PACKAGES: &[(&str, &str)] = &[
    (
        "libwebkit2gtk-4.1-dev",
        "the WebKitGTK webview the app runs in",
    ),
    ("libgtk-3-dev", "GTK windowing for Tauri"),
    ("libayatana-appindicator3-dev", "tray icon support in Tauri"),
    ("librsvg2-dev", "SVG icons in GTK"),
    ("libssl-dev", "TLS for crates that link OpenSSL"),
    ("pkg-config", "locating the system libraries above"),
    ("build-essential", "C compiler and linker"),
    ("file", "the .deb bundler inspects binaries with it"),
];

const TEST_PACKAGES: &[(&str, &str)] = &[
    ("xvfb", "a virtual display for the end-to-end tests"),
    ("xauth", "xvfb-run needs it"),
    (
        "webkit2gtk-driver",
        "WebKitWebDriver, which tauri-driver drives",
    ),
    ("dbus-x11", "a session bus for the keyring tests"),
    ("x11-utils", "inspecting windows under Xvfb"),
    ("xdotool", "finding and driving windows under Xvfb"),
    ("imagemagick", "screenshots of the virtual display"),
    ("poppler-utils", "rendering generated PDFs to check them"),
    (
        "gnome-keyring",
        "a real Secret Service store for the keyring tests",
    ),
    ("keyutils", "the kernel keyring store"),
    (
        "postgresql",
        "a throwaway PostgreSQL server for the core tests",
    ),
    (
        "python3-aiosmtpd",
        "a real SMTP server on loopback for the e-mail tests",
    ),
];

/// Installs missing Debian packages with apt-get (sudo when not root).
/// Does nothing on systems without dpkg (Windows, macOS, other Linux distributions).
pub fn ensure_system_packages(need: Need) -> Result<()> {
    if !cfg!(target_os = "linux") || sh::which("dpkg-query").is_none() {
        return Ok(());
    }
    let mut wanted: Vec<(&str, &str)> = BUILD_PACKAGES.to_vec();
    if need != Need::Build {
        wanted.extend_from_slice(TEST_PACKAGES);
    }
    if need == Need::Bench {
        wanted.push((
            "x11-apps",
            "xwd: fast screen dumps for timing the first paint",
        ));
    }
    let missing: Vec<(&str, &str)> = wanted
        .into_iter()
        .filter(|(name, _)| !installed(name))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    println!("==> installing missing system packages:");
    for (name, why) in &missing {
        println!("    {name:<30} {why}");
    }
    let names: Vec<&str> = missing.iter().map(|(name, _)| *name).collect();
    let apt = |args: &[&str]| {
        let mut cmd = if sh::is_root() {
            Command::new("apt-get")
        } else {
            let mut sudo = Command::new("sudo");
            sudo.arg("apt-get");
            sudo
        };
        // Wait for another apt/dpkg run (e.g. unattended upgrades) instead of failing.
        cmd.args(["-o", "DPkg::Lock::Timeout=900"]).args(args);
        cmd.env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    run(&mut apt(&["update"]))?;
    let mut install = vec!["install", "-y", "--no-install-recommends"];
    install.extend(&names);
    run(&mut apt(&install))
}

fn installed(package: &str) -> bool {
    sh::output(Command::new("dpkg-query").args(["-W", "-f=${Status}", package]))
        .is_some_and(|status| status.contains("install ok installed"))
}

/// Runs `npm ci` in ui/ when node_modules is missing or older than package-lock.json.
pub fn npm_ci_if_needed() -> Result<()> {
    let ui = root().join("ui");
    let lock = ui.join("package-lock.json");
    // npm writes node_modules/.package-lock.json on every install.
    let marker = ui.join("node_modules/.package-lock.json");
    let stale = match (modified(&marker), modified(&lock)) {
        (Some(installed), Some(locked)) => installed < locked,
        (None, _) => true,
        (Some(_), None) => false,
    };
    if stale {
        println!("==> ui/node_modules is missing or older than package-lock.json");
        run(sh::npm(&["ci", "--no-audit", "--no-fund"]).current_dir(&ui))?;
    }
    Ok(())
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).ok()?.modified().ok()
}

/// The tauri-driver binary, installed with cargo when absent.
pub fn tauri_driver() -> Result<PathBuf> {
    if let Some(found) = find_tauri_driver() {
        return Ok(found);
    }
    println!("==> installing tauri-driver (drives the real app in the end-to-end tests)");
    run(sh::cargo().args(["install", "tauri-driver", "--locked", "--version", "^2"]))?;
    find_tauri_driver().ok_or_else(|| "tauri-driver was installed but is not found".to_string())
}

fn find_tauri_driver() -> Option<PathBuf> {
    let exe = if cfg!(windows) {
        "tauri-driver.exe"
    } else {
        "tauri-driver"
    };
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| home().map(|h| h.join(".cargo")));
    cargo_home
        .map(|c| c.join("bin").join(exe))
        .filter(|p| p.is_file())
        .or_else(|| sh::which("tauri-driver"))
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .map(PathBuf::from)
}

/// The cargo-fuzz binary, installed with cargo when absent (`cargo xtask fuzz` and the
/// fuzz-smoke suite run libFuzzer targets through it).
pub fn cargo_fuzz() -> Result<PathBuf> {
    if let Some(found) = find_cargo_bin("cargo-fuzz") {
        return Ok(found);
    }
    println!("==> installing cargo-fuzz (builds and runs the libFuzzer targets in tests/fuzz)");
    run(sh::cargo().args(["install", "cargo-fuzz", "--locked", "--version", "^0.13"]))?;
    find_cargo_bin("cargo-fuzz")
        .ok_or_else(|| "cargo-fuzz was installed but is not found".to_string())
}

/// An executable in cargo's bin folder (where `cargo install` puts it) or on PATH.
fn find_cargo_bin(name: &str) -> Option<PathBuf> {
    let exe = if cfg!(windows) {
        format!("{name}.exe")
    } else {
        name.to_string()
    };
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| home().map(|h| h.join(".cargo")));
    cargo_home
        .map(|c| c.join("bin").join(&exe))
        .filter(|p| p.is_file())
        .or_else(|| sh::which(name))
}
