//! ID documents of guests: checking a number by its kind (a China resident ID's check character,
//! birth date and region; the form of passport and permit numbers), reading a passport's MRZ,
//! and masking numbers for roles without `guests.view_documents`. Pure functions (and two thin
//! use cases in `check`); `guests` stores what they return. Retention and erasure belong to the
//! guest profile, not here.

mod check;
mod error;
mod mask;
mod mrz;
mod region;
mod resident_id;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use check::{check_document, hotel_today, read_mrz};
pub use error::{IdentityError, MrzCheck};
pub use mask::{id_number_for, mask_id_number};
pub use mrz::{MrzData, check_digit, parse_mrz};
pub use region::{PROVINCES, Province, province_of};
pub use resident_id::{ResidentId, check_character};

/// The kinds of ID document a hotel registers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum IdDocumentKind {
    /// 居民身份证, 18 characters.
    ChinaResidentId,
    Passport,
    /// 港澳居民来往内地通行证: H or M and 8 (or 10) digits.
    HkMacauPermit,
    /// 台湾居民来往大陆通行证: 8 (or 10) digits.
    TaiwanPermit,
    Other,
}

impl IdDocumentKind {
    pub const ALL: [IdDocumentKind; 5] = [
        Self::ChinaResidentId,
        Self::Passport,
        Self::HkMacauPermit,
        Self::TaiwanPermit,
        Self::Other,
    ];

    /// The stable name stored in `guest.id_type` and sent to the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ChinaResidentId => "china_resident_id",
            Self::Passport => "passport",
            Self::HkMacauPermit => "hk_macau_permit",
            Self::TaiwanPermit => "taiwan_permit",
            Self::Other => "other",
        }
    }

    /// The kind named `text` (as [`as_str`](Self::as_str) writes it).
    pub fn parse(text: &str) -> Result<Self, IdentityError> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == text)
            .ok_or_else(|| IdentityError::UnknownKind {
                kind: text.chars().take(40).collect(),
            })
    }
}

/// A holder's sex as a document states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Female,
    Male,
    /// `<` or `X` in an MRZ.
    Unspecified,
}

/// An ID document as a form sends it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct IdDocumentInput {
    pub kind: IdDocumentKind,
    pub number: String,
}

/// A checked ID number and what it tells about its holder (`None` where the kind says nothing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct IdDocumentView {
    pub kind: IdDocumentKind,
    /// The number without spaces, upper-case.
    pub number: String,
    /// The number as roles without `guests.view_documents` see it.
    pub masked: String,
    /// GB/T 2260 region of issue (resident IDs).
    pub region_code: Option<String>,
    pub province: Option<Province>,
    pub birth_date: Option<NaiveDate>,
    pub sex: Option<Sex>,
    /// ICAO three-letter code where the kind implies it ("CHN" for resident IDs).
    pub nationality: Option<String>,
}

/// Drops whitespace and upper-cases: what a desk types and a scanner sends become the same.
pub fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

fn plain(kind: IdDocumentKind, number: String) -> IdDocumentView {
    IdDocumentView {
        kind,
        masked: mask_id_number(&number),
        number,
        region_code: None,
        province: None,
        birth_date: None,
        sex: None,
        nationality: None,
    }
}

fn all_digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

/// Checks `text` as a number of `kind`. A China resident ID must be 18 characters with a known
/// province, a real date of birth between 1900 and `today` and a matching check character;
/// a passport number 5–20 letters and digits; a Hong Kong/Macao permit H or M and 8 or 10
/// digits; a Taiwan permit 8 or 10 digits; any other document up to 40 letters, digits or `-`.
pub fn check_number(
    kind: IdDocumentKind,
    text: &str,
    today: NaiveDate,
) -> Result<IdDocumentView, IdentityError> {
    let number = normalize(text);
    if number.is_empty() {
        return Err(IdentityError::NumberRequired);
    }
    let len = number.chars().count();
    let alnum = number.chars().all(|c| c.is_ascii_alphanumeric());
    let fits = match kind {
        IdDocumentKind::ChinaResidentId => {
            let id = resident_id::parse(&number, today)?;
            return Ok(IdDocumentView {
                region_code: Some(id.region_code),
                province: Some(id.province),
                birth_date: Some(id.birth_date),
                sex: Some(id.sex),
                nationality: Some("CHN".into()),
                ..plain(kind, id.number)
            });
        }
        IdDocumentKind::Passport => (5..=20).contains(&len) && alnum,
        IdDocumentKind::HkMacauPermit => {
            (len == 9 || len == 11)
                && (number.starts_with('H') || number.starts_with('M'))
                && all_digits(&number[1..])
        }
        IdDocumentKind::TaiwanPermit => (len == 8 || len == 10) && all_digits(&number),
        IdDocumentKind::Other => {
            len <= 40 && number.chars().all(|c| c.is_alphanumeric() || c == '-')
        }
    };
    if fits {
        Ok(plain(kind, number))
    } else {
        Err(IdentityError::NumberFormat)
    }
}
