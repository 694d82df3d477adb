//! Rapport's sync with the user's own CardDAV/CalDAV server (Nextcloud, Fastmail, iCloud,
//! Radicale…): contacts both ways, follow-ups and meetings to the calendar one way. The store's
//! side (accounts, each card's state, the merge) is the core's `sync` room; this crate is the
//! protocol (libdav over hyper and rustls), the keyring, and the pass that ties them.
//!
//! Every call here blocks: it runs its requests on a small runtime of its own, so the CLI, the
//! agent and the window call it from any thread.

mod address;
pub mod background;
mod changes;
mod contacts;
mod discovery;
mod error;
mod events;
mod http;
mod mkcalendar;
mod progress;
mod secrets;

use std::path::Path;
use std::time::{Duration, Instant};

use rapport_core::sync::{Account, NewAccount};
use rapport_core::Store;
use rapport_reminders::loop_lock::LoopLock;
use serde::Serialize;

pub use address::server_url;
pub use changes::WITHOUT_SYNC_COLLECTION;
pub use contacts::ContactCounts;
pub use discovery::{DEFAULT_ADDRESSBOOK, DEFAULT_CALENDAR};
pub use error::{Result, SyncError, SyncErrorPayload};
pub use events::EventCounts;
pub use progress::{Phase, Progress};

use discovery::Session;

/// One sync at a time per data folder (the CLI, the agent, a window).
pub const SYNC_LOCK_FILE: &str = "sync.lock";

/// How long a sync waits for another one to end before saying so.
const WAIT_FOR_OTHER_SYNC: Duration = Duration::from_secs(120);

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime for the sync's requests")
}

/// What a person gives to add an account.
#[derive(Debug, Clone, Default)]
pub struct AccountInput {
    pub url: String,
    pub user: String,
    pub password: String,
    /// The address book to keep the network in (default "Rapport").
    pub addressbook: Option<String>,
    /// The calendar for follow-ups and meetings (default "Rapport follow-ups").
    pub calendar: Option<String>,
}

/// An account added, and what adding it made on the server.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Added {
    #[serde(flatten)]
    pub account: Account,
    pub created: Vec<String>,
    /// People the first sync will add to the address book.
    pub people_to_send: usize,
}

fn lock(data_dir: Option<&Path>) -> Result<Option<LoopLock>> {
    let Some(dir) = data_dir else { return Ok(None) };
    let deadline = Instant::now() + WAIT_FOR_OTHER_SYNC;
    loop {
        match LoopLock::try_acquire_file(dir, SYNC_LOCK_FILE) {
            Ok(Some(lock)) => return Ok(Some(lock)),
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(200)),
            Ok(None) => return Err(SyncError::Busy),
            Err(e) => return Err(rapport_core::Error::io("cannot take the sync lock", e).into()),
        }
    }
}

/// Adds an account: the address is checked (HTTPS, or HTTP to this computer), the server asked
/// who the user is and where their address books and calendars are, the collections found or
/// made, and the password put in the keyring — and only then is the account stored.
pub fn add_account(store: &Store, input: AccountInput) -> Result<Added> {
    let url = server_url(&input.url)?;
    let user = input.user.trim();
    if user.is_empty() {
        return Err(
            rapport_core::Error::invalid("user", "Give the user name on that server.").into(),
        );
    }
    let name = |n: &Option<String>| {
        n.as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string)
    };
    let (addressbook, calendar) = (name(&input.addressbook), name(&input.calendar));
    let url_text = url.to_string();
    let found = runtime().block_on(async {
        let mut session = Session {
            dav: http::client(&url, user, &input.password)?,
            url: &url_text,
            user,
            password: &input.password,
        };
        discovery::discover(&mut session, addressbook.as_deref(), calendar.as_deref()).await
    })?;
    secrets::save(&url_text, user, &input.password)?;
    let account = store.add_account(&NewAccount {
        url: url_text,
        user: user.to_string(),
        addressbook: found.addressbook,
        card_version: found.card_version,
        calendar: found.calendar,
    })?;
    let people_to_send = store.cards_to_send(account.id)?.len();
    Ok(Added {
        account,
        created: found.created,
        people_to_send,
    })
}

/// Replaces an account's password (revoked, or missing from this computer's keyring), after
/// the server accepted it, asked where the address book lives.
pub fn set_password(store: &Store, id: i64, password: &str) -> Result<Account> {
    let account = store.account(id)?;
    runtime().block_on(async {
        let session = session_on(&account, password, &account.addressbook.url)?;
        session
            .dav
            .request(libdav::dav::ListResources::new(&changes::path_of(
                &account.addressbook.url,
            )))
            .await
            .map_err(session.fail("the address book"))?;
        Ok::<_, SyncError>(())
    })?;
    secrets::save(&account.url, &account.user, password)?;
    Ok(account)
}

