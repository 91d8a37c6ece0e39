//! The shared form checks every text field goes through (`validate::text`, `username`,
//! `time_of_day`, `new_password`) and a guest's stored preferences (`Preferences::parse`).
//!
//! Properties: what a check accepts it accepts again unchanged (idempotent), within the limits
//! it promises; preferences that parse write out and read back equal.
#![no_main]

use innkeep_core::guests::Preferences;
use innkeep_core::validate::{new_password, optional_text, text, time_of_day, username};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&max, rest)) = data.split_first() else {
        return;
    };
    let Ok(input) = std::str::from_utf8(rest) else {
        return;
    };
    let max = usize::from(max % 64);
    if let Ok(v) = text("name", input, max) {
        assert_eq!(v, input.trim());
        assert!(!v.is_empty() && v.chars().count() <= max);
        assert!(!v.chars().any(char::is_control));
        assert_eq!(text("name", &v, max), Ok(v.clone()));
    }
    if let Ok(v) = optional_text("note", input, max) {
        assert_eq!(optional_text("note", &v, max), Ok(v.clone()));
    }
    if let Ok(u) = username(input) {
        let n = u.chars().count();
        assert!((2..=40).contains(&n), "{u:?}");
        assert_eq!(username(&u), Ok(u.clone()), "{input:?} became {u:?}");
    }
    if let Ok(t) = time_of_day("checkInTime", input) {
        assert_eq!(t.len(), 5);
        assert_eq!(time_of_day("checkInTime", &t), Ok(t.clone()));
    }
    if new_password("password", input).is_ok() {
        assert!((10..=128).contains(&input.chars().count()));
    }
    let prefs = Preferences::parse(input);
    let json = serde_json::to_string(&prefs).expect("preferences serialize");
    assert_eq!(Preferences::parse(&json), prefs);
});
