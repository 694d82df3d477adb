//! Commands over interactions: logging one, sharing a resource (an interaction too), and a
//! person's timeline.

use rapport_core::followups::interactions::{
    Interaction, InteractionInput, SharedResource, TimelineEntry,
};
use tauri::State;

use crate::error::CommandResult;
use crate::AppState;

#[tauri::command]
pub async fn log_interaction(
    state: State<'_, AppState>,
    input: InteractionInput,
) -> CommandResult<Interaction> {
    let interaction = state.store.log_interaction(input)?;
    state.changed();
    Ok(interaction)
}

#[tauri::command]
pub async fn share_resource(
    state: State<'_, AppState>,
    input: SharedResource,
) -> CommandResult<Interaction> {
    let interaction = state.store.share_resource(input)?;
    state.changed();
    Ok(interaction)
}

#[tauri::command]
pub async fn person_timeline(
    state: State<'_, AppState>,
    id: i64,
) -> CommandResult<Vec<TimelineEntry>> {
    Ok(state.store.timeline(id)?)
}
