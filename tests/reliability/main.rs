//! Reliability: many terminals booking the same few rooms at once, a desk process killed with
//! SIGKILL at random moments, and a disk that fills up. Short versions run in `cargo xtask
//! test`; `cargo xtask soak` runs the long ones through the `INNKEEP_SOAK_*` variables.
//!
//! Tests named `child_*` do nothing on their own: the parent tests re-invoke this binary with
//! one of them and the environment naming their database.

#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what we want

mod common;
mod crash;
mod disk_full;
mod race;
