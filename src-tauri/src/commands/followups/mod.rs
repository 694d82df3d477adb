//! Commands over follow-ups: what is due, adding, closing, reopening and snoozing them, and
//! whether this desktop can show notifications.

use chrono::{DateTime, Utc};
use rapport_core::followups::{Followup, FollowupInput, FollowupsAhead, Snooze};
use tauri::State;

use crate::error::CommandResult;
use crate::AppState;

pub mod interactions;

/// Every pending follow-up, soonest first; the UI splits them into overdue, today and later.
#[tauri::command]
pub async fn list_followups(state: State<'_, AppState>) -> CommandResult<Vec<Followup>> {
    Ok(state.store.pending_followups()?)
}

/// Today's follow-ups: all due before `until` (the end of the user's day), the next
/// `later_limit` after it, and how many come later.
#[tauri::command]
pub async fn followups_ahead(
    state: State<'_, AppState>,
    until: DateTime<Utc>,
    later_limit: usize,
) -> CommandResult<FollowupsAhead> {
    Ok(state.store.followups_ahead(until, later_limit)?)
}

#[tauri::command]
pub async fn add_followup(
    state: State<'_, AppState>,
    input: FollowupInput,
) -> CommandResult<Followup> {
    let followup = state.store.add_followup(input)?;
    state.changed();
    Ok(followup)
}

#[tauri::command]
pub async fn complete_followup(state: State<'_, AppState>, id: i64) -> CommandResult<Followup> {
    let followup = state.store.complete_followup(id)?;
    state.changed();
    Ok(followup)
}

#[tauri::command]
pub async fn dismiss_followup(state: State<'_, AppState>, id: i64) -> CommandResult<Followup> {
    let followup = state.store.dismiss_followup(id)?;
    state.changed();
    Ok(followup)
}

#[tauri::command]
pub async fn reopen_followup(state: State<'_, AppState>, id: i64) -> CommandResult<Followup> {
    let followup = state.store.reopen_followup(id)?;
    state.changed();
    Ok(followup)
}

/// Snoozes to a preset (one hour, tomorrow morning, next week: in the user's local time) or to
/// a given time.
#[tauri::command]
pub async fn snooze_followup(
    state: State<'_, AppState>,
    id: i64,
    snooze: Snooze,
) -> CommandResult<Followup> {
    let until = snooze.resolve(state.store.now(), &chrono::Local);
    let followup = state.store.snooze_followup(id, until)?;
    state.changed();
    Ok(followup)
}

/// Why notifications cannot be shown, once a send found out: `"missing"` (no notification
/// service) or `"refused"` (turned off for Rapport); none while they can. This process's loop
/// knows, or else the agent's, which records it in the store.
#[tauri::command]
pub async fn notification_trouble(state: State<'_, AppState>) -> CommandResult<Option<String>> {
    match state.notifications.trouble() {
        Some(trouble) => Ok(Some(trouble.to_string())),
        None => Ok(state.store.notification_trouble()?),
    }
}
