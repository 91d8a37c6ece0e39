//! Amounts as a user types them: `money::parse`, then `money::to_minor` / `from_minor` for
//! currencies with 0–4 decimals (what every use case does with a typed amount).
//!
//! Properties: only a plain decimal (sign, digits, one point) is accepted, and its value is
//! exactly what was typed (nothing rounded); a parsed amount formatted parses back equal with
//! the same decimals; `to_minor` never panics, refuses only amounts with more decimals than the
//! currency or beyond i64 minor units, and `from_minor` gives the amount back.
#![no_main]

use innkeep_core::money::{from_minor, parse, to_minor};
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(amount) = parse("amount", text) else {
        return;
    };
    let typed = text.trim();
    let canonical = plain_decimal(typed)
        .unwrap_or_else(|| panic!("{typed:?} is not a plain decimal but was accepted"));
    assert_eq!(
        canonical_of(amount),
        canonical,
        "{typed:?} was read as {amount}"
    );

    let formatted = amount.to_string();
    let back = parse("amount", &formatted).expect("a formatted amount parses");
    assert_eq!(back, amount);
    assert_eq!(
        back.scale(),
        amount.scale(),
        "{formatted} keeps its decimals"
    );

    for digits in 0..=4 {
        match to_minor("amount", amount, digits) {
            Ok(minor) => assert_eq!(from_minor(minor, digits), amount),
            Err(_) => {
                let too_precise = amount.normalize().scale() > digits;
                let too_large = amount.abs() >= Decimal::from(i64::MAX / 10_i64.pow(digits));
                assert!(
                    too_precise || too_large,
                    "{amount} refused for {digits} decimals"
                );
            }
        }
    }
});

/// `(negative, integer digits, fraction digits)` of a plain decimal with leading zeros of the
/// integer part and trailing zeros of the fraction dropped; `None` unless `text` is an optional
/// sign, digits, and at most one point with at least one digit around it.
fn plain_decimal(text: &str) -> Option<(bool, String, String)> {
    let (negative, unsigned) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || !digits(frac) || int.len() + frac.len() == 0 {
        return None;
    }
    let int = int.trim_start_matches('0').to_string();
    let frac = frac.trim_end_matches('0').to_string();
    let zero = int.is_empty() && frac.is_empty();
    Some((negative && !zero, int, frac))
}

fn canonical_of(amount: Decimal) -> (bool, String, String) {
    let text = amount.abs().normalize().to_string();
    plain_decimal(&text).map_or((false, text, String::new()), |(_, int, frac)| {
        (amount.is_sign_negative() && !amount.is_zero(), int, frac)
    })
}
