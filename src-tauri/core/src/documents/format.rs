//! How documents write amounts, dates and bilingual labels.

use chrono::{Datelike, NaiveDate, Weekday};
use rust_decimal::Decimal;

use crate::pricing;

/// An amount with exactly the currency's digits and thousands separators: "1,234.50",
/// "-20.00". Formatted from the decimal digits, never through a float.
pub(crate) fn amount(value: Decimal, digits: u32) -> String {
    let text = pricing::round(value, digits).abs().to_string();
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w.to_string(), format!(".{f}")),
        None => (text.clone(), String::new()),
    };
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if value.is_sign_negative() && !pricing::round(value, digits).is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{grouped}{fraction}")
}

/// An amount with its currency code: "CNY 1,234.50", joined by a no-break space so a line
/// never breaks between them.
pub(crate) fn money(value: Decimal, digits: u32, currency: &str) -> String {
    format!("{currency}\u{a0}{}", amount(value, digits))
}

/// "2026-11-23"
pub(crate) fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The weekday in both languages: "周一 Mon".
pub(crate) fn weekday(d: NaiveDate) -> &'static str {
    match d.weekday() {
        Weekday::Mon => "周一 Mon",
        Weekday::Tue => "周二 Tue",
        Weekday::Wed => "周三 Wed",
        Weekday::Thu => "周四 Thu",
        Weekday::Fri => "周五 Fri",
        Weekday::Sat => "周六 Sat",
        Weekday::Sun => "周日 Sun",
    }
}

/// A percentage without trailing zeros: 6.00 → "6", 12.50 → "12.5".
pub(crate) fn percent(value: Decimal) -> String {
    value.normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    #[test]
    fn amounts_keep_the_currency_digits_and_group_thousands() {
        assert_eq!(amount(d("1234.5"), 2), "1,234.50");
        assert_eq!(amount(d("1234567.891"), 2), "1,234,567.89");
        assert_eq!(amount(d("-20"), 2), "-20.00");
        assert_eq!(amount(d("999"), 0), "999");
        assert_eq!(amount(d("0.10") + d("0.20"), 2), "0.30");
        assert_eq!(amount(d("-0.001"), 2), "0.00");
        assert_eq!(money(d("598"), 2, "CNY"), "CNY\u{a0}598.00");
    }

    #[test]
    fn dates_and_percentages() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        assert_eq!(date(day), "2026-11-23");
        assert_eq!(weekday(day), "周一 Mon");
        assert_eq!(percent(d("6.00")), "6");
        assert_eq!(percent(d("12.50")), "12.5");
    }
}
