//! ID numbers as a desk types them or a scanner sends them: `identity::check_number` for every
//! kind, `normalize`, `check_character` and `mask_id_number`.
//!
//! Properties: an accepted number is the normalized input and checks again to the same answer
//! (it re-normalizes to itself); an accepted resident ID has 18 characters, its own check
//! character, a province, a birth date in 1900..=today and the sex of its sequence digit; the
//! mask keeps the length; and 17 digits completed with their check character are never refused
//! for the check character.
#![no_main]

use chrono::{Datelike, NaiveDate};
use innkeep_core::identity::{
    IdDocumentKind, IdentityError, Sex, check_character, check_number, mask_id_number, normalize,
};
use libfuzzer_sys::fuzz_target;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("a real date")
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let kind = IdDocumentKind::ALL[usize::from(selector) % IdDocumentKind::ALL.len()];

    let normalized = normalize(text);
    assert_eq!(
        normalize(&normalized),
        normalized,
        "normalize is idempotent"
    );
    assert_eq!(
        mask_id_number(text).chars().count(),
        text.chars().count(),
        "the mask keeps the length"
    );

    if let Ok(view) = check_number(kind, text, today()) {
        assert_eq!(view.kind, kind);
        assert_eq!(view.number, normalized, "accepted as normalized");
        assert_eq!(normalize(&view.number), view.number);
        assert_eq!(view.masked, mask_id_number(&view.number));
        let again = check_number(kind, &view.number, today());
        assert_eq!(
            again.as_ref(),
            Ok(&view),
            "an accepted number checks again the same"
        );
        if kind == IdDocumentKind::ChinaResidentId {
            assert_resident_id(&view.number, &view);
        }
    }

    // 17 digits from the input completed with their check character.
    let digits: String = text
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(char::from)
        .take(17)
        .collect();
    match check_character(&digits) {
        Some(check) => {
            assert_eq!(digits.len(), 17);
            let number = format!("{digits}{check}");
            match check_number(IdDocumentKind::ChinaResidentId, &number, today()) {
                Ok(view) => assert_resident_id(&number, &view),
                Err(IdentityError::ResidentIdCheckCharacter) => {
                    panic!("{number} has its own check character but was refused for it")
                }
                Err(_) => {}
            }
            // Any other final character is refused.
            for other in ['0', '5', '9', 'X'].into_iter().filter(|c| *c != check) {
                let wrong = format!("{digits}{other}");
                assert!(check_number(IdDocumentKind::ChinaResidentId, &wrong, today()).is_err());
            }
        }
        None => assert_ne!(digits.len(), 17, "17 digits always have a check character"),
    }
    assert_eq!(check_character(text), check_character_reference(text));
});

fn assert_resident_id(number: &str, view: &innkeep_core::identity::IdDocumentView) {
    assert_eq!(view.number, number);
    assert_eq!(number.len(), 18);
    assert!(number.is_ascii());
    assert_eq!(
        check_character(&number[..17]),
        number.chars().last(),
        "the check character holds"
    );
    assert_eq!(view.region_code.as_deref(), Some(&number[..6]));
    assert!(view.province.is_some());
    let born = view.birth_date.expect("a resident ID states a birth date");
    assert!(born <= today() && born.year() >= 1900, "born {born}");
    assert_eq!(born.format("%Y%m%d").to_string(), number[6..14]);
    let odd = (number.as_bytes()[16] - b'0') % 2 == 1;
    assert_eq!(view.sex, Some(if odd { Sex::Male } else { Sex::Female }));
    assert_eq!(view.nationality.as_deref(), Some("CHN"));
}

/// ISO 7064 MOD 11-2 written out from the standard (Σ aᵢ·2^(17-i) mod 11, then (12 - r) mod 11,
/// 10 written X), to compare the core's table-driven version against.
fn check_character_reference(body: &str) -> Option<char> {
    if body.len() != 17 || !body.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = body
        .bytes()
        .enumerate()
        .map(|(i, b)| u32::from(b - b'0') * (1 << (17 - i)) % 11)
        .sum();
    match (12 - sum % 11) % 11 {
        10 => Some('X'),
        r => char::from_digit(r, 10),
    }
}
