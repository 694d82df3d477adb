//! `rapport accounts` and `rapport sync`: the user's CardDAV/CalDAV accounts, and a pass over
//! them. `rapport sync` exits 0 when every account synced, 1 when one failed (its `error` says
//! why; the store is intact), 2 for bad input (nothing written).

use std::io::{IsTerminal, Read};
use std::path::Path;
use std::process::ExitCode;

use clap::Subcommand;
use rapport_core::sync::Account;
use rapport_core::Store;
use rapport_sync::{AccountInput, Phase, Progress, SyncError};

use super::output::say;
use super::print_json;

#[derive(Debug, Subcommand)]
pub(super) enum AccountsCommand {
    /// Add a CardDAV/CalDAV account (Nextcloud, Fastmail, iCloud, Radicale…); the password,
    /// read from standard input, goes into the system keyring.
    Add {
        /// The server: https://dav.example.com (plain http:// only to this computer).
        #[arg(long)]
        url: String,
        #[arg(long)]
        user: String,
        /// Read the password (an app password) from standard input.
        #[arg(long, required = true)]
        password_stdin: bool,
        /// The address book to keep your network in (default "Rapport", made if missing).
        #[arg(long, value_name = "NAME")]
        addressbook: Option<String>,
        /// The calendar for follow-ups and meetings (default "Rapport follow-ups").
        #[arg(long, value_name = "NAME")]
        calendar: Option<String>,
    },
    /// Every account, with its last sync and last error.
    List,
    /// Replace an account's password (revoked, or not in this computer's keyring).
    SetPassword {
        id: i64,
        #[arg(long, required = true)]
        password_stdin: bool,
    },
    /// Forget an account and its password; the server is left as it is.
    Remove { id: i64 },
}

/// The password from standard input, without the one newline that ends what was typed.
fn password_from_stdin() -> Result<String, SyncError> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| rapport_core::Error::io("cannot read the password from standard input", e))?;
    let text = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix('\n'))
        .unwrap_or(&text)
        .to_string();
    if text.is_empty() {
        return Err(
            rapport_core::Error::invalid("password", "No password on standard input.").into(),
        );
    }
    Ok(text)
}

fn failed(error: &SyncError, json: bool) -> ExitCode {
    if json {
        eprintln!(
            "{}",
            serde_json::to_string(&error.payload()).expect("errors serialise")
        );
    } else {
        eprintln!("rapport: {error}");
    }
    ExitCode::from(if error.is_user_error() { 2 } else { 1 })
}

fn account_line(account: &Account) -> String {
    let last = match (&account.last_sync_at, &account.last_error) {
        (_, Some(error)) => format!("last sync failed: {}", error.message),
        (Some(at), None) => format!(
            "last synced {}",
            at.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M")
        ),
        (None, None) => "never synced".to_string(),
    };
    format!(
        "#{:<3} {} on {} — address book “{}”, calendar “{}”; {last}",
        account.id, account.user, account.url, account.addressbook.name, account.calendar.name
    )
}

pub(super) fn accounts(command: AccountsCommand, data_dir: &Path, json: bool) -> ExitCode {
    match run_accounts(command, data_dir, json) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => failed(&error, json),
    }
}

fn run_accounts(command: AccountsCommand, data_dir: &Path, json: bool) -> Result<(), SyncError> {
    match command {
        AccountsCommand::Add {
            url,
            user,
            addressbook,
            calendar,
            ..
        } => {
            // The address is checked before anything is read or opened.
            rapport_sync::server_url(&url)?;
            let password = password_from_stdin()?;
            rapport_reminders::logging::init_to_file(data_dir);
            let store = Store::open(data_dir)?;
            let added = rapport_sync::add_account(
                &store,
                AccountInput {
                    url,
                    user,
                    password,
                    addressbook,
                    calendar,
                },
            )?;
            if json {
                print_json(&serde_json::json!({
                    "id": added.account.id,
                    "url": added.account.url,
                    "user": added.account.user,
                    "addressbook": added.account.addressbook,
                    "calendar": added.account.calendar,
                    "created": added.created,
                    "peopleToSend": added.people_to_send,
                }));
            } else {
                say!(
                    "Added account #{}: {} on {}",
                    added.account.id,
                    added.account.user,
                    added.account.url
                );
                for made in &added.created {
                    say!("  made {made}");
                }
                say!(
                    "The first `rapport sync` adds {} people to the address book {} on {}.",
                    added.people_to_send,
                    added.account.addressbook.name,
                    added.account.url
                );
            }
        }
        AccountsCommand::List => {
            rapport_reminders::logging::init_to_file(data_dir);
            let accounts = Store::open(data_dir)?.accounts()?;
            if json {
                print_json(&accounts);
            } else if accounts.is_empty() {
                say!("No account: add one with `rapport accounts add --url URL --user USER --password-stdin`.");
            } else {
                for account in &accounts {
                    say!("{}", account_line(account));
                }
            }
        }
        AccountsCommand::SetPassword { id, .. } => {
            let password = password_from_stdin()?;
            rapport_reminders::logging::init_to_file(data_dir);
            let account = rapport_sync::set_password(&Store::open(data_dir)?, id, &password)?;
            if json {
                print_json(&account);
            } else {
                say!(
                    "The password of account #{id} ({} on {}) is in the keyring.",
                    account.user,
                    account.url
                );
            }
        }
        AccountsCommand::Remove { id } => {
            rapport_reminders::logging::init_to_file(data_dir);
            let account = rapport_sync::remove_account(&Store::open(data_dir)?, id)?;
            if json {
                print_json(&account);
            } else {
                say!(
                    "Removed account #{id} ({} on {}); the server was left as it is.",
                    account.user,
                    account.url
                );
            }
        }
    }
    Ok(())
}

/// Progress on standard error, for a person watching a first sync of thousands.
fn show_progress(account: i64, progress: Progress) {
    if progress.total < 200 || !std::io::stderr().is_terminal() {
        return;
    }
    let what = match progress.phase {
        Phase::Receiving => "cards received",
        Phase::Sending => "cards sent",
        Phase::Events => "events sent",
    };
    eprint!(
        "\r#{account}: {} of {} {what}…   ",
        progress.done, progress.total
    );
}

pub(super) fn sync(data_dir: &Path, json: bool) -> ExitCode {
    rapport_reminders::logging::init_to_file(data_dir);
    let store = match Store::open(data_dir) {
        Ok(store) => store,
        Err(error) => return failed(&error.into(), json),
    };
    let report = match rapport_sync::sync_all(&store, &mut show_progress) {
        Ok(report) => report,
        Err(error) => return failed(&error, json),
    };
    if std::io::stderr().is_terminal() {
        eprint!("\r\x1b[K");
    }
    if json {
        print_json(&report);
    } else if report.accounts.is_empty() {
        say!("No account to sync: add one with `rapport accounts add`.");
    } else {
        for account in &report.accounts {
            match &account.error {
                Some(error) => say!("#{}: not synced — {}", account.id, error.message),
                None => {
                    let (c, e) = (&account.contacts, &account.events);
                    say!(
                        "#{}: {} cards sent, {} received, {} updated, {} conflicts kept, {} removed elsewhere; {} events sent, {} removed",
                        account.id, c.sent, c.received, c.updated, c.conflicts, c.removed_elsewhere, e.sent, e.removed
                    );
                }
            }
        }
    }
    if report.all_synced() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
