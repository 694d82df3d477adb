//! The error every command returns. It crosses IPC as `{code, message, field?, matches?}` so the
//! UI branches on `code` and shows `message` beside `field`.

use rapport_core::ErrorPayload;
use serde::{Serialize, Serializer};

#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error(transparent)]
    Core(#[from] rapport_core::Error),
    /// An account or a sync that failed: the server, the keyring, the address typed.
    #[error(transparent)]
    Sync(#[from] rapport_sync::SyncError),
}

impl Serialize for CommandError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            CommandError::Core(error) => ErrorPayload::from(error).serialize(serializer),
            CommandError::Sync(error) => error.payload().serialize(serializer),
        }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
