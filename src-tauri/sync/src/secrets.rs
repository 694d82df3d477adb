//! The account's password, in the operating system's keyring only (Secret Service on Linux,
//! Credential Manager on Windows, Keychain on macOS): never in the store, an export, a backup or
//! a log. With no keyring there is no sync — no plain-text fallback.
//!
//! Entries are named by server and user, not by the account's number in the store, so that a
//! store restored on the same computer finds its password again.

use keyring_core::{Entry, Error as KeyringError};

use crate::error::{Result, SyncError};

const SERVICE: &str = "Rapport sync";

/// The platform's credential store, made when first needed.
fn platform_store() -> keyring_core::Result<std::sync::Arc<keyring_core::CredentialStore>> {
    #[cfg(all(unix, not(target_os = "macos")))]
    let store = zbus_secret_service_keyring_store::Store::new()?;
    #[cfg(windows)]
    let store = windows_native_keyring_store::Store::new()?;
    #[cfg(target_os = "macos")]
    let store = apple_native_keyring_store::keychain::Store::new()?;
    Ok(store)
}

/// Runs `op` on the account's entry. The store is made on first use, not once per process:
/// a keyring that was not running when Rapport started is reached on the next try without
/// restarting Rapport. On Linux a Secret Service session ends with its daemon, so after a
/// platform failure the store is made again and `op` tried once more; elsewhere (and for a
/// locked or refused keyring, whose prompt the user just answered) the failure stands.
fn with_entry<T>(
    url: &str,
    user: &str,
    op: impl Fn(&Entry) -> keyring_core::Result<T>,
) -> keyring_core::Result<T> {
    let attempt = || {
        if keyring_core::get_default_store().is_none() {
            keyring_core::set_default_store(platform_store()?);
        }
        op(&Entry::new(SERVICE, &format!("{user} @ {url}"))?)
    };
    match attempt() {
        Err(KeyringError::PlatformFailure(_)) if cfg!(all(unix, not(target_os = "macos"))) => {
            keyring_core::unset_default_store();
            attempt()
        }
        done => done,
    }
}

fn no_keyring(error: KeyringError) -> SyncError {
    SyncError::NoKeyring {
        reason: error.to_string(),
    }
}

pub fn save(url: &str, user: &str, password: &str) -> Result<()> {
    with_entry(url, user, |entry| entry.set_password(password)).map_err(no_keyring)
}

/// The password, or `NoPassword` when this computer's keyring has none for the account.
pub fn load(url: &str, user: &str, account: i64) -> Result<String> {
    match with_entry(url, user, Entry::get_password) {
        Ok(password) => Ok(password),
        Err(KeyringError::NoEntry) => Err(SyncError::NoPassword {
            url: url.to_string(),
            user: user.to_string(),
            account,
        }),
        Err(other) => Err(no_keyring(other)),
    }
}

/// Forgets the password; none stored is fine.
pub fn forget(url: &str, user: &str) -> Result<()> {
    match with_entry(url, user, Entry::delete_credential) {
        Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
        Err(other) => Err(no_keyring(other)),
    }
}
