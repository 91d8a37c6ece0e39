//! Innkeep's schema: forward-only migrations that run unchanged on SQLite and PostgreSQL.
//!
//! Money columns are integer minor units (`*_minor`, BIGINT) so amounts stay exact on both
//! backends; the currency's digits live on the property.

pub use sea_orm_migration::prelude::*;

mod shape;

mod m20261123_000001_foundation;
mod m20261123_000002_append_only_audit;
mod m20261123_000003_rooms_and_rates;
mod m20261123_000004_guests_and_reservations;
mod m20261123_000005_outbox;
mod m20261123_000006_walks;
mod m20261123_000007_stays_and_folios;
mod m20261123_000008_charge_codes;
mod m20261123_000009_guest_id_type_width;
mod m20261123_000010_guest_prefix_search;
mod m20261124_000011_daily_rollup;

/// Runs every migration in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_foundation::Migration),
            Box::new(m20261123_000002_append_only_audit::Migration),
            Box::new(m20261123_000003_rooms_and_rates::Migration),
            Box::new(m20261123_000004_guests_and_reservations::Migration),
            Box::new(m20261123_000005_outbox::Migration),
            Box::new(m20261123_000006_walks::Migration),
            Box::new(m20261123_000007_stays_and_folios::Migration),
            Box::new(m20261123_000008_charge_codes::Migration),
            Box::new(m20261123_000009_guest_id_type_width::Migration),
            Box::new(m20261123_000010_guest_prefix_search::Migration),
            Box::new(m20261124_000011_daily_rollup::Migration),
        ]
    }
}
