//! The user's CardDAV/CalDAV accounts in Settings: add one (what the first sync will do is
//! shown before it runs), sync now with its progress, replace a password, remove, and the
//! conflicts sync kept; on the person page, what sync changed and "send again".

use rapport_core::sync::{Account, SyncChange};
use rapport_sync::{AccountInput, Added, PassReport, Progress};
use serde::{Deserialize, Serialize};
use tauri::ipc::Channel;
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
    off_the_command_thread(move || rapport_sync::add_account(&store, input)).await
}

/// Sync's network calls block: they run off the command thread.
async fn off_the_command_thread<T: Send + 'static>(
    work: impl FnOnce() -> rapport_sync::Result<T> + Send + 'static,
) -> CommandResult<T> {
    Ok(tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| rapport_core::Error::invalid("sync", e.to_string()))??)
}

/// How far a pass has got on one account, for the progress bar of a first sync of thousands.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncProgress {
    pub account_id: i64,
    #[serde(flatten)]
    pub progress: Progress,
}

/// One pass over the account whose card it is, its progress streamed to the card.
#[tauri::command]
pub async fn sync_now(
    state: State<'_, AppState>,
    account_id: i64,
    on_progress: Channel<SyncProgress>,
) -> CommandResult<PassReport> {
    let store = state.store.clone();
    let report = off_the_command_thread(move || {
        rapport_sync::sync_account(&store, account_id, &mut |account_id, progress| {
            let _ = on_progress.send(SyncProgress {
                account_id,
                progress,
            });
        })
    })
    .await?;
    state.changed();
    Ok(report)
}

/// Replaces a revoked password, or gives this computer's keyring the one it lacks (a store
/// restored from another machine), once the server accepted it.
#[tauri::command]
pub async fn set_account_password(
    state: State<'_, AppState>,
    id: i64,
    password: String,
) -> CommandResult<Account> {
    let store = state.store.clone();
    off_the_command_thread(move || rapport_sync::set_password(&store, id, &password)).await
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

/// What sync did to one person: the changes it brought (conflicts among them) and the accounts
/// whose server lost their card to another device.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonSync {
    pub changes: Vec<SyncChange>,
    pub removed_from: Vec<Account>,
}

#[tauri::command]
pub async fn person_sync(state: State<'_, AppState>, id: i64) -> CommandResult<PersonSync> {
    let store = &state.store;
    let removed_from = store
        .removed_from(id)?
        .into_iter()
        .map(|account| store.account(account))
        .collect::<rapport_core::Result<Vec<_>>>()?;
    Ok(PersonSync {
        changes: store.sync_changes(id)?,
        removed_from,
    })
}

/// The user chose to send a person removed elsewhere again: a new card at the next pass.
#[tauri::command]
pub async fn send_card_again(
    state: State<'_, AppState>,
    account_id: i64,
    person_id: i64,
) -> CommandResult<()> {
    state.store.send_card_again(account_id, person_id)?;
    state.changed();
    Ok(())
}
