use rapport_core::guide::drafts::{Draft, ThankYouMedium};
use rapport_core::guide::pitch_builder::{self, AudiencePreset, BuiltPitch, PitchPrompts};
use rapport_core::guide::pitches::{Pitch, PitchInput, PitchVersion};
use rapport_core::guide::speech::{PitchKind, Timing};
use tauri::State;

use crate::error::CommandResult;
use crate::AppState;

#[tauri::command]
pub async fn list_pitches(state: State<'_, AppState>) -> CommandResult<Vec<Pitch>> {
    Ok(state.store.pitches()?)
}

#[tauri::command]
pub async fn add_pitch(state: State<'_, AppState>, input: PitchInput) -> CommandResult<Pitch> {
    Ok(state.store.add_pitch(input)?)
}

/// Saves a new text; the previous one is kept as a version.
#[tauri::command]
pub async fn update_pitch(
    state: State<'_, AppState>,
    id: i64,
    input: PitchInput,
) -> CommandResult<Pitch> {
    Ok(state.store.update_pitch(id, input)?)
}

#[tauri::command]
pub async fn delete_pitch(state: State<'_, AppState>, id: i64) -> CommandResult<Pitch> {
    Ok(state.store.delete_pitch(id)?)
}

#[tauri::command]
pub async fn pitch_versions(
    state: State<'_, AppState>,
    id: i64,
) -> CommandResult<Vec<PitchVersion>> {
    Ok(state.store.pitch_versions(id)?)
}

#[tauri::command]
pub async fn restore_pitch_version(
    state: State<'_, AppState>,
    id: i64,
    version_id: i64,
) -> CommandResult<Pitch> {
    Ok(state.store.restore_pitch_version(id, version_id)?)
}

#[tauri::command]
pub async fn duplicate_pitch(
    state: State<'_, AppState>,
    id: i64,
    audience: String,
) -> CommandResult<Pitch> {
    Ok(state.store.duplicate_pitch(id, &audience)?)
}

/// Word count and spoken length of a draft at the user's speaking rate, against its kind's band.
#[tauri::command]
pub async fn time_pitch(
    state: State<'_, AppState>,
    text: String,
    kind: PitchKind,
) -> CommandResult<Timing> {
    let rate = state.store.speaking_rate()?;
    Ok(rapport_core::guide::speech::timing(&text, kind, rate))
}

#[tauri::command]
pub async fn speaking_rate(state: State<'_, AppState>) -> CommandResult<u32> {
    Ok(state.store.speaking_rate()?)
}

#[tauri::command]
pub async fn set_speaking_rate(
    state: State<'_, AppState>,
    words_per_minute: u32,
) -> CommandResult<u32> {
    Ok(state.store.set_speaking_rate(words_per_minute)?)
}

/// The audiences the pitch builder offers, each with its length band and kind of ask.
#[tauri::command]
pub async fn pitch_audiences() -> CommandResult<Vec<AudiencePreset>> {
    Ok(pitch_builder::AUDIENCES.to_vec())
}

/// The guide's prompts put together into a draft, its checklist and its timing.
#[tauri::command]
pub async fn build_pitch(
    state: State<'_, AppState>,
    prompts: PitchPrompts,
) -> CommandResult<BuiltPitch> {
    let rate = state.store.speaking_rate()?;
    Ok(pitch_builder::build(&prompts, rate))
}

/// The pitch offered in drafts and agendas, if there is one.
#[tauri::command]
pub async fn chosen_pitch(state: State<'_, AppState>) -> CommandResult<Option<Pitch>> {
    Ok(state.store.chosen_pitch()?)
}

#[tauri::command]
pub async fn choose_pitch(state: State<'_, AppState>, id: i64) -> CommandResult<Pitch> {
    let pitch = state.store.choose_pitch(id)?;
    state.changed();
    Ok(pitch)
}

/// The note telling someone close what the user is exploring, drafted from the chosen pitch.
#[tauri::command]
pub async fn draft_exploring(
    state: State<'_, AppState>,
    person_id: i64,
    medium: ThankYouMedium,
) -> CommandResult<Draft> {
    Ok(state.store.draft_exploring(person_id, medium)?)
}
