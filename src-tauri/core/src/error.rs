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

    /// A name matched several records (people, circles); the caller must pick one by id.
    #[error("“{query}” matches {} {}: {}", .matches.len(), plural(.matches), describe(.matches))]
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
/// id. It knows what kind of record it names, which decides how it is written outside the
/// process: each kind as its own records name themselves. (The error sits below every room, so it
/// names no domain type: only the kinds of records a name can match.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Candidate {
    /// A person: `{"id", "displayName"}`.
    #[serde(rename_all = "camelCase")]
    Person { id: i64, display_name: String },
    /// A circle: `{"id", "name"}`.
    Circle { id: i64, name: String },
}

impl Candidate {
    pub fn id(&self) -> i64 {
        match self {
            Candidate::Person { id, .. } | Candidate::Circle { id, .. } => *id,
        }
    }

    /// What the record is called: a person's display name, a circle's name.
    pub fn name(&self) -> &str {
        match self {
            Candidate::Person { display_name, .. } => display_name,
            Candidate::Circle { name, .. } => name,
        }
    }
}

/// The word for several of the records matched (all of one kind: one name, one kind of record).
fn plural(matches: &[Candidate]) -> &'static str {
    match matches.first() {
        Some(Candidate::Circle { .. }) => "circles",
        _ => "people",
    }
}

fn describe(matches: &[Candidate]) -> String {
    matches
        .iter()
        .map(|c| format!("#{} {}", c.id(), c.name()))
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
