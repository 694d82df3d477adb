//! A person's addresses and face. A photo chosen in the window (a file input or a drop) travels
//! once, as raw bytes, the way an import's file does: no dialog or file-system plugin exists.

use rapport_core::network::addresses::Address;
use rapport_core::network::photos::{PhotoInfo, Thumbnail, MAX_PHOTO_BYTES};
use rapport_core::Error;
use tauri::ipc::{InvokeBody, Request};
use tauri::State;

use crate::error::CommandResult;
use crate::AppState;

/// The header naming the person whose photo `set_person_photo` receives.
pub const PERSON_HEADER: &str = "rapport-person-id";

#[tauri::command]
pub async fn person_addresses(state: State<'_, AppState>, id: i64) -> CommandResult<Vec<Address>> {
    Ok(state.store.addresses(id)?)
}

/// Replaces the person's addresses with those of the form.
#[tauri::command]
pub async fn set_person_addresses(
    state: State<'_, AppState>,
    id: i64,
    addresses: Vec<Address>,
) -> CommandResult<Vec<Address>> {
    let stored = state.store.set_addresses(id, addresses)?;
    state.changed();
    Ok(stored)
}

#[tauri::command]
pub async fn person_photo(state: State<'_, AppState>, id: i64) -> CommandResult<Option<PhotoInfo>> {
    Ok(state.store.photo(id)?)
}

/// The photo's bytes are the request's body; the person is named by a header.
#[tauri::command]
pub async fn set_person_photo(
    state: State<'_, AppState>,
    request: Request<'_>,
) -> CommandResult<PhotoInfo> {
    let id = request
        .headers()
        .get(PERSON_HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<i64>().ok())
        .ok_or_else(|| Error::invalid("photo", "Name the person the photo is for."))?;
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(Error::invalid("photo", "Send the photo's bytes.").into());
    };
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(Error::invalid(
            "photo",
            format!(
                "The photo is {:.1} MB; Rapport keeps photos of up to {} MB.",
                bytes.len() as f64 / (1024.0 * 1024.0),
                MAX_PHOTO_BYTES / (1024 * 1024)
            ),
        )
        .into());
    }
    let bytes = bytes.clone();
    let store = state.store.clone();
    let info = tauri::async_runtime::spawn_blocking(move || store.set_photo(id, &bytes))
        .await
        .map_err(|e| Error::invalid("photo", format!("The photo could not be read: {e}")))??;
    state.changed();
    Ok(info)
}

#[tauri::command]
pub async fn remove_person_photo(state: State<'_, AppState>, id: i64) -> CommandResult<bool> {
    let removed = state.store.remove_photo(id)?;
    state.changed();
    Ok(removed)
}

/// Thumbnails by photo id (as the people summaries give them), for the rows a list shows.
#[tauri::command]
pub async fn photo_thumbnails(
    state: State<'_, AppState>,
    ids: Vec<i64>,
) -> CommandResult<Vec<Thumbnail>> {
    Ok(state.store.thumbnails(&ids)?)
}
