use rapport_core::guide::opportunities::{
    Opportunity, OpportunityInput, OpportunityStatus, OrganizationSummary, Target,
};
use tauri::State;

use crate::error::CommandResult;
use crate::AppState;

/// Open leads, newest first; closed ones too when asked.
#[tauri::command]
pub async fn list_opportunities(
    state: State<'_, AppState>,
    include_closed: bool,
) -> CommandResult<Vec<Opportunity>> {
    Ok(state.store.opportunities(include_closed)?)
}

#[tauri::command]
pub async fn add_opportunity(
    state: State<'_, AppState>,
    input: OpportunityInput,
) -> CommandResult<Opportunity> {
    let opportunity = state.store.add_opportunity(input)?;
    state.changed();
    Ok(opportunity)
}

#[tauri::command]
pub async fn update_opportunity(
    state: State<'_, AppState>,
    id: i64,
    input: OpportunityInput,
) -> CommandResult<Opportunity> {
    let opportunity = state.store.update_opportunity(id, input)?;
    state.changed();
    Ok(opportunity)
}

#[tauri::command]
pub async fn set_opportunity_status(
    state: State<'_, AppState>,
    id: i64,
    status: OpportunityStatus,
) -> CommandResult<Opportunity> {
    let opportunity = state.store.set_opportunity_status(id, status)?;
    state.changed();
    Ok(opportunity)
}

#[tauri::command]
pub async fn delete_opportunity(state: State<'_, AppState>, id: i64) -> CommandResult<Opportunity> {
    let opportunity = state.store.delete_opportunity(id)?;
    state.changed();
    Ok(opportunity)
}

#[tauri::command]
pub async fn list_organizations(
    state: State<'_, AppState>,
) -> CommandResult<Vec<OrganizationSummary>> {
    Ok(state.store.organizations()?)
}

#[tauri::command]
pub async fn set_organization_target(
    state: State<'_, AppState>,
    id: i64,
    is_target: bool,
) -> CommandResult<OrganizationSummary> {
    let organization = state.store.set_organization_target(id, is_target)?;
    state.changed();
    Ok(organization)
}

/// Target organizations with who you know there and their open leads.
#[tauri::command]
pub async fn list_targets(state: State<'_, AppState>) -> CommandResult<Vec<Target>> {
    Ok(state.store.targets()?)
}
