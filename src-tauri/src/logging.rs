//! Logs go to stderr and to `rapport.log` in the data folder, which a user can attach to a bug
//! report and tests read. `RAPPORT_LOG` sets the filter (default `info`).

use std::fs::OpenOptions;
use std::path::Path;
use std::sync::Mutex;

use tracing_subscriber::fmt::writer::MakeWriterExt;
use tracing_subscriber::EnvFilter;

pub fn init(data_dir: &Path) {
    let filter = EnvFilter::try_from_env("RAPPORT_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = std::fs::create_dir_all(data_dir);
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(data_dir.join(rapport_core::paths::LOG_FILE));
    // A second init (tests) keeps the first subscriber.
    let _ = match file {
        Ok(file) => tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_ansi(false)
            .with_writer(Mutex::new(file).and(std::io::stderr))
            .try_init(),
        Err(_) => tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(std::io::stderr)
            .try_init(),
    };
}
