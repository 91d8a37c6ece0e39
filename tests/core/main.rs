//! The core against a real database: SQLite by default, PostgreSQL when `cargo xtask test`
//! runs it again with `INNKEEP_TEST_BACKEND=postgres`.

#![allow(clippy::unwrap_used)] // a test that unwraps fails loudly, which is what we want

mod assignment;
mod audit;
mod auth;
mod availability_model;
mod backups;
mod booking_changes;
mod connection;
mod desk;
mod documents;
mod folio_guards;
mod folio_model;
mod folios;
mod guest_search;
mod housekeeping;
mod housekeeping_blocks;
mod identity;
mod invoices;
mod mail;
mod money;
mod night_audit;
mod night_audit_checks;
mod night_audit_kill;
mod permissions;
mod reports;
mod reservations;
mod roles_users;
mod stay_changes;
mod stays;
