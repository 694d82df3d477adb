use rapport_core::coach::today::TodayOverview;
use tauri::State;

use crate::error::CommandResult;
use crate::AppState;

/// Meetings coming up, people going cold and brainstorm progress, for the Today screen.
#[tauri::command]
pub async fn today_overview(state: State<'_, AppState>) -> CommandResult<TodayOverview> {
    Ok(state.store.today_overview()?)
}
