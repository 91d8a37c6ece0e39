//! Unit tests of ID numbers, MRZ and masking, without a database.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn today() -> NaiveDate {
    day(2026, 11, 23)
}

/// 17 digits completed with their check character.
fn with_check(body: &str) -> String {
    format!("{body}{}", check_character(body).unwrap())
}

fn resident(text: &str) -> Result<IdDocumentView, IdentityError> {
    check_number(IdDocumentKind::ChinaResidentId, text, today())
}

#[test]
fn a_valid_resident_id_tells_region_birth_and_sex() {
    let v = resident("11010519491231002X").unwrap();
    assert_eq!(v.number, "11010519491231002X");
    assert_eq!(v.masked, "110105********002X");
    assert_eq!(v.region_code.as_deref(), Some("110105"));
    let province = v.province.unwrap();
    assert_eq!((province.name_zh, province.name_en), ("北京市", "Beijing"));
    assert_eq!(v.birth_date, Some(day(1949, 12, 31)));
    assert_eq!(v.sex, Some(Sex::Female));
    assert_eq!(v.nationality.as_deref(), Some("CHN"));

    let v = resident("440304199001010011").unwrap();
    assert_eq!(v.province.unwrap().name_en, "Guangdong");
    assert_eq!(v.sex, Some(Sex::Male));
    assert_eq!(
        resident("650102198808081233")
            .unwrap()
            .province
            .unwrap()
            .name_zh,
        "新疆维吾尔自治区"
    );
}

#[test]
fn typing_is_forgiven_lower_case_x_and_spaces() {
    let v = resident(" 110105 19491231 002x ").unwrap();
    assert_eq!(v.number, "11010519491231002X");
}

#[test]
fn every_wrong_check_character_is_refused() {
    for valid in [
        "11010519491231002X",
        "440304199001010011",
        "310115198002290013",
    ] {
        let (body, good) = valid.split_at(17);
        for c in "0123456789X".chars().filter(|c| !good.contains(*c)) {
            assert_eq!(
                resident(&format!("{body}{c}")),
                Err(IdentityError::ResidentIdCheckCharacter),
                "{body}{c}"
            );
        }
    }
}

#[test]
fn feb_29_exists_only_in_leap_years() {
    assert_eq!(
        resident(&with_check("31011519800229001"))
            .unwrap()
            .birth_date,
        Some(day(1980, 2, 29))
    );
    assert_eq!(
        resident(&with_check("31011519990229001")),
        Err(IdentityError::ResidentIdBirthDate {
            text: "1999-02-29".into()
        })
    );
    assert!(matches!(
        resident(&with_check("31011519901301001")),
        Err(IdentityError::ResidentIdBirthDate { .. })
    ));
}

#[test]
fn birth_dates_must_lie_between_1900_and_today() {
    assert_eq!(
        resident(&with_check("11010520261124001")),
        Err(IdentityError::ResidentIdBirthFuture {
            date: day(2026, 11, 24)
        })
    );
    assert!(
        resident(&with_check("11010520261123001")).is_ok(),
        "born today"
    );
    assert_eq!(
        resident(&with_check("11010518991231001")),
        Err(IdentityError::ResidentIdBirthTooEarly {
            date: day(1899, 12, 31)
        })
    );
}

#[test]
fn length_characters_and_province_are_checked_first() {
    assert_eq!(resident(""), Err(IdentityError::NumberRequired));
    assert_eq!(
        resident("1101051949123100"),
        Err(IdentityError::ResidentIdLength { found: 16 })
    );
    assert_eq!(
        resident("11010519491231X02X"),
        Err(IdentityError::ResidentIdCharacters)
    );
    assert_eq!(
        resident(&with_check("99010519491231002")),
        Err(IdentityError::ResidentIdRegion { code: "99".into() })
    );
    let api = resident("123").unwrap_err().to_api();
    assert_eq!(api.key, "errors.identity.resident_id_length");
    assert_eq!(api.params["field"], "idNumber");
}

