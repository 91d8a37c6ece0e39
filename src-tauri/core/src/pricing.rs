//! Pricing a stay from a rate plan's terms (nightly prices, restrictions, promotions, the tax
//! split), re-pricing a changed stay, and what cancelling or not showing up costs. Pure
//! arithmetic: no database, no clock; it does not choose the rate plan or post anything.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

mod cancellation;
mod error;
#[cfg(test)]
mod tests;

pub use cancellation::{
    CancellationFee, CancellationPolicy, NoShowRule, cancellation_fee, no_show_fee,
};
pub use error::PricingError;

/// Result of pricing.
pub type Result<T, E = PricingError> = std::result::Result<T, E>;

/// The one rounding policy: per line, to the currency's digits, midpoint away from zero. The
/// result always carries exactly `digits` decimals ("249.00").
pub fn round(amount: Decimal, digits: u32) -> Decimal {
    let mut rounded = amount.round_dp_with_strategy(digits, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(digits);
    rounded
}

/// Days of the week: bit 0 is Monday … bit 6 is Sunday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekdaySet(pub u8);

impl WeekdaySet {
    pub const ALL: WeekdaySet = WeekdaySet(0b111_1111);

    /// The set holding exactly `days`.
    pub fn of(days: &[Weekday]) -> Self {
        Self(
            days.iter()
                .fold(0, |bits, d| bits | 1 << d.num_days_from_monday()),
        )
    }

    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.num_days_from_monday()) != 0
    }
}

/// A price or restriction for some nights of a rate plan. It applies to a night within
/// `from..=to` (either end may be open) whose weekday is in `weekdays`. A rule without a price
/// only carries its closures.
#[derive(Debug, Clone, PartialEq)]
pub struct PriceRule {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub weekdays: WeekdaySet,
    pub price: Option<Decimal>,
    pub closed_to_arrival: bool,
    pub closed_to_departure: bool,
}

impl PriceRule {
    fn applies(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|from| from <= day)
            && self.to.is_none_or(|to| day <= to)
            && self.weekdays.contains(day.weekday())
    }

    /// Smaller is narrower: a closed date range by its length, any open range after all of them.
    fn width(&self) -> (bool, i64) {
        match (self.from, self.to) {
            (Some(from), Some(to)) => (false, (to - from).num_days()),
            _ => (true, 0),
        }
    }
}

/// How a rate plan prices nights: the base price, its tax mode and rate (0.06 = 6 %), the rules
/// that override it, and the length-of-stay restrictions.
#[derive(Debug, Clone, PartialEq)]
pub struct RatePlanTerms {
    pub base_price: Decimal,
    pub tax_inclusive: bool,
    pub tax_rate: Decimal,
    pub rules: Vec<PriceRule>,
    pub min_stay: u32,
    pub max_stay: Option<u32>,
    pub currency_digits: u32,
}

impl RatePlanTerms {
    /// The listed price of a night and where it comes from: of the priced rules that apply, the
    /// narrowest date range wins; on a tie the later rule wins; with none, the base price.
    fn night_price(&self, night: NaiveDate) -> (Decimal, PriceSource) {
        let mut best: Option<((bool, i64), usize, Decimal)> = None;
        for (index, rule) in self.rules.iter().enumerate() {
            if let Some(price) = rule.price.filter(|_| rule.applies(night)) {
                let width = rule.width();
                if best.is_none_or(|(w, _, _)| width <= w) {
                    best = Some((width, index, price));
                }
            }
        }
        match best {
            Some((_, index, price)) => (price, PriceSource::Rule(index)),
            None => (self.base_price, PriceSource::Base),
        }
    }

    fn check_prices(&self) -> Result<()> {
        let mut prices =
            std::iter::once(self.base_price).chain(self.rules.iter().filter_map(|r| r.price));
        if self.tax_rate < Decimal::ZERO || prices.any(|p| p < Decimal::ZERO) {
            return Err(PricingError::NegativePrice);
        }
        Ok(())
    }

    /// Length of stay, then closures of the dates that are being chosen now.
    fn check_stay(
        &self,
        arrival: NaiveDate,
        departure: NaiveDate,
        arrival_chosen: bool,
        departure_chosen: bool,
    ) -> Result<()> {
        let nights = (departure - arrival).num_days();
        if nights <= 0 {
            return Err(PricingError::DepartureNotAfterArrival);
        }
        if nights < i64::from(self.min_stay) {
            return Err(PricingError::StayTooShort { min: self.min_stay });
        }
        if let Some(max) = self.max_stay.filter(|&max| nights > i64::from(max)) {
            return Err(PricingError::StayTooLong { max });
        }
        let closed = |date, which: fn(&PriceRule) -> bool| {
            self.rules.iter().any(|r| which(r) && r.applies(date))
        };
        if arrival_chosen && closed(arrival, |r| r.closed_to_arrival) {
            return Err(PricingError::ClosedToArrival { date: arrival });
        }
        if departure_chosen && closed(departure, |r| r.closed_to_departure) {
            return Err(PricingError::ClosedToDeparture { date: departure });
        }
        Ok(())
    }
}

