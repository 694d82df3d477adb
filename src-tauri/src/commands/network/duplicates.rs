//! Likely duplicates, merging two people, and taking a merge back.

use rapport_core::network::duplicates::DuplicatePair;
use rapport_core::network::merge::MergeOutcome;
use rapport_core::network::people::Person;
use tauri::State;

use crate::error::CommandResult;
use crate::AppState;

#[tauri::command]
pub async fn likely_duplicates(state: State<'_, AppState>) -> CommandResult<Vec<DuplicatePair>> {
    Ok(state.store.likely_duplicates()?)
}

#[tauri::command]
pub async fn merge_people(
    state: State<'_, AppState>,
    survivor_id: i64,
    merged_id: i64,
) -> CommandResult<MergeOutcome> {
    let outcome = state.store.merge_people(survivor_id, merged_id)?;
    state.changed();
    Ok(outcome)
}

#[tauri::command]
pub async fn undo_merge(state: State<'_, AppState>, merge_id: i64) -> CommandResult<Person> {
    let person = state.store.undo_merge(merge_id)?;
    state.changed();
    Ok(person)
}

#[tauri::command]
pub async fn mark_distinct(
    state: State<'_, AppState>,
    first_id: i64,
    second_id: i64,
) -> CommandResult<()> {
    Ok(state.store.mark_distinct(first_id, second_id)?)
}
