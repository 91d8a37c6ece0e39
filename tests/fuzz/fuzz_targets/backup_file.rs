//! A backup file chosen to restore from, which may be anything: `backup::verify_file` on the
//! fuzz bytes (SQLite's integrity check, the migrations table) with or without its `.sha256`.
//!
//! Properties: no panic, and no damaged file passes — a file that verifies is an SQLite database,
//! and a file whose `.sha256` does not match never verifies.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use innkeep_core::backup::{sha256_file, verify_file};
use libfuzzer_sys::fuzz_target;

struct Scratch {
    dir: PathBuf,
    runtime: tokio::runtime::Runtime,
}

fn scratch() -> &'static Scratch {
    static SCRATCH: OnceLock<Scratch> = OnceLock::new();
    SCRATCH.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("innkeep-fuzz-backup-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime");
        Scratch { dir, runtime }
    })
}

fuzz_target!(|data: &[u8]| {
    let s = scratch();
    let file = s.dir.join("innkeep-backup.sqlite3");
    let sidecar = s.dir.join("innkeep-backup.sqlite3.sha256");
    let _ = std::fs::remove_file(&sidecar);
    std::fs::write(&file, data).expect("write the backup file");

    let verified = s.runtime.block_on(verify_file(&file));
    if verified.is_ok() {
        assert!(
            data.starts_with(b"SQLite format 3\0"),
            "a non-SQLite file verified"
        );
        // Its true checksum beside it: still fine.
        let (sha, size) = sha256_file(&file).expect("hash the file");
        assert_eq!(size, data.len() as u64);
        std::fs::write(&sidecar, format!("{sha}  innkeep-backup.sqlite3\n")).expect("sidecar");
        assert!(s.runtime.block_on(verify_file(&file)).is_ok());
    }
    // A checksum that does not match refuses the file whatever it holds.
    let wrong = "0".repeat(64);
    std::fs::write(&sidecar, format!("{wrong}  innkeep-backup.sqlite3\n")).expect("sidecar");
    assert!(s.runtime.block_on(verify_file(&file)).is_err());
});
