//! The daily roll-up: one row of figures per closed business date (`daily_figures`) and one per
//! charge code and date (`daily_code_figures`), written by the night audit inside its
//! transaction. A closed date never changes, so the year report reads at most 366 rows instead
//! of a year of postings. Dates already closed are backfilled here from their postings and
//! nights, with the same definitions as the audit's own report.

use sea_orm_migration::{prelude::*, schema::*};

use crate::shape::references;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261124_000011_daily_rollup"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(DailyFigures::Table)
                .col(integer(DailyFigures::PropertyId))
                .col(date(DailyFigures::BusinessDate))
                .col(integer(DailyFigures::RoomsAvailable))
                .col(integer(DailyFigures::RoomsOccupied))
                .col(big_integer(DailyFigures::RoomRevenueMinor))
                .col(big_integer(DailyFigures::RevenueMinor))
                .col(big_integer(DailyFigures::TaxMinor))
                .col(big_integer(DailyFigures::PaymentsMinor))
                .primary_key(
                    Index::create()
                        .col(DailyFigures::PropertyId)
                        .col(DailyFigures::BusinessDate),
                )
                .foreign_key(&mut references(
                    DailyFigures::Table,
                    DailyFigures::PropertyId,
                    Property::Table,
                    Property::Id,
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(DailyCodeFigures::Table)
                .col(integer(DailyCodeFigures::PropertyId))
                .col(date(DailyCodeFigures::BusinessDate))
                .col(integer(DailyCodeFigures::ChargeCodeId))
                .col(big_integer(DailyCodeFigures::AmountMinor))
                .col(big_integer(DailyCodeFigures::TaxMinor))
                .primary_key(
                    Index::create()
                        .col(DailyCodeFigures::PropertyId)
                        .col(DailyCodeFigures::BusinessDate)
                        .col(DailyCodeFigures::ChargeCodeId),
                )
                .foreign_key(&mut references(
                    DailyCodeFigures::Table,
                    DailyCodeFigures::PropertyId,
                    Property::Table,
                    Property::Id,
                ))
                .foreign_key(&mut references(
                    DailyCodeFigures::Table,
                    DailyCodeFigures::ChargeCodeId,
                    ChargeCode::Table,
                    ChargeCode::Id,
                ))
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        db.execute_unprepared(&format!("{CLOSED}{DAILY_FIGURES}"))
            .await?;
        db.execute_unprepared(&format!("{CLOSED}{DAILY_CODE_FIGURES}"))
            .await?;
        Ok(())
    }
}

/// Every date that has a night audit row, for every property.
const CLOSED: &str = "WITH closed AS (SELECT property_id, business_date AS d FROM night_audit), ";

/// The figures of the closed dates, as the night audit's report defines them: rooms available
/// are the active rooms less those out of order that night; rooms occupied the nights of
/// checked-in or checked-out bookings; room revenue the ROOM charges for the night itself;
/// revenue and tax every charge; payments the payments and refunds, net.
const DAILY_FIGURES: &str = "\
rooms AS (SELECT property_id, COUNT(*) AS k FROM room WHERE active = TRUE GROUP BY property_id), \
blocked AS (SELECT c.property_id, c.d, COUNT(DISTINCT b.room_id) AS k FROM closed c \
  JOIN room_block b ON b.property_id = c.property_id AND b.kind = 'out_of_order' \
   AND b.date_from <= c.d AND b.date_to > c.d \
  JOIN room r ON r.id = b.room_id AND r.active = TRUE \
  GROUP BY c.property_id, c.d), \
sold AS (SELECT c.property_id, c.d, COUNT(*) AS k FROM closed c \
  JOIN reservation_night n ON n.property_id = c.property_id AND n.night = c.d \
  JOIN reservation v ON v.id = n.reservation_id \
  WHERE v.state IN ('checked_in', 'checked_out') \
  GROUP BY c.property_id, c.d), \
money AS (SELECT c.property_id, c.d, \
  SUM(CASE WHEN p.kind = 'charge' AND k.code = 'ROOM' AND p.night = c.d \
      THEN p.amount_minor ELSE 0 END) AS room, \
  SUM(CASE WHEN p.kind = 'charge' AND k.id IS NOT NULL THEN p.amount_minor ELSE 0 END) AS revenue, \
  SUM(CASE WHEN p.kind = 'charge' AND k.id IS NOT NULL THEN p.tax_minor ELSE 0 END) AS tax, \
  SUM(CASE WHEN p.kind IN ('payment', 'refund') THEN 0 - p.amount_minor ELSE 0 END) AS payments \
  FROM closed c \
  JOIN posting p ON p.property_id = c.property_id AND p.business_date = c.d \
  LEFT JOIN charge_code k ON k.id = p.charge_code_id AND k.property_id = p.property_id \
  GROUP BY c.property_id, c.d) \
INSERT INTO daily_figures (property_id, business_date, rooms_available, rooms_occupied, \
  room_revenue_minor, revenue_minor, tax_minor, payments_minor) \
SELECT c.property_id, c.d, COALESCE(r.k, 0) - COALESCE(b.k, 0), COALESCE(s.k, 0), \
  COALESCE(m.room, 0), COALESCE(m.revenue, 0), COALESCE(m.tax, 0), COALESCE(m.payments, 0) \
FROM closed c \
LEFT JOIN rooms r ON r.property_id = c.property_id \
LEFT JOIN blocked b ON b.property_id = c.property_id AND b.d = c.d \
LEFT JOIN sold s ON s.property_id = c.property_id AND s.d = c.d \
LEFT JOIN money m ON m.property_id = c.property_id AND m.d = c.d";

/// Revenue and tax of every charge code on the closed dates.
const DAILY_CODE_FIGURES: &str = "\
totals AS (SELECT c.property_id, c.d, p.charge_code_id, \
  SUM(p.amount_minor) AS amount, SUM(p.tax_minor) AS tax FROM closed c \
  JOIN posting p ON p.property_id = c.property_id AND p.business_date = c.d \
  WHERE p.kind = 'charge' AND p.charge_code_id IS NOT NULL \
  GROUP BY c.property_id, c.d, p.charge_code_id) \
INSERT INTO daily_code_figures (property_id, business_date, charge_code_id, amount_minor, \
  tax_minor) \
SELECT property_id, d, charge_code_id, amount, tax FROM totals";

#[derive(DeriveIden, Clone, Copy)]
enum DailyFigures {
    Table,
    PropertyId,
    BusinessDate,
    RoomsAvailable,
    RoomsOccupied,
    RoomRevenueMinor,
    RevenueMinor,
    TaxMinor,
    PaymentsMinor,
}

#[derive(DeriveIden, Clone, Copy)]
enum DailyCodeFigures {
    Table,
    PropertyId,
    BusinessDate,
    ChargeCodeId,
    AmountMinor,
    TaxMinor,
}

#[derive(DeriveIden, Clone, Copy)]
enum Property {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum ChargeCode {
    Table,
    Id,
}
