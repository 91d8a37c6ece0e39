//! Exact money: amounts are `rust_decimal::Decimal` in the core, decimal strings over the IPC,
//! and integer minor units in the database (a sea-orm decimal would become REAL on SQLite).

use rust_decimal::Decimal;

use crate::validate::{Invalid, Rule};

/// Converts an amount to minor units of a currency with `digits` decimals, refusing amounts
/// with more decimals than the currency has (nothing is silently rounded).
pub fn to_minor(field: &'static str, amount: Decimal, digits: u32) -> Result<i64, Invalid> {
    let scaled = amount * Decimal::from(10_i64.pow(digits));
    if scaled.fract() != Decimal::ZERO {
        return Err(Invalid::new(field, Rule::Format));
    }
    i64::try_from(scaled.trunc()).map_err(|_| Invalid::new(field, Rule::Format))
}

/// Converts minor units back to an amount with exactly `digits` decimals ("249.00").
pub fn from_minor(minor: i64, digits: u32) -> Decimal {
    Decimal::new(minor, digits)
}

/// Parses a decimal string typed by a user ("1,234.50" is refused: no grouping separators).
pub fn parse(field: &'static str, text: &str) -> Result<Decimal, Invalid> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Invalid::new(field, Rule::Required));
    }
    t.parse::<Decimal>()
        .map_err(|_| Invalid::new(field, Rule::Format))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn round_trips_keep_the_currency_digits() {
        let m = to_minor("amount", Decimal::from_str("249").unwrap(), 2).unwrap();
        assert_eq!(m, 24900);
        assert_eq!(from_minor(m, 2).to_string(), "249.00");
    }

    #[test]
    fn more_decimals_than_the_currency_has_are_refused() {
        assert!(to_minor("amount", Decimal::from_str("0.105").unwrap(), 2).is_err());
        assert!(to_minor("amount", Decimal::from_str("100.5").unwrap(), 0).is_err());
    }

    #[test]
    fn parse_refuses_words() {
        assert!(parse("amount", "abc").is_err());
        assert!(parse("amount", "").is_err());
        assert_eq!(parse("amount", " 0.10 ").unwrap().to_string(), "0.10");
    }
}
