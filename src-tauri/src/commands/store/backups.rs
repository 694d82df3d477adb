//! Backups from the window: make one now, list them, restore one.

use rapport_core::store::backups::{BackupFile, BackupInfo, RestoreInfo};
use tauri::State;

use crate::error::CommandResult;
use crate::AppState;

#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> CommandResult<BackupInfo> {
    Ok(state.store.backup_now()?)
}

#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> CommandResult<Vec<BackupFile>> {
    Ok(state.store.backups()?)
}

/// Restores one of the backups listed by `list_backups` (by file name, so the window cannot
/// name any other file).
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    name: String,
) -> CommandResult<RestoreInfo> {
    let info = state.store.restore_backup_named(&name)?;
    state.changed();
    Ok(info)
}
