//! A passport's MRZ as a scanner types it: `identity::parse_mrz`.
//!
//! Two inputs per run. The raw text: no panic, and whatever is accepted reads the same again
//! from its canonical form (upper case, no whitespace). Then the same bytes made into two TD3
//! lines of the MRZ alphabet with every check digit computed: those are never refused for a
//! check digit, the fields come back as written, and any one check digit changed is refused.
#![no_main]

use chrono::Datelike;
use innkeep_core::identity::{IdentityError, MrzData, Sex, check_digit, parse_mrz};
use libfuzzer_sys::fuzz_target;

const LINE: usize = 44;
const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<<<<<<";
/// Positions in line 2 of the check digits and the fields they cover.
const CHECKS: [(usize, &[std::ops::Range<usize>]); 4] = [
    (9, &[0..9]),
    (19, &[13..19]),
    (27, &[21..27]),
    (43, &[0..10, 13..20, 21..43]),
];

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(read) = parse_mrz(text)
    {
        let canonical: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        assert_eq!(canonical.len(), 2 * LINE);
        assert_eq!(parse_mrz(&canonical).as_ref(), Ok(&read));
        let (line1, line2) = canonical.split_at(LINE);
        assert_eq!(
            parse_mrz(&format!("{line1}\r\n{line2}\n")).as_ref(),
            Ok(&read)
        );
        assert_fields(line1.as_bytes(), line2.as_bytes(), &read);
    }

    let (line1, line2) = well_formed(data);
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&line1),
        String::from_utf8_lossy(&line2)
    );
    match parse_mrz(&text) {
        Ok(read) => assert_fields(&line1, &line2, &read),
        Err(IdentityError::MrzExpiryDate | IdentityError::MrzBirthDate) => {}
        Err(e) => panic!("a well-formed MRZ was refused: {e:?}\n{text}"),
    }
    for (at, _) in CHECKS {
        let mut broken = line2.clone();
        broken[at] = b'0' + (broken[at] - b'0' + 1) % 10;
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&line1),
            String::from_utf8_lossy(&broken)
        );
        assert!(
            matches!(parse_mrz(&text), Err(IdentityError::MrzCheckDigit(_))),
            "a wrong check digit at {at} was not noticed:\n{text}"
        );
    }
});

/// Two 44-character lines from the fuzz bytes, line 1 starting with P, digits where dates go
/// (so both date checks are reached), optional data either filled or all fillers, and every
/// check digit right.
fn well_formed(data: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let mut bytes = data.iter().copied().chain(std::iter::repeat(0));
    let mut pick = |set: &[u8]| set[usize::from(bytes.next().unwrap_or(0)) % set.len()];
    let mut line1: Vec<u8> = (0..LINE).map(|_| pick(ALPHABET)).collect();
    line1[0] = b'P';
    let mut line2: Vec<u8> = (0..LINE).map(|_| pick(ALPHABET)).collect();
    for at in (13..19).chain(21..27) {
        line2[at] = pick(b"0123456789");
    }
    if pick(b"01") == b'0' {
        line2[28..43].fill(b'<');
    } else {
        line2[42] = check_digit(&line2[28..42]);
    }
    for (at, ranges) in CHECKS {
        let field: Vec<u8> = ranges
            .iter()
            .flat_map(|r| line2[r.clone()].to_vec())
            .collect();
        line2[at] = check_digit(&field);
    }
    (line1, line2)
}

fn words(field: &[u8]) -> String {
    String::from_utf8_lossy(field)
        .split('<')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn assert_fields(line1: &[u8], line2: &[u8], read: &MrzData) {
    assert_eq!(line1[0], b'P');
    assert_eq!(read.document_code, words(&line1[..2]));
    assert_eq!(read.issuing_state, words(&line1[2..5]));
    assert_eq!(read.nationality, words(&line2[10..13]));
    assert_eq!(read.document_number, words(&line2[..9]));
    assert_eq!(read.optional_data, words(&line2[28..42]));
    assert_eq!(
        read.birth_date.format("%y%m%d").to_string().as_bytes(),
        &line2[13..19]
    );
    assert_eq!(
        read.expiry_date.format("%y%m%d").to_string().as_bytes(),
        &line2[21..27]
    );
    assert!(read.birth_date <= read.expiry_date || read.birth_date.year() < 2000);
    let names = words(&line1[5..]);
    let joined = [read.surname.as_str(), read.given_names.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        joined, names,
        "surname and given names are all the name field says"
    );
    let sex = match line2[20] {
        b'M' => Sex::Male,
        b'F' => Sex::Female,
        _ => Sex::Unspecified,
    };
    assert_eq!(read.sex, sex);
    for (at, ranges) in CHECKS {
        let field: Vec<u8> = ranges
            .iter()
            .flat_map(|r| line2[r.clone()].to_vec())
            .collect();
        assert_eq!(check_digit(&field), line2[at], "check digit at {at} holds");
    }
}
