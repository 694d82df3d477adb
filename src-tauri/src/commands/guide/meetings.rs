use chrono::{DateTime, Utc};
use rapport_core::guide::meetings::{
    AgendaItem, AirInput, Meeting, MeetingDetails, MeetingState, NewMeeting,
};
use tauri::State;

use crate::error::CommandResult;
use crate::AppState;

#[tauri::command]
pub async fn plan_meeting(state: State<'_, AppState>, input: NewMeeting) -> CommandResult<Meeting> {
    let meeting = state.store.plan_meeting(input)?;
    state.changed();
    Ok(meeting)
}

#[tauri::command]
pub async fn get_meeting(state: State<'_, AppState>, id: i64) -> CommandResult<Meeting> {
    Ok(state.store.meeting(id)?)
}

/// Every meeting, or those with one person.
#[tauri::command]
pub async fn list_meetings(
    state: State<'_, AppState>,
    person_id: Option<i64>,
) -> CommandResult<Vec<Meeting>> {
    Ok(state.store.meetings(person_id)?)
}

#[tauri::command]
pub async fn update_meeting(
    state: State<'_, AppState>,
    id: i64,
    details: MeetingDetails,
) -> CommandResult<Meeting> {
    let meeting = state.store.update_meeting(id, details)?;
    state.changed();
    Ok(meeting)
}

#[tauri::command]
pub async fn set_meeting_state(
    state: State<'_, AppState>,
    id: i64,
    new_state: MeetingState,
    at: Option<DateTime<Utc>>,
) -> CommandResult<Meeting> {
    let meeting = state.store.set_meeting_state(id, new_state, at)?;
    state.changed();
    Ok(meeting)
}

#[tauri::command]
pub async fn set_prep_step(
    state: State<'_, AppState>,
    id: i64,
    step: u8,
    done: bool,
    note: String,
) -> CommandResult<Meeting> {
    Ok(state.store.set_prep_step(id, step, done, &note)?)
}

#[tauri::command]
pub async fn set_agenda(
    state: State<'_, AppState>,
    id: i64,
    items: Vec<AgendaItem>,
) -> CommandResult<Meeting> {
    Ok(state.store.set_agenda(id, items)?)
}

#[tauri::command]
pub async fn suggested_agenda() -> CommandResult<Vec<AgendaItem>> {
    Ok(rapport_core::guide::meetings::suggested_agenda())
}

#[tauri::command]
pub async fn add_air(
    state: State<'_, AppState>,
    meeting_id: i64,
    input: AirInput,
) -> CommandResult<Meeting> {
    let meeting = state.store.add_air(meeting_id, input)?;
    state.changed();
    Ok(meeting)
}

#[tauri::command]
pub async fn remove_air(state: State<'_, AppState>, id: i64) -> CommandResult<Meeting> {
    Ok(state.store.remove_air(id)?)
}
