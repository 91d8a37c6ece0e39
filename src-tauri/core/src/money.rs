//! Exact money: amounts are `rust_decimal::Decimal` in the core, decimal strings over the IPC,
//! and integer minor units in the database (a sea-orm decimal would become REAL on SQLite).

use rust_decimal::Decimal;

use crate::validate::{Invalid, Rule};

/// Converts an amount to minor units of a currency with `digits` decimals, refusing amounts
/// with more decimals than the currency has (nothing is silently rounded).
pub fn to_minor(field: &'static str, amount: Decimal, digits: u32) -> Result<i64, Invalid> {
    // An amount near Decimal::MAX overflows when scaled: refused like any other that does not fit.
    let scaled = amount
        .checked_mul(Decimal::from(10_i64.pow(digits)))
        .ok_or_else(|| Invalid::new(field, Rule::Format))?;
    if scaled.fract() != Decimal::ZERO {
        return Err(Invalid::new(field, Rule::Format));
    }
    i64::try_from(scaled.trunc()).map_err(|_| Invalid::new(field, Rule::Format))
}

/// Converts minor units back to an amount with exactly `digits` decimals ("249.00").
pub fn from_minor(minor: i64, digits: u32) -> Decimal {
    Decimal::new(minor, digits)
}

/// Parses a decimal string typed by a user: an optional sign, digits and at most one point
/// ("1,234.50", "1_234.50" and "1e5" are refused: no grouping separators, no exponent), and only
/// if it is held exactly (more digits than a `Decimal` holds would be rounded: refused).
pub fn parse(field: &'static str, text: &str) -> Result<Decimal, Invalid> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Invalid::new(field, Rule::Required));
    }
    let bad = || Invalid::new(field, Rule::Format);
    let unsigned = t.strip_prefix(['-', '+']).unwrap_or(t);
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || !digits(frac) || int.len() + frac.len() == 0 {
        return Err(bad());
    }
    let amount = t.parse::<Decimal>().map_err(|_| bad())?;
    // rust_decimal rounds away the decimals it cannot hold, which lowers the scale.
    if amount.scale() as usize != frac.len() {
        return Err(bad());
    }
    Ok(amount)
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
    fn parse_refuses_what_is_not_a_plain_decimal() {
        for text in [
            "1_000", "1_234.50", "1e5", "1,234.50", "--5", "+-5", "5.5.5", ".", "-",
        ] {
            assert_eq!(
                parse("amount", text).unwrap_err().rule,
                Rule::Format,
                "{text:?}"
            );
        }
        assert_eq!(parse("amount", "+5").unwrap().to_string(), "5");
        assert_eq!(parse("amount", "-.5").unwrap().to_string(), "-0.5");
    }

    #[test]
    fn parse_refuses_amounts_it_would_round() {
        // 29 decimals, 30 significant digits: rust_decimal would silently round both.
        assert!(parse("amount", "1.00000000000000000000000000001").is_err());
        assert!(parse("amount", "12345678901234567890123456789.9").is_err());
        let most = "0.1234567890123456789012345678";
        assert_eq!(parse("amount", most).unwrap().to_string(), most);
    }

    #[test]
    fn to_minor_refuses_amounts_too_large_to_scale() {
        let max = parse("amount", "79228162514264337593543950335").unwrap();
        assert_eq!(to_minor("amount", max, 2).unwrap_err().rule, Rule::Format);
        assert_eq!(to_minor("amount", -max, 0).unwrap_err().rule, Rule::Format);
    }

    #[test]
    fn parse_refuses_words() {
        assert!(parse("amount", "abc").is_err());
        assert!(parse("amount", "").is_err());
        assert_eq!(parse("amount", " 0.10 ").unwrap().to_string(), "0.10");
    }
}
