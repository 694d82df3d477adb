//! `rapport-agent`: Rapport from login to shutdown at almost no cost. It owns the tray, the
//! reminder loop (notifications and their actions, the weekly digest, birthdays, the daily
//! backup, the watch on the store) and starts the window — a separate Tauri process, `rapport`
//! — only when the person asks for it. Nothing here loads GTK or WebKit.
//!
//!     rapport-agent [--data-dir DIR] [--hidden]
//!
//! The data folder is the window's (`--data-dir`, else `RAPPORT_DATA_DIR`, else the OS's), and
//! is passed on to every window the agent starts. One agent runs per store: a second one finds
//! the reminder loop's lock taken and exits.

// A program in the background: no console window opens with it on Windows. (Its log is in the
// data folder, as the window's is.)
#![cfg_attr(all(windows, not(test)), windows_subsystem = "windows")]

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use rapport_core::Store;
use rapport_reminders::{AppIdentity, NotificationHealth};

mod host;
mod launch;
mod tray;

/// The window's identity, as `tauri.conf.json` has it (a test keeps them equal): notifications
/// are shown under it.
const PRODUCT_NAME: &str = "Rapport";
const IDENTIFIER: &str = "org.rapport.app";

/// What the agent is started with: `--data-dir DIR`, and `--hidden` when it is the login item
/// (then, on a desktop without a tray, it opens the window: the only way back to Rapport).
struct Arguments {
    data_dir: Option<PathBuf>,
    at_login: bool,
}

fn arguments() -> Result<Arguments, String> {
    let mut args = std::env::args_os().skip(1);
    let mut parsed = Arguments {
        data_dir: None,
        at_login: false,
    };
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--data-dir") => {
                parsed.data_dir = Some(PathBuf::from(
                    args.next().ok_or("--data-dir needs a folder")?,
                ))
            }
            Some("--hidden") => parsed.at_login = true,
            _ => {
                return Err(format!(
                    "unknown argument {arg:?}; usage: rapport-agent [--data-dir DIR] [--hidden]"
                ))
            }
        }
    }
    Ok(parsed)
}

fn main() -> ExitCode {
    let arguments = match arguments() {
        Ok(arguments) => arguments,
        Err(error) => {
            eprintln!("rapport-agent: {error}");
            return ExitCode::from(2);
        }
    };
    let Some(data_dir) =
        rapport_core::store::paths::resolve_data_dir(arguments.data_dir.as_deref())
    else {
        eprintln!("rapport-agent: cannot find a data folder; pass --data-dir DIR");
        return ExitCode::from(2);
    };
    rapport_reminders::logging::init(&data_dir);
    let store = match Store::open(&data_dir) {
        Ok(store) => Arc::new(store),
        Err(error) => {
            tracing::error!(%error, "cannot open the store");
            return ExitCode::FAILURE;
        }
    };
    let window = launch::Window::beside_this_program(&data_dir);
    let (tray, clicks) = tray::channel();
    let health = NotificationHealth::default();
    let (handle, inbox) = rapport_reminders::channel();
    let host = host::AgentHost::new(tray.clone(), window.clone(), store.clone());
    let identity = AppIdentity {
        name: PRODUCT_NAME.into(),
        identifier: IDENTIFIER.into(),
    };
    if !rapport_reminders::start(
        Arc::new(host),
        identity,
        store.clone(),
        health,
        inbox,
        &data_dir,
    ) {
        // Another agent (or a window started on its own) has the loop and the tray.
        return ExitCode::SUCCESS;
    }
    drop(handle);
    // Sync runs beside the reminders, in the process that outlives the window.
    rapport_sync::background::start(store.clone(), &data_dir);
    tracing::info!(data_dir = %data_dir.display(), "agent started");
    tray::run(tray, clicks, &window, arguments.at_login)
}

#[cfg(test)]
mod tests {
    #[test]
    fn notifications_go_out_under_the_window_s_name_and_identifier() {
        let config: &str = include_str!("../../../tauri.conf.json");
        assert!(config.contains(&format!("\"productName\": \"{}\"", super::PRODUCT_NAME)));
        assert!(config.contains(&format!("\"identifier\": \"{}\"", super::IDENTIFIER)));
    }
}
