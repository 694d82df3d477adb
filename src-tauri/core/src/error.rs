//! One error type for the core. Every variant has a stable `code` so that the UI and the CLI
//! branch on the kind of failure, never on its wording.

use serde::Serialize;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The user's input cannot be accepted; `field` names the input so the UI can show the
    /// message beside it.
    #[error("{message}")]
    Invalid {
        field: &'static str,
        message: String,
    },

    #[error("no {what} with {key}")]
    NotFound { what: &'static str, key: String },

    /// A name matched several people; the caller must pick one by id.
    #[error("“{query}” matches {} people: {}", .matches.len(), describe(.matches))]
    Ambiguous {
        query: String,
        matches: Vec<Candidate>,
    },

    #[error(
        "this data was written by a newer Rapport (schema version {found}; this version knows up to {supported}). \
         It was left untouched: update Rapport to open it."
    )]
    SchemaTooNew { found: i64, supported: i64 },

    #[error("{path} is not a Rapport data file: {reason}")]
    NotAStore { path: String, reason: String },

    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),

    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

/// One of the records a name matched, as an error names it: enough for the user to pick one by
/// id. (The error sits below every room, so it names no domain type.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
    pub id: i64,
    pub display_name: String,
}

fn describe(matches: &[Candidate]) -> String {
    matches
        .iter()
        .map(|p| format!("#{} {}", p.id, p.display_name))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Error {
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Error::Invalid {
            field,
            message: message.into(),
        }
    }

    pub fn not_found(what: &'static str, key: impl ToString) -> Self {
        Error::NotFound {
            what,
            key: key.to_string(),
        }
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }

    /// Stable identifier of the kind of error, shared by the IPC payload and `--json` output.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid { .. } => "invalid_input",
            Error::NotFound { .. } => "not_found",
            Error::Ambiguous { .. } => "ambiguous",
            Error::SchemaTooNew { .. } => "schema_too_new",
            Error::NotAStore { .. } => "not_a_store",
            Error::Database(_) => "database",
            Error::Io { .. } => "io",
        }
    }

    /// True when the error is the user's to fix (bad input) rather than a failure of the system.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            Error::Invalid { .. } | Error::NotFound { .. } | Error::Ambiguous { .. }
        )
    }

    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }
}

/// The shape an error takes outside the process: `{code, message, field?, matches?}`.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ErrorPayload {
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matches: Option<Vec<Candidate>>,
}

impl From<&Error> for ErrorPayload {
    fn from(error: &Error) -> Self {
        ErrorPayload {
            code: error.code(),
            message: error.to_string(),
            field: error.field(),
            matches: match error {
                Error::Ambiguous { matches, .. } => Some(matches.clone()),
                _ => None,
            },
        }
    }
}
