//! The account's password, in the operating system's keyring only (Secret Service on Linux,
//! Credential Manager on Windows, Keychain on macOS): never in the store, an export, a backup or
//! a log. With no keyring there is no sync — no plain-text fallback.
//!
//! Entries are named by server and user, not by the account's number in the store, so that a
//! store restored on the same computer finds its password again.

use crate::error::{Result, SyncError};

const SERVICE: &str = "Rapport sync";

fn entry(url: &str, user: &str) -> Result<keyring::Entry> {
    keyring::Entry::new(SERVICE, &format!("{user} @ {url}")).map_err(no_keyring)
}

fn no_keyring(error: keyring::Error) -> SyncError {
    let reason = match error {
        keyring::Error::NoDefaultStore => match keyring::Entry::store_status() {
            Err(cause) => cause.to_string(),
            Ok(()) => "the keyring could not be opened".to_string(),
        },
        other => other.to_string(),
    };
    SyncError::NoKeyring { reason }
}

pub fn save(url: &str, user: &str, password: &str) -> Result<()> {
    entry(url, user)?.set_password(password).map_err(no_keyring)
}

/// The password, or `NoPassword` when this computer's keyring has none for the account.
pub fn load(url: &str, user: &str, account: i64) -> Result<String> {
    match entry(url, user)?.get_password() {
        Ok(password) => Ok(password),
        Err(keyring::Error::NoEntry) => Err(SyncError::NoPassword {
            url: url.to_string(),
            user: user.to_string(),
            account,
        }),
        Err(other) => Err(no_keyring(other)),
    }
}

/// Forgets the password; none stored is fine.
pub fn forget(url: &str, user: &str) -> Result<()> {
    match entry(url, user)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(other) => Err(no_keyring(other)),
    }
}
