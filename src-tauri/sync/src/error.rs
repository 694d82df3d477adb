//! What can go wrong in a sync, each with a stable code the CLI and the window branch on. A
//! failure of one account never half-applies anything: the store's own error comes through as
//! it is, and bad input (exit 2) is told apart from a server or a keyring that failed (exit 1).

use rapport_core::ErrorPayload;
use serde::Serialize;

pub type Result<T, E = SyncError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Store(#[from] rapport_core::Error),

    #[error("Rapport could not reach {url}: {reason}. Nothing was changed; it tries again later.")]
    Unreachable { url: String, reason: String },

    #[error("{url} did not accept the certificate check: {reason}")]
    Certificate { url: String, reason: String },

    #[error("{url} refused the user name or password. For iCloud, Fastmail and most Nextclouds use an app password; set it with `rapport accounts set-password {account}`.")]
    CredentialsRefused { url: String, account: String },

    #[error("No keyring to keep the password in ({reason}). Rapport never stores it in plain text: start your desktop's keyring (GNOME Keyring, KWallet) and try again.")]
    NoKeyring { reason: String },

    #[error("This computer's keyring has no password for {user} on {url} (a store restored from another computer?): set it with `rapport accounts set-password {account} --password-stdin`.")]
    NoPassword {
        url: String,
        user: String,
        account: i64,
    },

    #[error("{url} is not a CardDAV/CalDAV server Rapport can use: {reason}")]
    NotDav { url: String, reason: String },

    #[error(
        "{url} answered “{status}” to {what}; nothing was lost, and the next sync tries again."
    )]
    Server {
        url: String,
        what: String,
        status: String,
    },

    #[error("Another sync of this data folder is running; it will have the latest changes when it ends.")]
    Busy,
}

impl SyncError {
    pub fn code(&self) -> &'static str {
        match self {
            SyncError::Store(e) => e.code(),
            SyncError::Unreachable { .. } => "server_unreachable",
            SyncError::Certificate { .. } => "certificate_refused",
            SyncError::CredentialsRefused { .. } => "credentials_refused",
            SyncError::NoKeyring { .. } => "no_keyring",
            SyncError::NoPassword { .. } => "no_password",
            SyncError::NotDav { .. } => "not_a_dav_server",
            SyncError::Server { .. } => "server_error",
            SyncError::Busy => "sync_busy",
        }
    }

    /// Input the user has to fix (a malformed URL, `http://` to a remote host): exit 2.
    pub fn is_user_error(&self) -> bool {
        matches!(self, SyncError::Store(e) if e.is_user_error())
    }

    pub fn payload(&self) -> SyncErrorPayload {
        match self {
            SyncError::Store(e) => {
                let p = ErrorPayload::from(e);
                SyncErrorPayload {
                    code: p.code,
                    message: p.message,
                    field: p.field,
                }
            }
            other => SyncErrorPayload {
                code: other.code(),
                message: other.to_string(),
                field: None,
            },
        }
    }
}

/// An error as it leaves the process: `{code, message, field?}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncErrorPayload {
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
}
