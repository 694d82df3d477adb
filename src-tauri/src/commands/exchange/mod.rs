//! Import and export. A file picked in the window travels once, as raw bytes, to be read and
//! held ("staged"); the preview and the import then work on what is staged, reporting progress
//! over a channel.

use rapport_core::exchange::export::{ExportFormat, ExportInfo};
use rapport_core::exchange::import::{self, ImportFormat, ImportProgress, ImportSummary, Skipped};
use rapport_core::Error;
use serde::Serialize;
use tauri::ipc::{Channel, InvokeBody, Request};
use tauri::{AppHandle, Runtime, State};

use crate::commands::exchange::calendar::export_dir;
use crate::error::CommandResult;
use crate::AppState;

pub mod calendar;

/// The header naming the format of the bytes sent to `stage_import`.
pub const FORMAT_HEADER: &str = "rapport-import-format";

/// What was read from a staged file, before any matching against the store.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Staged {
    pub format: ImportFormat,
    pub contacts: usize,
    pub skipped: Vec<Skipped>,
}

fn staged_format(request: &Request<'_>) -> Result<ImportFormat, Error> {
    match request
        .headers()
        .get(FORMAT_HEADER)
        .and_then(|v| v.to_str().ok())
    {
        Some("linkedin") => Ok(ImportFormat::Linkedin),
        Some("vcard") => Ok(ImportFormat::Vcard),
        _ => Err(Error::invalid("format", "Choose LinkedIn (CSV) or vCard.")),
    }
}

#[tauri::command]
pub async fn stage_import(
    state: State<'_, AppState>,
    request: Request<'_>,
) -> CommandResult<Staged> {
    let format = staged_format(&request)?;
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(Error::invalid("file", "Send the file's bytes.").into());
    };
    if bytes.len() as u64 > import::MAX_FILE_BYTES {
        return Err(Error::invalid(
            "file",
            format!(
                "This file is {} MB; Rapport imports files of up to {} MB.",
                bytes.len() / (1024 * 1024),
                import::MAX_FILE_BYTES / (1024 * 1024)
            ),
        )
        .into());
    }
    let bytes = bytes.clone();
    let parsed = tauri::async_runtime::spawn_blocking(move || import::parse(format, &bytes))
        .await
        .map_err(|e| Error::invalid("file", format!("The file could not be read: {e}")))??;
    let staged = Staged {
        format,
        contacts: parsed.contacts.len(),
        skipped: parsed.skipped.clone(),
    };
    *state.staged_import() = Some((format, parsed));
    Ok(staged)
}

/// Runs the preview (`write` false) or the import of what is staged.
async fn run_staged(
    state: &AppState,
    write: bool,
    on_progress: Channel<ImportProgress>,
) -> CommandResult<ImportSummary> {
    let (format, parsed) = state
        .staged_import()
        .clone()
        .ok_or_else(|| Error::invalid("file", "Choose a file to import first."))?;
    let store = state.store.clone();
    let summary = tauri::async_runtime::spawn_blocking(move || {
        let mut progress = |p: ImportProgress| {
            let _ = on_progress.send(p);
        };
        if write {
            store.import(format, &parsed, &mut progress)
        } else {
            store.preview_import(format, &parsed, &mut progress)
        }
    })
    .await
    .map_err(|e| Error::invalid("file", format!("The import stopped: {e}")))??;
    if write {
        *state.staged_import() = None;
        state.changed();
    }
    Ok(summary)
}

#[tauri::command]
pub async fn preview_import(
    state: State<'_, AppState>,
    on_progress: Channel<ImportProgress>,
) -> CommandResult<ImportSummary> {
    run_staged(&state, false, on_progress).await
}

#[tauri::command]
pub async fn apply_import(
    state: State<'_, AppState>,
    on_progress: Channel<ImportProgress>,
) -> CommandResult<ImportSummary> {
    run_staged(&state, true, on_progress).await
}

#[tauri::command]
pub async fn cancel_import(state: State<'_, AppState>) -> CommandResult<()> {
    *state.staged_import() = None;
    Ok(())
}

/// Writes an export into the Downloads folder, named by the day.
#[tauri::command]
pub async fn export_data<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    format: ExportFormat,
) -> CommandResult<ExportInfo> {
    let dir = export_dir(&app, &state)?;
    let day = chrono::Local::now().date_naive();
    Ok(state
        .store
        .export_to(format, &dir.join(format.file_name(day)))?)
}
