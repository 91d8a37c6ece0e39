//! What cancelling a priced stay or not showing up costs, by the rate plan's policy.

use chrono::{NaiveDateTime, TimeDelta};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Quote, round};

/// What a fee charges.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum CancellationFee {
    None,
    FirstNight,
    /// A percentage of the stay's total (10 = 10 %).
    Percent(#[specta(type = String)] Decimal),
    WholeStay,
}

/// Cancelling is free until `free_until_hours_before` hours before the check-in time on the
/// arrival day; after that it costs `fee`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CancellationPolicy {
    pub free_until_hours_before: u32,
    pub fee: CancellationFee,
}

/// What a guest who does not arrive is charged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NoShowRule {
    pub fee: CancellationFee,
}

/// The fee for cancelling `quote` at `now`; `arrival_at` is the check-in time on the arrival day.
/// Both are hotel-local. Zero up to and including the end of the free window; never more than
/// the stay's total.
pub fn cancellation_fee(
    policy: &CancellationPolicy,
    quote: &Quote,
    arrival_at: NaiveDateTime,
    now: NaiveDateTime,
    digits: u32,
) -> Decimal {
    let hours = TimeDelta::hours(i64::from(policy.free_until_hours_before));
    let free_until = arrival_at.checked_sub_signed(hours);
    if free_until.is_some_and(|deadline| now <= deadline) {
        return round(Decimal::ZERO, digits);
    }
    fee(&policy.fee, quote, digits)
}

/// The fee charged when the guest of `quote` does not arrive.
pub fn no_show_fee(rule: &NoShowRule, quote: &Quote, digits: u32) -> Decimal {
    fee(&rule.fee, quote, digits)
}

fn fee(fee: &CancellationFee, quote: &Quote, digits: u32) -> Decimal {
    let amount = match fee {
        CancellationFee::None => Decimal::ZERO,
        CancellationFee::FirstNight => quote.nights.first().map_or(Decimal::ZERO, |n| n.amount),
        CancellationFee::Percent(pct) => quote.total * pct / Decimal::ONE_HUNDRED,
        CancellationFee::WholeStay => quote.total,
    };
    round(amount.min(quote.total).max(Decimal::ZERO), digits)
}
