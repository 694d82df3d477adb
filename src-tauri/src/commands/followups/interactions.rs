use rapport_core::followups::interactions::{Interaction, InteractionInput};
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