/// Forgets an account: its keyring entry and everything sync knew. The server is left alone.
pub fn remove_account(store: &Store, id: i64) -> Result<Account> {
    let account = store.account(id)?;
    secrets::forget(&account.url, &account.user)?;
    Ok(store.remove_account(id)?)
}

/// A client for one of the account's collections, on that collection's own host (iCloud keeps
/// them on hosts of their own).
fn session_on<'a>(
    account: &'a Account,
    password: &'a str,
    collection: &str,
) -> Result<Session<'a>> {
    let origin = collection
        .parse::<::http::Uri>()
        .ok()
        .and_then(|u| Some(format!("{}://{}/", u.scheme_str()?, u.authority()?)))
        .unwrap_or_else(|| account.url.clone());
    Ok(Session {
        dav: http::client(&server_url(&origin)?, &account.user, password)?,
        url: &account.url,
        user: &account.user,
        password,
    })
}

/// What one pass did for one account.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountReport {
    pub id: i64,
    pub contacts: ContactCounts,
    pub events: EventCounts,
    pub error: Option<SyncErrorPayload>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PassReport {
    pub accounts: Vec<AccountReport>,
}

impl PassReport {
    pub fn all_synced(&self) -> bool {
        self.accounts.iter().all(|a| a.error.is_none())
    }
}

async fn sync_one(
    store: &Store,
    account: &Account,
    progress: &mut dyn FnMut(i64, Progress),
) -> Result<(ContactCounts, EventCounts)> {
    let password = secrets::load(&account.url, &account.user, account.id)?;
    let id = account.id;
    let on_book = session_on(account, &password, &account.addressbook.url)?;
    let contacts =
        contacts::sync_contacts(&on_book, store, account, &mut |p| progress(id, p)).await?;
    let on_calendar = session_on(account, &password, &account.calendar.url)?;
    let events =
        events::sync_events(&on_calendar, store, account, &mut |p| progress(id, p)).await?;
    Ok((contacts, events))
}

/// One pass over every account, one after the other; an account that fails is reported (and
/// its error kept for Settings) and the others still sync.
pub fn sync_all(store: &Store, progress: &mut dyn FnMut(i64, Progress)) -> Result<PassReport> {
    sync_where(store, &|_| true, progress)
}

/// One pass over one account: "Sync now" (or "Start the first sync") on its card starts no other
/// account's first upload.
pub fn sync_account(
    store: &Store,
    id: i64,
    progress: &mut dyn FnMut(i64, Progress),
) -> Result<PassReport> {
    sync_where(store, &|account| account.id == id, progress)
}

/// Whether the user started the account's syncing (its first pass ran, even if it failed).
pub fn started(account: &Account) -> bool {
    account.last_sync_at.is_some() || account.last_error.is_some()
}

/// A pass over the accounts the user started: the first upload of an account waits for them
/// (Settings shows what it will do first; "Sync now" or `rapport sync` starts it).
pub fn sync_started(store: &Store) -> Result<PassReport> {
    sync_where(store, &started, &mut |_, _| {})
}

fn sync_where(
    store: &Store,
    chosen: &dyn Fn(&Account) -> bool,
    progress: &mut dyn FnMut(i64, Progress),
) -> Result<PassReport> {
    let _one_sync = lock(store.data_dir())?;
    let runtime = runtime();
    let mut accounts = Vec::new();
    for account in store.accounts()?.into_iter().filter(|a| chosen(a)) {
        let outcome = runtime.block_on(sync_one(store, &account, progress));
        let report = match outcome {
            Ok((contacts, events)) => {
                store.record_sync_pass(account.id, Ok(()))?;
                tracing::info!(account = account.id, ?contacts, ?events, "synced");
                AccountReport {
                    id: account.id,
                    contacts,
                    events,
                    error: None,
                }
            }
            Err(error) => {
                let payload = error.payload();
                store.record_sync_pass(account.id, Err((payload.code, &payload.message)))?;
                tracing::warn!(
                    account = account.id,
                    code = payload.code,
                    "sync failed: {}",
                    payload.message
                );
                AccountReport {
                    id: account.id,
                    contacts: ContactCounts::default(),
                    events: EventCounts::default(),
                    error: Some(payload),
                }
            }
        };
        accounts.push(report);
    }
    Ok(PassReport { accounts })
}
