use rapport_core::network::circles::Circle;
use rapport_core::network::people::{PeopleFilter, Person, PersonInput, PersonRef, PersonSummary};
use tauri::State;

use crate::error::CommandResult;
use crate::AppState;

#[tauri::command]
pub async fn list_circles(state: State<'_, AppState>) -> CommandResult<Vec<Circle>> {
    Ok(state.store.circles()?)
}

/// Adds a circle of the user's own after the seeded ones.
#[tauri::command]
pub async fn add_circle(state: State<'_, AppState>, name: String) -> CommandResult<Circle> {
    let circle = state.store.add_circle(&name)?;
    state.changed();
    Ok(circle)
}

#[tauri::command]
pub async fn list_people(
    state: State<'_, AppState>,
    filter: Option<PeopleFilter>,
) -> CommandResult<Vec<Person>> {
    Ok(state.store.people(filter.unwrap_or_default())?)
}

/// Everyone as the people list shows them, or the first `limit` of them.
#[tauri::command]
pub async fn list_people_summaries(
    state: State<'_, AppState>,
    filter: Option<PeopleFilter>,
    limit: Option<usize>,
) -> CommandResult<Vec<PersonSummary>> {
    Ok(state
        .store
        .people_summaries(filter.unwrap_or_default(), limit)?)
}

#[tauri::command]
pub async fn search_people(
    state: State<'_, AppState>,
    query: String,
) -> CommandResult<Vec<PersonSummary>> {
    Ok(state.store.search_people_summaries(&query)?)
}

#[tauri::command]
pub async fn get_person(state: State<'_, AppState>, id: i64) -> CommandResult<Person> {
    Ok(state.store.person(id)?)
}

/// The user's own entry, the root of the network.
#[tauri::command]
pub async fn get_me(state: State<'_, AppState>) -> CommandResult<Person> {
    Ok(state.store.me()?)
}

#[tauri::command]
pub async fn add_person(state: State<'_, AppState>, input: PersonInput) -> CommandResult<Person> {
    let person = state.store.add_person(input)?;
    state.changed();
    Ok(person)
}

#[tauri::command]
pub async fn update_person(
    state: State<'_, AppState>,
    id: i64,
    input: PersonInput,
) -> CommandResult<Person> {
    let person = state.store.update_person(id, input)?;
    state.changed();
    Ok(person)
}

/// How close the user is to someone, 0-5; `None` lets it follow the records again.
#[tauri::command]
pub async fn set_person_strength(
    state: State<'_, AppState>,
    id: i64,
    strength: Option<u8>,
) -> CommandResult<Person> {
    let person = state.store.set_strength(id, strength)?;
    state.changed();
    Ok(person)
}

#[tauri::command]
pub async fn set_person_archived(
    state: State<'_, AppState>,
    id: i64,
    archived: bool,
) -> CommandResult<Person> {
    let person = state.store.set_archived(id, archived)?;
    state.changed();
    Ok(person)
}

#[tauri::command]
pub async fn delete_person(state: State<'_, AppState>, id: i64) -> CommandResult<PersonRef> {
    let deleted = state.store.delete_person(id)?;
    state.changed();
    Ok(deleted)
}

#[tauri::command]
pub async fn restore_person(state: State<'_, AppState>, id: i64) -> CommandResult<Person> {
    let person = state.store.restore_person(id)?;
    state.changed();
    Ok(person)
}

/// People already listed whose name looks like `name` (for the brainstorm).
#[tauri::command]
pub async fn similar_people(
    state: State<'_, AppState>,
    name: String,
) -> CommandResult<Vec<PersonRef>> {
    Ok(state.store.similar_people(&name)?)
}
