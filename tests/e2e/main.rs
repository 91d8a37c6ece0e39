//! End-to-end tests through the real app (tauri-driver + WebKitWebDriver, under Xvfb on Linux).
//!
//! Run by `cargo xtask test`, which builds the app and sets INNKEEP_APP_BINARY. Each test starts
//! the app on its own empty data dir (INNKEEP_DATA_DIR) and saves page screenshots under
//! target/e2e-screenshots/. Without INNKEEP_APP_BINARY every test is skipped with a message.

mod first_run;
mod flows;
mod harness;
mod login;
mod reservations;
mod settings;
mod stays;
