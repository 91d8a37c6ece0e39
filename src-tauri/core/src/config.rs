//! The computer's own settings file (`innkeep.json` in the data directory): which database this
//! PC uses and the language before anyone logs in. Hotel settings live in the database instead.
//! Written atomically (temporary file, then rename) so a crash never leaves half a file.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::db::PostgresServer;
use crate::error::{Error, Result};

/// Where this computer keeps its files.
#[derive(Debug, Clone)]
pub struct Paths {
    pub data_dir: PathBuf,
    pub log_dir: PathBuf,
}

impl Paths {
    pub fn config_file(&self) -> PathBuf {
        self.data_dir.join("innkeep.json")
    }
    pub fn database_file(&self) -> PathBuf {
        self.data_dir.join("innkeep.sqlite3")
    }
    pub fn default_backup_dir(&self) -> PathBuf {
        self.data_dir.join("backups")
    }
    pub fn safety_dir(&self) -> PathBuf {
        self.data_dir.join("safety-copies")
    }
}

/// The database this computer uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum DatabaseChoice {
    Embedded,
    Postgres(PostgresServer),
}

/// Contents of the settings file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalConfig {
    pub version: u32,
    pub database: Option<DatabaseChoice>,
    pub language: String,
}

impl Default for LocalConfig {
    fn default() -> Self {
        Self {
            version: 1,
            database: None,
            language: "zh-CN".into(),
        }
    }
}

/// Languages the UI ships.
pub const LANGUAGES: [&str; 2] = ["zh-CN", "en-US"];

/// Reads the settings file: `Ok(None)` on first run, `ConfigDamaged` when it cannot be parsed.
pub fn load(path: &Path) -> Result<Option<LocalConfig>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    serde_json::from_str::<LocalConfig>(&text)
        .map(Some)
        .map_err(|e| Error::ConfigDamaged {
            path: path.display().to_string(),
            detail: e.to_string(),
        })
}

/// Writes the settings file atomically.
pub fn save(path: &Path, config: &LocalConfig) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("json.tmp");
    let text = serde_json::to_string_pretty(config).map_err(|e| Error::Internal(e.to_string()))?;
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, path)?;
    Ok(())
}

/// Moves a damaged settings file aside (never deletes it) and returns where it went.
pub fn move_aside(path: &Path, stamp: &str) -> Result<PathBuf> {
    let target = path.with_extension(format!("damaged-{stamp}.json"));
    std::fs::rename(path, &target)?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_run_has_no_file_and_a_damaged_file_is_reported() {
        let dir = std::env::temp_dir().join(format!("innkeep-config-{}", std::process::id()));
        let path = dir.join("innkeep.json");
        let _ = std::fs::remove_dir_all(&dir);
        assert!(load(&path).unwrap().is_none());
        let config = LocalConfig {
            database: Some(DatabaseChoice::Embedded),
            ..Default::default()
        };
        save(&path, &config).unwrap();
        assert_eq!(load(&path).unwrap(), Some(config));
        std::fs::write(&path, "{ not json").unwrap();
        assert!(matches!(load(&path), Err(Error::ConfigDamaged { .. })));
        let aside = move_aside(&path, "20261123").unwrap();
        assert!(aside.exists() && !path.exists());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
