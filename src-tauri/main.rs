//! Innkeep's executable: starts the shell.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    innkeep_app::run();
}
