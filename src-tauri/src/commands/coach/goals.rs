use rapport_core::coach::goals::{Goal, GoalInput};
use rapport_core::coach::progress::ProgressReport;
use tauri::State;

use crate::error::CommandResult;
use crate::AppState;

#[tauri::command]
pub async fn list_goals(state: State<'_, AppState>) -> CommandResult<Vec<Goal>> {
    Ok(state.store.goals()?)
}

#[tauri::command]
pub async fn add_goal(state: State<'_, AppState>, input: GoalInput) -> CommandResult<Goal> {
    let goal = state.store.add_goal(input)?;
    state.changed();
    Ok(goal)
}

#[tauri::command]
pub async fn update_goal(
    state: State<'_, AppState>,
    id: i64,
    input: GoalInput,
) -> CommandResult<Goal> {
    let goal = state.store.update_goal(id, input)?;
    state.changed();
    Ok(goal)
}

#[tauri::command]
pub async fn remove_goal(state: State<'_, AppState>, id: i64) -> CommandResult<Goal> {
    let goal = state.store.remove_goal(id)?;
    state.changed();
    Ok(goal)
}

/// The Progress screen's charts: twelve weeks or months each, counted from the records.
#[tauri::command]
pub async fn progress_report(state: State<'_, AppState>) -> CommandResult<ProgressReport> {
    Ok(state.store.progress_report()?)
}
