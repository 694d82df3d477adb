//! The user's CardDAV/CalDAV accounts in Settings: add one (what the first sync will do is
//! shown before it runs), sync now, remove, and the conflicts sync kept.

use rapport_core::sync::{Account, SyncChange};
use rapport_sync::{AccountInput, Added, PassReport};
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::error::CommandResult;
use crate::AppState;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewAccountForm {
    pub url: String,
    pub user: String,
    pub password: String,
    pub addressbook: Option<String>,
    pub calendar: Option<String>,
}

/// An account as Settings shows it: with how many people its next sync sends (all of them,
/// before the first).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountView {
    #[serde(flatten)]
    pub account: Account,
    pub people_to_send: usize,
}

#[tauri::command]
pub async fn list_accounts(state: State<'_, AppState>) -> CommandResult<Vec<AccountView>> {
    let store = &state.store;
    let mut views = Vec::new();
    for account in store.accounts()? {
        let people_to_send = store.cards_to_send(account.id)?.len();
        views.push(AccountView {
            account,
            people_to_send,
        });
    }
    Ok(views)
}

/// Adds the account (the server asked, the collections found or made, the password in the
/// keyring). Nothing is uploaded until the user says so with "Sync now".
#[tauri::command]
pub async fn add_account(state: State<'_, AppState>, form: NewAccountForm) -> CommandResult<Added> {
    let store = state.store.clone();
    let input = AccountInput {
        url: form.url,
        user: form.user,
        password: form.password,
        addressbook: form.addressbook,
        calendar: form.calendar,
    };
    // Blocking network calls: off the command thread.
    let added =
        tauri::async_runtime::spawn_blocking(move || rapport_sync::add_account(&store, input))
            .await
            .map_err(|e| rapport_core::Error::invalid("sync", e.to_string()))??;
    Ok(added)
}

#[tauri::command]
pub async fn sync_now(state: State<'_, AppState>) -> CommandResult<PassReport> {
    let store = state.store.clone();
    let report = tauri::async_runtime::spawn_blocking(move || {
        rapport_sync::sync_all(&store, &mut |_, _| {})
    })
    .await
    .map_err(|e| rapport_core::Error::invalid("sync", e.to_string()))??;
    Ok(report)
}

#[tauri::command]
pub async fn remove_account(state: State<'_, AppState>, id: i64) -> CommandResult<Account> {
    Ok(rapport_sync::remove_account(&state.store, id)?)
}

/// The latest conflicts sync kept, across everyone, for Settings to explain.
#[tauri::command]
pub async fn sync_conflicts(
    state: State<'_, AppState>,
) -> CommandResult<Vec<(String, SyncChange)>> {
    Ok(state.store.recent_sync_conflicts(5)?)
}