#[test]
fn eighteen_characters_that_are_not_ascii_are_refused_not_a_panic() {
    // 16 digits, a two-byte letter across byte 17, a digit: 18 characters, 19 bytes. This used
    // to panic splitting the number inside the é (the id_number fuzz target covers it).
    assert_eq!(
        resident("1101051949123100é2"),
        Err(IdentityError::ResidentIdCharacters)
    );
    assert_eq!(
        resident("11010519491231002王"),
        Err(IdentityError::ResidentIdCharacters)
    );
}

#[test]
fn every_province_code_decodes() {
    for p in PROVINCES {
        let id = with_check(&format!("{}010119850615123", p.code));
        assert_eq!(resident(&id).unwrap().province, Some(p));
    }
    assert_eq!(province_of("810000").unwrap().name_en, "Hong Kong");
}

#[test]
fn other_kinds_check_their_form() {
    let check = |kind, text| check_number(kind, text, today());
    assert_eq!(
        check(IdDocumentKind::Passport, "e 1234 5678")
            .unwrap()
            .number,
        "E12345678"
    );
    assert_eq!(
        check(IdDocumentKind::Passport, "E1"),
        Err(IdentityError::NumberFormat)
    );
    assert!(check(IdDocumentKind::HkMacauPermit, "H12345678").is_ok());
    assert!(check(IdDocumentKind::HkMacauPermit, "M1234567801").is_ok());
    assert_eq!(
        check(IdDocumentKind::HkMacauPermit, "X12345678"),
        Err(IdentityError::NumberFormat)
    );
    assert!(check(IdDocumentKind::TaiwanPermit, "12345678").is_ok());
    assert_eq!(
        check(IdDocumentKind::TaiwanPermit, "1234567A"),
        Err(IdentityError::NumberFormat)
    );
    assert!(check(IdDocumentKind::Other, "AB-123").is_ok());
    assert_eq!(
        check(IdDocumentKind::Other, "  "),
        Err(IdentityError::NumberRequired)
    );
}

#[test]
fn kinds_round_trip_by_name() {
    for k in IdDocumentKind::ALL {
        assert_eq!(IdDocumentKind::parse(k.as_str()), Ok(k));
        assert_eq!(
            serde_json::to_string(&k).unwrap(),
            format!("\"{}\"", k.as_str())
        );
    }
    assert!(IdDocumentKind::parse("driving_licence").is_err());
}

#[test]
fn masks_hide_the_middle() {
    assert_eq!(mask_id_number("11010519491231002X"), "110105********002X");
    assert_eq!(mask_id_number("E12345678"), "E*****678");
    assert_eq!(mask_id_number("12345"), "****5");
    assert_eq!(mask_id_number(""), "");
}

const LINE1: &str = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
const LINE2: &str = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

#[test]
fn the_icao_specimen_reads() {
    let m = parse_mrz(&format!("{LINE1}\r\n{LINE2}\r\n")).unwrap();
    assert_eq!(m.document_code, "P");
    assert_eq!(m.issuing_state, "UTO");
    assert_eq!(m.surname, "ERIKSSON");
    assert_eq!(m.given_names, "ANNA MARIA");
    assert_eq!(m.nationality, "UTO");
    assert_eq!(m.document_number, "L898902C3");
    assert_eq!(m.birth_date, day(1974, 8, 12));
    assert_eq!(m.sex, Sex::Female);
    assert_eq!(m.expiry_date, day(2012, 4, 15));
    assert_eq!(m.optional_data, "ZE184226B");
    let lower = format!("  {}\n{}", LINE1.to_lowercase(), LINE2.to_lowercase());
    assert_eq!(parse_mrz(&lower).unwrap(), m);
}

