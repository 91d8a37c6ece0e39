//! Innkeep's hotel domain: property, staff and permissions, audit trail, settings, backups and
//! the database they live in. It never depends on Tauri or a webview; the shell's commands are
//! thin adapters over [`desk::Desk`] and the modules below.

pub mod audit;
pub mod auth;
pub mod availability;
pub mod backup;
pub mod clock;
pub mod config;
pub mod dashboard;
pub mod db;
pub mod demo;
pub mod desk;
pub mod documents;
pub mod entity;
pub mod error;
pub mod folios;
pub mod guests;
pub mod housekeeping;
pub mod identity;
pub mod invoices;
pub mod mail;
pub mod money;
pub mod night_audit;
pub mod permission;
pub mod pricing;
pub mod promotions;
pub mod property;
pub mod rates;
pub mod reservations;
pub mod roles;
pub mod rooms;
pub mod secrets;
pub mod series;
pub mod settings;
pub mod setup;
pub mod users;
pub mod validate;

pub use error::{ApiError, Error, Result};
pub mod reports;
pub mod stays;
