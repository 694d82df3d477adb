//! Logs go to stderr and to a daily file in the data folder, `rapport.YYYY-MM-DD.log`, which a
//! user can attach to a bug report and tests read; the last week of files is kept.
//! `RAPPORT_LOG` sets the filter (default `info`).

use std::path::Path;

use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::fmt::writer::MakeWriterExt;
use tracing_subscriber::EnvFilter;

/// Daily files kept; older ones are removed as new days begin.
const LOG_FILES_KEPT: usize = 7;

pub fn init(data_dir: &Path) {
    init_with(data_dir, true)
}

/// Logs to the day's file only: for the command line, whose standard error is the user's.
pub fn init_to_file(data_dir: &Path) {
    init_with(data_dir, false)
}

fn init_with(data_dir: &Path, to_stderr: bool) {
    let filter = EnvFilter::try_from_env("RAPPORT_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = std::fs::create_dir_all(data_dir);
    let file = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix(rapport_core::store::paths::LOG_FILE_PREFIX)
        .filename_suffix(rapport_core::store::paths::LOG_FILE_SUFFIX)
        .max_log_files(LOG_FILES_KEPT)
        .build(data_dir);
    // A second init (tests) keeps the first subscriber.
    let _ = match file {
        Ok(file) if !to_stderr => tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_ansi(false)
            .with_writer(file)
            .try_init(),
        Ok(file) => tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_ansi(false)
            .with_writer(file.and(std::io::stderr))
            .try_init(),
        Err(_) => tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(std::io::stderr)
            .try_init(),
    };
}
