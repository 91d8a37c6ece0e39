//! The computer's settings file (`innkeep.json`), read at start-up before anything else:
//! `config::load` on whatever bytes the file holds.
//!
//! Properties: no panic (a damaged file is an error the app can show and move aside); a file
//! that loads saves and loads back equal.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use innkeep_core::config::{load, save};
use libfuzzer_sys::fuzz_target;

fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("innkeep-fuzz-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let file = dir().join("innkeep.json");
    std::fs::write(&file, data).expect("write the settings file");
    if let Ok(Some(config)) = load(&file) {
        let again = dir().join("again.json");
        save(&again, &config).expect("save a loaded configuration");
        assert_eq!(load(&again).ok().flatten().as_ref(), Some(&config));
    }
});
