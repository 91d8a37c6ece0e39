//! The core against a real database: SQLite by default, PostgreSQL when `cargo xtask test`
//! runs it again with `INNKEEP_TEST_BACKEND=postgres`.

mod audit;
mod auth;
mod backups;
mod connection;
mod desk;
mod money;
mod permissions;
mod roles_users;
