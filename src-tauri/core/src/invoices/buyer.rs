//! Who an invoice is made out to: a name (a person or a company's title, 发票抬头) and, for a
//! company invoice, its taxpayer ID. An 18-character unified social credit code (GB 32100-2015)
//! must carry its check character; older 15- and 20-character taxpayer numbers are letters and
//! digits only.

use serde::Deserialize;

use crate::validate::{self, Invalid, Rule};

/// The buyer as typed at check-out.
#[derive(Debug, Clone, Default, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Buyer {
    pub name: String,
    /// Empty for a personal invoice.
    pub taxpayer_id: String,
}

impl Buyer {
    /// The buyer trimmed and checked: `buyerName` required (≤ 120), `taxpayerId` a valid code.
    pub fn checked(&self) -> Result<Buyer, Invalid> {
        let name = validate::text("buyerName", &self.name, 120)?;
        let taxpayer_id = check_taxpayer_id(&self.taxpayer_id)?;
        Ok(Buyer { name, taxpayer_id })
    }
}

const CODE_CHARS: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Checks a taxpayer ID (upper-cased, spaces removed); empty is allowed (a personal invoice).
pub fn check_taxpayer_id(text: &str) -> Result<String, Invalid> {
    let id: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    if id.is_empty() {
        return Ok(id);
    }
    let bad = || Invalid::new("taxpayerId", Rule::Format);
    match id.len() {
        18 => {
            let values: Option<Vec<u32>> = id
                .chars()
                .map(|c| CODE_CHARS.find(c).and_then(|i| u32::try_from(i).ok()))
                .collect();
            let values = values.ok_or_else(bad)?;
            let sum: u32 = values.iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
            let check = (31 - sum % 31) % 31;
            if values.get(17) == Some(&check) {
                Ok(id)
            } else {
                Err(bad())
            }
        }
        15 | 20 if id.chars().all(|c| c.is_ascii_alphanumeric()) => Ok(id),
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unified_social_credit_codes_carry_their_check_character() {
        assert_eq!(
            check_taxpayer_id(" 91350100m000100y43 ").unwrap(),
            "91350100M000100Y43"
        );
        assert_eq!(
            check_taxpayer_id("91350100M000100Y44").unwrap_err().field,
            "taxpayerId"
        );
        // I, O, S, V and Z are not used in these codes.
        assert!(check_taxpayer_id("91350100M000100Y4O").is_err());
    }

    #[test]
    fn older_numbers_and_personal_invoices() {
        assert_eq!(check_taxpayer_id("").unwrap(), "");
        assert!(check_taxpayer_id("110108123456789").is_ok());
        assert!(check_taxpayer_id("12345").is_err());
        assert!(check_taxpayer_id("11010812345678-").is_err());
    }

    #[test]
    fn a_buyer_needs_a_name() {
        let b = Buyer {
            name: "  ".into(),
            taxpayer_id: String::new(),
        };
        assert_eq!(b.checked().unwrap_err().field, "buyerName");
    }
}