/// The specimen's line 2 with the character at `at` replaced by `c`.
fn broken(at: usize, c: char) -> String {
    let mut line2: Vec<char> = LINE2.chars().collect();
    line2[at] = c;
    format!("{LINE1}\n{}", line2.into_iter().collect::<String>())
}

#[test]
fn each_broken_check_digit_is_named() {
    let cases = [
        (9, MrzCheck::DocumentNumber, "mrz_check_document_number"),
        (19, MrzCheck::BirthDate, "mrz_check_birth_date"),
        (27, MrzCheck::ExpiryDate, "mrz_check_expiry_date"),
        (42, MrzCheck::OptionalData, "mrz_check_optional_data"),
        (43, MrzCheck::Composite, "mrz_check_composite"),
    ];
    for (at, check, code) in cases {
        let err = parse_mrz(&broken(at, '5')).unwrap_err();
        assert_eq!(err, IdentityError::MrzCheckDigit(check));
        assert_eq!(err.to_api().key, format!("errors.identity.{code}"));
        assert_eq!(err.to_api().params["field"], "mrz");
    }
    // A mistyped field (not its check digit) is caught by that field's digit.
    assert_eq!(
        parse_mrz(&broken(15, '9')),
        Err(IdentityError::MrzCheckDigit(MrzCheck::BirthDate))
    );
}

#[test]
fn malformed_mrz_says_what_is_wrong() {
    assert_eq!(
        parse_mrz(LINE1),
        Err(IdentityError::MrzLength { found: 44 })
    );
    assert_eq!(
        parse_mrz(&broken(0, '-')),
        Err(IdentityError::MrzCharacters)
    );
    let visa = format!("V{}\n{LINE2}", &LINE1[1..]);
    assert_eq!(parse_mrz(&visa), Err(IdentityError::MrzNotPassport));
}

#[test]
fn empty_optional_data_may_have_a_filler_check_digit() {
    let line2 = "L898902C36UTO7408122F1204159<<<<<<<<<<<<<<<<";
    let composite: String = [&line2[0..10], &line2[13..20], &line2[21..43]].concat();
    let line2 = format!(
        "{}{}",
        &line2[..43],
        check_digit(composite.as_bytes()) as char
    );
    let m = parse_mrz(&format!("{LINE1}\n{line2}")).unwrap();
    assert_eq!(m.optional_data, "");
}

fn valid_id() -> impl Strategy<Value = (String, NaiveDate)> {
    (
        prop::sample::select(PROVINCES.to_vec()),
        0u32..10_000,
        0i64..=(today() - day(1900, 1, 1)).num_days(),
        0u32..1000,
    )
        .prop_map(|(p, area, offset, seq)| {
            let born = day(1900, 1, 1) + chrono::Duration::days(offset);
            let body = format!("{}{area:04}{}{seq:03}", p.code, born.format("%Y%m%d"));
            (with_check(&body), born)
        })
}

proptest! {
    #[test]
    fn generated_ids_round_trip((id, born) in valid_id()) {
        let v = resident(&id).unwrap();
        prop_assert_eq!(&v.number, &id);
        prop_assert_eq!(v.birth_date, Some(born));
        prop_assert_eq!(v.region_code.as_deref(), Some(&id[..6]));
        let odd = (id.as_bytes()[16] - b'0') % 2 == 1;
        prop_assert_eq!(v.sex, Some(if odd { Sex::Male } else { Sex::Female }));
    }

    #[test]
    fn any_single_character_change_is_caught(
        (id, _) in valid_id(),
        at in 0usize..18,
        pick in 0usize..11,
    ) {
        let alphabet = if at == 17 { "0123456789X" } else { "0123456789" };
        let replacement = alphabet.chars().cycle().skip(pick).find(|&c| c != id.as_bytes()[at] as char).unwrap();
        let mut changed: Vec<char> = id.chars().collect();
        changed[at] = replacement;
        let changed: String = changed.into_iter().collect();
        prop_assert!(resident(&changed).is_err(), "{} accepted", changed);
    }
}
