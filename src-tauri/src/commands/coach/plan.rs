use rapport_core::coach::plan::{SetAside, WeeklyPlan};
use tauri::State;

use crate::error::CommandResult;
use crate::AppState;

/// This week's plan (made the first time in a week, then kept) with the goals it serves.
#[tauri::command]
pub async fn weekly_plan(state: State<'_, AppState>) -> CommandResult<WeeklyPlan> {
    let plan = state.store.weekly_plan()?;
    Ok(plan)
}

/// "Next week" or "not now" on a suggestion.
#[tauri::command]
pub async fn set_plan_item_aside(
    state: State<'_, AppState>,
    id: i64,
    how: SetAside,
) -> CommandResult<WeeklyPlan> {
    let plan = state.store.set_plan_item_aside(id, how)?;
    state.changed();
    Ok(plan)
}
