//! A passport's machine-readable zone (ICAO Doc 9303 part 4, TD3): two lines of 44 characters
//! that a scanner types as keyboard input. Every check digit is verified before a field is
//! trusted; a failure names the check digit that did not match.

use chrono::NaiveDate;
use serde::Serialize;

use super::Sex;
use super::error::{IdentityError, MrzCheck};

/// What a passport's MRZ says, once its check digits hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MrzData {
    /// The document code, "P" or "P" with a second letter (e.g. "PO").
    pub document_code: String,
    /// The issuing state or organisation (ICAO three-letter code, e.g. "CHN", "UTO").
    pub issuing_state: String,
    /// The primary identifier, with `<` as spaces: "ERIKSSON".
    pub surname: String,
    /// The secondary identifiers, with `<` as spaces: "ANNA MARIA"; empty if the passport has none.
    pub given_names: String,
    /// The holder's nationality (ICAO three-letter code).
    pub nationality: String,
    pub document_number: String,
    pub birth_date: NaiveDate,
    pub sex: Sex,
    pub expiry_date: NaiveDate,
    /// The optional data (often a personal number), without fillers.
    pub optional_data: String,
}

const LINE: usize = 44;

/// The value of an MRZ character in check-digit arithmetic: digits as themselves, `A`–`Z` as
/// 10–35, the filler `<` as 0.
fn value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        b'A'..=b'Z' => u32::from(c - b'A') + 10,
        _ => 0,
    }
}

/// The check digit of `field`: Σ value × 7, 3, 1, 7, 3, 1 … modulo 10.
pub fn check_digit(field: &[u8]) -> u8 {
    let sum: u32 = field
        .iter()
        .zip([7, 3, 1].into_iter().cycle())
        .map(|(&c, w)| value(c) * w)
        .sum();
    b'0' + (sum % 10) as u8
}

fn verify(field: &[u8], check: u8, which: MrzCheck) -> Result<(), IdentityError> {
    if check_digit(field) == check {
        Ok(())
    } else {
        Err(IdentityError::MrzCheckDigit(which))
    }
}

/// `<` as spaces, runs of spaces as one, trimmed.
fn words(field: &[u8]) -> String {
    String::from_utf8_lossy(field)
        .split('<')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn date(yymmdd: &[u8], century: i32) -> Option<NaiveDate> {
    let text = std::str::from_utf8(yymmdd).ok()?;
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let yy: i32 = text.get(..2)?.parse().ok()?;
    let mm: u32 = text.get(2..4)?.parse().ok()?;
    let dd: u32 = text.get(4..6)?.parse().ok()?;
    NaiveDate::from_ymd_opt(century + yy, mm, dd)
}

/// Reads a TD3 MRZ as typed by a scanner: whitespace (CR, LF, spaces) anywhere is dropped and
/// lower case is read as upper case. The date of expiry is taken in 2000–2099; the date of birth
/// in the 2000s if that is not after the expiry, else in the 1900s.
pub fn parse_mrz(text: &str) -> Result<MrzData, IdentityError> {
    let chars: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let found = chars.chars().count();
    if found != 2 * LINE {
        return Err(IdentityError::MrzLength { found });
    }
    if !chars
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'<')
    {
        return Err(IdentityError::MrzCharacters);
    }
    let (line1, line2) = chars.as_bytes().split_at(LINE);
    if line1[0] != b'P' {
        return Err(IdentityError::MrzNotPassport);
    }
    verify(&line2[0..9], line2[9], MrzCheck::DocumentNumber)?;
    verify(&line2[13..19], line2[19], MrzCheck::BirthDate)?;
    verify(&line2[21..27], line2[27], MrzCheck::ExpiryDate)?;
    let optional = &line2[28..42];
    let unused = optional.iter().all(|&c| c == b'<') && line2[42] == b'<';
    if !unused {
        verify(optional, line2[42], MrzCheck::OptionalData)?;
    }
    let composite: Vec<u8> = [&line2[0..10], &line2[13..20], &line2[21..43]].concat();
    verify(&composite, line2[43], MrzCheck::Composite)?;

    let expiry_date = date(&line2[21..27], 2000).ok_or(IdentityError::MrzExpiryDate)?;
    let birth_date = match date(&line2[13..19], 2000) {
        Some(d) if d <= expiry_date => d,
        _ => date(&line2[13..19], 1900).ok_or(IdentityError::MrzBirthDate)?,
    };
    let names = &line1[5..];
    let (surname, given_names) = match names.windows(2).position(|w| w == b"<<") {
        Some(at) => (words(&names[..at]), words(&names[at + 2..])),
        None => (words(names), String::new()),
    };
    Ok(MrzData {
        document_code: words(&line1[0..2]),
        issuing_state: words(&line1[2..5]),
        surname,
        given_names,
        nationality: words(&line2[10..13]),
        document_number: words(&line2[0..9]),
        birth_date,
        sex: match line2[20] {
            b'M' => Sex::Male,
            b'F' => Sex::Female,
            _ => Sex::Unspecified,
        },
        expiry_date,
        optional_data: words(optional),
    })
}
