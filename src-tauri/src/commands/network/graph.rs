use rapport_core::network::graph::{PathTarget, WarmPath, WhoAtOrganization};
use rapport_core::network::links::{Link, LinkInput};
use rapport_core::network::map::{MapFilter, MapOverview, NetworkMap};
use rapport_core::network::people::PersonRef;
use tauri::State;

use crate::error::CommandResult;
use crate::AppState;

#[tauri::command]
pub async fn add_link(state: State<'_, AppState>, input: LinkInput) -> CommandResult<Link> {
    let link = state.store.add_link(input)?;
    state.changed();
    Ok(link)
}

#[tauri::command]
pub async fn links_of(state: State<'_, AppState>, person_id: i64) -> CommandResult<Vec<Link>> {
    Ok(state.store.links_of(person_id)?)
}

#[tauri::command]
pub async fn remove_link(state: State<'_, AppState>, id: i64) -> CommandResult<Link> {
    let link = state.store.remove_link(id)?;
    state.changed();
    Ok(link)
}

/// Who you know at an organization, directly and through one tie.
#[tauri::command]
pub async fn who_do_i_know_at(
    state: State<'_, AppState>,
    organization: String,
) -> CommandResult<WhoAtOrganization> {
    Ok(state.store.who_do_i_know_at(&organization)?)
}

#[tauri::command]
pub async fn mutual_contacts(
    state: State<'_, AppState>,
    a: i64,
    b: i64,
) -> CommandResult<Vec<PersonRef>> {
    Ok(state.store.mutual_contacts(a, b)?)
}

/// Warm-introduction paths from you to a person or organization, best first.
#[tauri::command]
pub async fn warm_paths(
    state: State<'_, AppState>,
    target: PathTarget,
    max_hops: u8,
    limit: usize,
) -> CommandResult<Vec<WarmPath>> {
    Ok(state.store.warm_paths(target, max_hops, limit)?)
}

/// The network map (you → circles → people → organizations), narrowed by `filter`.
#[tauri::command]
pub async fn network_map(
    state: State<'_, AppState>,
    filter: MapFilter,
) -> CommandResult<NetworkMap> {
    Ok(state.store.network_map(&filter)?)
}

/// The network as bubbles (you, circles, the largest organizations), for a map too large to
/// draw person by person.
#[tauri::command]
pub async fn network_overview(
    state: State<'_, AppState>,
    filter: MapFilter,
) -> CommandResult<MapOverview> {
    Ok(state.store.network_overview(&filter)?)
}

/// One person's neighbourhood, two hops out, drawn like the map.
#[tauri::command]
pub async fn person_neighbourhood(
    state: State<'_, AppState>,
    person_id: i64,
) -> CommandResult<NetworkMap> {
    Ok(state.store.person_neighbourhood(person_id)?)
}
