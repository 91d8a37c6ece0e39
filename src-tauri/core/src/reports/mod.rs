//! Reports over closed business dates. The night audit writes each closed date's figures once
//! into the daily roll-up ([`rollup`]); reports read those rows, never a year of postings.
//! Permission `reports.view` (or `night_audit.run`, as for a closed date's audit report).

pub mod rollup;
mod year;

pub use year::{CodeRevenue, MonthFigures, PeriodFigures, YearReport, year};
