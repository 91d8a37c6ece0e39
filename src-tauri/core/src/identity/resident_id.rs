//! China resident ID numbers (GB 11643-1999): six digits of region (GB/T 2260), eight of birth
//! date, three of sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check
//! character, `0`–`9` or `X`. The old 15-digit numbers are not accepted: they expired in 2013.

use chrono::{Datelike, NaiveDate};

use super::Sex;
use super::error::IdentityError;
use super::region::{Province, province_of};

/// What a valid resident ID number says about its holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResidentId {
    /// The 18 characters, upper-case.
    pub number: String,
    /// The six-digit GB/T 2260 region code of issue.
    pub region_code: String,
    pub province: Province,
    pub birth_date: NaiveDate,
    pub sex: Sex,
}

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// The ISO 7064 MOD 11-2 check character of 17 digits; `None` if `body` is not 17 ASCII digits.
pub fn check_character(body: &str) -> Option<char> {
    if body.len() != 17 || !body.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = body
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    CHECK_CHARS.get((sum % 11) as usize).copied()
}

/// Validates an already upper-cased, space-free number against `today` (the date of birth may
/// not lie after it, nor before 1900). Errors name the first rule broken, in reading order:
/// length, characters, province, date of birth, check character.
pub fn parse(number: &str, today: NaiveDate) -> Result<ResidentId, IdentityError> {
    let found = number.chars().count();
    if found != 18 {
        return Err(IdentityError::ResidentIdLength { found });
    }
    // 18 characters may be more than 18 bytes: check them before splitting at byte 17.
    if !number.is_ascii() {
        return Err(IdentityError::ResidentIdCharacters);
    }
    let (body, last) = number.split_at(17);
    if !body.bytes().all(|b| b.is_ascii_digit())
        || !last.bytes().all(|b| b.is_ascii_digit() || b == b'X')
    {
        return Err(IdentityError::ResidentIdCharacters);
    }
    let region_code = &number[..6];
    let province = province_of(region_code).ok_or_else(|| IdentityError::ResidentIdRegion {
        code: region_code[..2].to_string(),
    })?;
    let birth_text = &number[6..14];
    let birth_date = date_of(birth_text).ok_or_else(|| IdentityError::ResidentIdBirthDate {
        text: format!(
            "{}-{}-{}",
            &birth_text[..4],
            &birth_text[4..6],
            &birth_text[6..]
        ),
    })?;
    if birth_date > today {
        return Err(IdentityError::ResidentIdBirthFuture { date: birth_date });
    }
    if birth_date.year() < 1900 {
        return Err(IdentityError::ResidentIdBirthTooEarly { date: birth_date });
    }
    if check_character(body) != last.chars().next() {
        return Err(IdentityError::ResidentIdCheckCharacter);
    }
    let sequence_last = number.as_bytes()[16] - b'0';
    Ok(ResidentId {
        number: number.to_string(),
        region_code: region_code.to_string(),
        province,
        birth_date,
        sex: if sequence_last % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        },
    })
}

/// `YYYYMMDD` (ASCII digits) as a date, if it is a real one.
fn date_of(digits: &str) -> Option<NaiveDate> {
    let year = digits.get(..4)?.parse().ok()?;
    let month = digits.get(4..6)?.parse().ok()?;
    let day = digits.get(6..8)?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}
