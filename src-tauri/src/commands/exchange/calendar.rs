use std::path::PathBuf;

use rapport_core::Error;
use tauri::{AppHandle, Manager, Runtime, State};

use crate::error::CommandResult;
use crate::AppState;

/// Writes the meeting as `rapport-meeting-{id}.ics` into the user's Downloads folder (or, when
/// the system has none, the "exports" folder beside the data) and returns the file's path for
/// the UI to show.
#[tauri::command]
pub async fn export_meeting_ics<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> CommandResult<String> {
    let dir = export_dir(&app, &state)?;
    let path = state.store.export_meeting_ics(id, &dir)?;
    Ok(path.display().to_string())
}

pub(crate) fn export_dir<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
) -> CommandResult<PathBuf> {
    if let Ok(downloads) = app.path().download_dir() {
        return Ok(downloads);
    }
    match state.store.data_dir() {
        Some(data_dir) => Ok(data_dir.join("exports")),
        None => Err(Error::io(
            "cannot find a folder to export to",
            std::io::Error::new(std::io::ErrorKind::NotFound, "no Downloads folder"),
        )
        .into()),
    }
}
