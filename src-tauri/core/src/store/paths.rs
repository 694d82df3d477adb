//! Where Rapport keeps its data. The app and the CLI must agree without Tauri, so the core
//! computes the same folder as Tauri's `app_data_dir()`: the OS data directory joined with the
//! app identifier.

use std::path::{Path, PathBuf};

/// Must equal `identifier` in `tauri.conf.json`.
pub const APP_IDENTIFIER: &str = "org.rapport.app";

/// Environment variable that overrides the data directory (tests always set it).
pub const DATA_DIR_ENV: &str = "RAPPORT_DATA_DIR";

pub const DATABASE_FILE: &str = "rapport.sqlite3";
pub const BACKUPS_DIR: &str = "backups";
/// Log files are `rapport.YYYY-MM-DD.log`, one a day.
pub const LOG_FILE_PREFIX: &str = "rapport";
pub const LOG_FILE_SUFFIX: &str = "log";

/// The OS data directory for Rapport, e.g. `~/.local/share/org.rapport.app` on Linux.
pub fn default_data_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|dir| dir.join(APP_IDENTIFIER))
}

/// `--data-dir` wins over `RAPPORT_DATA_DIR`, which wins over the OS default.
pub fn resolve_data_dir(flag: Option<&Path>) -> Option<PathBuf> {
    flag.map(Path::to_path_buf)
        .or_else(|| {
            std::env::var_os(DATA_DIR_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(default_data_dir)
}