/// A promotion code with its discount, valid for bookings made from `valid_from` to `valid_to`.
#[derive(Debug, Clone, PartialEq)]
pub struct Promotion {
    pub code: String,
    pub kind: Discount,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub remaining_uses: Option<u32>,
}

/// What a promotion takes off.
#[derive(Debug, Clone, PartialEq)]
pub enum Discount {
    /// A percentage of every night (10 = 10 %).
    Percent(Decimal),
    /// An amount off the whole stay, spread over its nights: the first nights take the rounding
    /// remainder, no night goes below zero, and the sum is exact up to the stay's price.
    Amount(Decimal),
}

impl Promotion {
    /// Whether the promotion may be used for a booking made on `today`.
    ///
    /// Errors: [`PricingError::PromotionNotValid`] outside its dates or with a negative discount,
    /// [`PricingError::PromotionUsedUp`] when no use is left.
    pub fn check(&self, today: NaiveDate) -> Result<()> {
        let value = match self.kind {
            Discount::Percent(v) | Discount::Amount(v) => v,
        };
        if today < self.valid_from || today > self.valid_to || value < Decimal::ZERO {
            return Err(PricingError::PromotionNotValid {
                code: self.code.clone(),
            });
        }
        if self.remaining_uses == Some(0) {
            return Err(PricingError::PromotionUsedUp {
                code: self.code.clone(),
            });
        }
        Ok(())
    }
}

/// Where a night's listed price comes from: the base price or a rule (its index in the terms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum PriceSource {
    Base,
    Rule(#[specta(type = u32)] usize),
}

/// One night of a quote. `price` is the listed price, `amount` what the guest pays for the
/// night (gross); `amount == net + tax` and `price - discount` is the gross amount for a
/// tax-inclusive plan and the net for a tax-exclusive one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NightQuote {
    pub night: NaiveDate,
    #[specta(type = String)]
    pub price: Decimal,
    #[specta(type = String)]
    pub discount: Decimal,
    #[specta(type = String)]
    pub amount: Decimal,
    #[specta(type = String)]
    pub net: Decimal,
    #[specta(type = String)]
    pub tax: Decimal,
    pub source: PriceSource,
}

/// The price of a stay, night by night; the totals are sums of the rounded nights, so the
/// total is exactly what the nights add up to. `promotion` names the code used for pricing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    pub nights: Vec<NightQuote>,
    #[specta(type = String)]
    pub total: Decimal,
    #[specta(type = String)]
    pub net_total: Decimal,
    #[specta(type = String)]
    pub tax_total: Decimal,
    #[specta(type = String)]
    pub discount_total: Decimal,
    pub promotion: Option<String>,
}

impl Quote {
    /// A quote of `nights` (in order), its totals summed from them: also how a stored stay is
    /// rebuilt for a fee or a change.
    pub fn from_nights(nights: Vec<NightQuote>, promotion: Option<String>) -> Self {
        let sum = |field: fn(&NightQuote) -> Decimal| nights.iter().map(field).sum::<Decimal>();
        Self {
            total: sum(|n| n.amount),
            net_total: sum(|n| n.net),
            tax_total: sum(|n| n.tax),
            discount_total: sum(|n| n.discount),
            nights,
            promotion,
        }
    }
}

/// Prices the stay from `arrival` to `departure` (its nights are `arrival..departure`) for a
/// booking made on `today`.
///
/// Errors, in this order: negative prices in the terms, departure not after arrival, too short
/// or too long a stay, closed to arrival or departure, a promotion out of date or used up.
pub fn quote(
    terms: &RatePlanTerms,
    arrival: NaiveDate,
    departure: NaiveDate,
    promotion: Option<&Promotion>,
    today: NaiveDate,
) -> Result<Quote> {
    terms.check_prices()?;
    terms.check_stay(arrival, departure, true, true)?;
    if let Some(p) = promotion {
        p.check(today)?;
    }
    let nights: Vec<NaiveDate> = arrival.iter_days().take_while(|d| *d < departure).collect();
    let priced = price_nights(terms, &nights, promotion.map(|p| &p.kind), Decimal::ZERO);
    Ok(Quote::from_nights(
        priced,
        promotion.map(|p| p.code.clone()),
    ))
}

