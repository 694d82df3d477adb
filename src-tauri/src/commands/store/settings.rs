//! Settings and care: starting at login, quiet hours, cadences per circle, birthday reminders,
//! the weekly digest, where the data and the log are, and the version.

use std::path::PathBuf;

use rapport_core::network::circles::Circle;
use rapport_core::store::settings::QuietHours;
use rapport_core::Error;
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_autostart::AutoLaunchManager;

use crate::error::CommandResult;
use crate::AppState;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SettingsView {
    pub version: String,
    pub data_dir: Option<PathBuf>,
    pub backups_dir: Option<PathBuf>,
    /// False while backups go to the data folder's `backups/`.
    pub backups_dir_chosen: bool,
    /// The log of today, to attach to a bug report.
    pub log_file: Option<PathBuf>,
    pub quiet_hours: Option<QuietHours>,
    pub speaking_rate: u32,
    pub circles: Vec<Circle>,
    /// Whether Rapport starts at login; None where that cannot be read.
    pub autostart: Option<bool>,
    pub autostart_asked: bool,
    /// How many days before a birthday its reminder comes (0: on the day).
    pub birthday_days_before: u32,
    /// When the weekly digest goes out on Mondays (None: off).
    pub digest_time: Option<String>,
}

#[tauri::command]
pub async fn get_settings<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<SettingsView> {
    let store = &state.store;
    let data_dir = store.data_dir().map(PathBuf::from);
    // The log appender names its files by the UTC date.
    let today = chrono::Utc::now().format("%Y-%m-%d");
    Ok(SettingsView {
        version: app.package_info().version.to_string(),
        backups_dir: store.backups_dir().ok(),
        backups_dir_chosen: store.chosen_backup_dir()?.is_some(),
        log_file: data_dir
            .as_ref()
            .map(|d| d.join(format!("rapport.{today}.log"))),
        data_dir,
        quiet_hours: store.quiet_hours()?,
        speaking_rate: store.speaking_rate()?,
        circles: store.circles()?,
        autostart: app
            .try_state::<AutoLaunchManager>()
            .and_then(|launcher| launcher.is_enabled().ok()),
        autostart_asked: store.autostart_asked()?,
        birthday_days_before: store.birthday_days_before()?,
        digest_time: store.digest_time()?.map(|t| t.format("%H:%M").to_string()),
    })
}

#[tauri::command]
pub async fn set_quiet_hours(
    state: State<'_, AppState>,
    quiet: Option<QuietHours>,
) -> CommandResult<Option<QuietHours>> {
    let quiet = state.store.set_quiet_hours(quiet)?;
    state.changed();
    Ok(quiet)
}

#[tauri::command]
pub async fn set_circle_cadence(
    state: State<'_, AppState>,
    circle_id: i64,
    cadence_days: Option<i64>,
) -> CommandResult<()> {
    state.store.set_circle_cadence(circle_id, cadence_days)?;
    state.changed();
    Ok(())
}

/// How many days before a birthday (0-30) its reminder comes.
#[tauri::command]
pub async fn set_birthday_days_before(state: State<'_, AppState>, days: u32) -> CommandResult<u32> {
    let days = state.store.set_birthday_days_before(days)?;
    state.changed();
    Ok(days)
}

/// When the weekly digest goes out on Mondays, as `HH:MM`; None turns it off.
#[tauri::command]
pub async fn set_digest_time(
    state: State<'_, AppState>,
    time: Option<String>,
) -> CommandResult<Option<String>> {
    let at = time
        .map(|t| {
            chrono::NaiveTime::parse_from_str(t.trim(), "%H:%M").map_err(|_| {
                Error::invalid(
                    "digestTime",
                    format!("“{t}” is not a time: write HH:MM, as 09:00."),
                )
            })
        })
        .transpose()?;
    let at = state.store.set_digest_time(at)?;
    state.changed();
    Ok(at.map(|t| t.format("%H:%M").to_string()))
}

/// Turns starting at login on or off (hidden in the tray), and records that the user chose.
#[tauri::command]
pub async fn set_autostart<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    enabled: bool,
) -> CommandResult<bool> {
    let launcher = app
        .try_state::<AutoLaunchManager>()
        .ok_or_else(|| Error::invalid("autostart", "Starting at login is not available here."))?;
    let result = if enabled {
        launcher.enable()
    } else {
        launcher.disable()
    };
    result.map_err(|e| {
        Error::io(
            "cannot change starting at login",
            std::io::Error::other(e.to_string()),
        )
    })?;
    state.store.set_autostart_asked()?;
    Ok(launcher.is_enabled().unwrap_or(enabled))
}

/// Chooses where backups go (None or empty: the data folder's `backups/`).
#[tauri::command]
pub async fn set_backup_dir(state: State<'_, AppState>, dir: Option<String>) -> CommandResult<()> {
    let dir = dir.map(|d| d.trim().to_string()).filter(|d| !d.is_empty());
    Ok(state
        .store
        .set_backup_dir(dir.as_deref().map(std::path::Path::new))?)
}

/// Opens the data folder in the system's file manager.
#[tauri::command]
pub async fn open_data_folder(state: State<'_, AppState>) -> CommandResult<()> {
    let dir = state
        .store
        .data_dir()
        .ok_or_else(|| Error::invalid("folder", "This store has no folder."))?;
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(opener)
        .arg(dir)
        .spawn()
        .map_err(|e| Error::io(format!("cannot open {} with {opener}", dir.display()), e))?;
    Ok(())
}
