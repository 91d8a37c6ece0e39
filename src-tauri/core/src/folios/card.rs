//! The guard against full card numbers: a folio keeps at most a card's brand, last four digits
//! and authorization code (PCI DSS), so any Luhn-valid run of 13–19 digits typed into a text
//! field — spaces or dashes between the digit groups included — is refused.

use super::FolioError;

/// Refuses `value` when it contains what looks like a full card number.
pub fn refuse_card_number(field: &'static str, value: &str) -> Result<(), FolioError> {
    if digit_runs(value)
        .iter()
        .any(|run| (13..=19).contains(&run.len()) && luhn_valid(run))
    {
        return Err(FolioError::CardNumber { field });
    }
    Ok(())
}

/// The maximal runs of digits, where one space or dash between two digits continues a run.
fn digit_runs(value: &str) -> Vec<Vec<u8>> {
    let chars: Vec<char> = value.chars().collect();
    let mut runs = Vec::new();
    let mut run: Vec<u8> = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        if let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) {
            run.push(u8::try_from(d).unwrap_or(0));
            continue;
        }
        let joins = matches!(c, ' ' | '-')
            && !run.is_empty()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if !joins && !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

/// The Luhn (mod 10) check every payment card number satisfies.
pub fn luhn_valid(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 1 {
                let twice = d * 2;
                if twice > 9 { twice - 9 } else { twice }
            } else {
                d
            }
        })
        .sum();
    !digits.is_empty() && sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_card_numbers_are_refused_in_any_spelling() {
        for text in [
            "4111111111111111",
            "4111 1111 1111 1111",
            "card 4111-1111-1111-1111 ok",
            "5500005555555559",
            "378282246310005",
            "6212345678901265",
        ] {
            assert!(refuse_card_number("reference", text).is_err(), "{text}");
        }
    }

    #[test]
    fn ordinary_text_and_numbers_pass() {
        for text in [
            "",
            "1234",
            "4111111111111112",
            "13800138000",
            "room 1203, 2 nights",
            "B000123",
            "41111111111111111111111",
        ] {
            assert!(refuse_card_number("reference", text).is_ok(), "{text}");
        }
    }
}