/// Prices a changed stay: every night that was already in `old` keeps its night exactly as it
/// was quoted (even if the terms changed since, so its `source` names a rule of the terms it
/// was priced with); only the added nights are priced anew.
///
/// Closures are checked only for a date that moves. A promotion with the same code as `old`'s
/// is the one the reservation already holds and is not checked again; its amount discount
/// gives the added nights only what the kept nights have not already taken. Another code is
/// checked against `today` as for a new booking. Errors as [`quote`].
pub fn requote(
    terms: &RatePlanTerms,
    old: &Quote,
    arrival: NaiveDate,
    departure: NaiveDate,
    promotion: Option<&Promotion>,
    today: NaiveDate,
) -> Result<Quote> {
    terms.check_prices()?;
    let old_arrival = old.nights.first().map(|n| n.night);
    let old_departure = old.nights.last().and_then(|n| n.night.succ_opt());
    terms.check_stay(
        arrival,
        departure,
        old_arrival != Some(arrival),
        old_departure != Some(departure),
    )?;
    let held = promotion.filter(|p| old.promotion.as_deref() == Some(p.code.as_str()));
    if let Some(p) = promotion.filter(|_| held.is_none()) {
        p.check(today)?;
    }

    let by_night: BTreeMap<NaiveDate, &NightQuote> =
        old.nights.iter().map(|n| (n.night, n)).collect();
    let nights: Vec<NaiveDate> = arrival.iter_days().take_while(|d| *d < departure).collect();
    let added: Vec<NaiveDate> = nights
        .iter()
        .copied()
        .filter(|d| !by_night.contains_key(d))
        .collect();
    let already_given = match held {
        Some(_) => nights
            .iter()
            .filter_map(|d| by_night.get(d))
            .map(|n| n.discount)
            .sum(),
        None => Decimal::ZERO,
    };
    let mut fresh =
        price_nights(terms, &added, promotion.map(|p| &p.kind), already_given).into_iter();
    let merged = nights
        .iter()
        .filter_map(|d| match by_night.get(d) {
            Some(kept) => Some((*kept).clone()),
            None => fresh.next(),
        })
        .collect();
    Ok(Quote::from_nights(
        merged,
        promotion.map(|p| p.code.clone()),
    ))
}

/// Prices `nights` with an optional discount; an amount discount is reduced by `already_given`.
fn price_nights(
    terms: &RatePlanTerms,
    nights: &[NaiveDate],
    discount: Option<&Discount>,
    already_given: Decimal,
) -> Vec<NightQuote> {
    let digits = terms.currency_digits;
    let listed: Vec<(Decimal, PriceSource)> = nights
        .iter()
        .map(|&night| {
            let (price, source) = terms.night_price(night);
            (round(price, digits), source)
        })
        .collect();
    let prices: Vec<Decimal> = listed.iter().map(|(price, _)| *price).collect();
    let discounts: Vec<Decimal> = match discount {
        None => vec![Decimal::ZERO; nights.len()],
        Some(Discount::Percent(pct)) => prices
            .iter()
            .map(|&p| {
                round(p * pct / Decimal::ONE_HUNDRED, digits)
                    .min(p)
                    .max(Decimal::ZERO)
            })
            .collect(),
        Some(Discount::Amount(total)) => {
            spread(round(*total, digits) - already_given, &prices, digits)
        }
    };
    nights
        .iter()
        .zip(listed)
        .zip(discounts)
        .map(|((&night, (price, source)), discount)| {
            night_quote(terms, night, price, round(discount, digits), source)
        })
        .collect()
}

/// Spreads `amount` over nights with `prices`: equal shares, the first nights taking the
/// rounding remainder; what a night cannot absorb goes to the first nights with room left.
fn spread(amount: Decimal, prices: &[Decimal], digits: u32) -> Vec<Decimal> {
    if prices.is_empty() || amount <= Decimal::ZERO {
        return vec![Decimal::ZERO; prices.len()];
    }
    let unit = Decimal::new(1, digits);
    let count = Decimal::from(prices.len());
    let share = (amount / count).round_dp_with_strategy(digits, RoundingStrategy::ToZero);
    let mut remainder = amount - share * count;
    let mut left = amount;
    let mut given: Vec<Decimal> = prices
        .iter()
        .map(|&price| {
            let mut want = share;
            if remainder >= unit {
                want += unit;
                remainder -= unit;
            }
            let d = want.min(price);
            left -= d;
            d
        })
        .collect();
    for (d, &price) in given.iter_mut().zip(prices) {
        let more = (price - *d).min(left);
        *d += more;
        left -= more;
    }
    given
}

fn night_quote(
    terms: &RatePlanTerms,
    night: NaiveDate,
    price: Decimal,
    discount: Decimal,
    source: PriceSource,
) -> NightQuote {
    let digits = terms.currency_digits;
    let charged = price - discount;
    let (amount, net, tax) = if terms.tax_inclusive {
        let tax = round(charged - charged / (Decimal::ONE + terms.tax_rate), digits);
        (charged, charged - tax, tax)
    } else {
        let tax = round(charged * terms.tax_rate, digits);
        (charged + tax, charged, tax)
    };
    NightQuote {
        night,
        price,
        discount,
        amount,
        net,
        tax,
        source,
    }
}
