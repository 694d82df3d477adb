//! Links: the typed, directed edges of the contact graph (who introduced or referred whom).

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::time::to_db;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// `from` was introduced to the user by `to`.
    IntroducedBy,
    /// `from` was referred to the user by `to`.
    ReferredBy,
    Knows,
    Mentor,
    Family,
    Colleague,
}

impl LinkKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::IntroducedBy => "introduced_by",
            LinkKind::ReferredBy => "referred_by",
            LinkKind::Knows => "knows",
            LinkKind::Mentor => "mentor",
            LinkKind::Family => "family",
            LinkKind::Colleague => "colleague",
        }
    }
}

/// Records `from --kind--> to` once; an existing identical link is kept as it is.
pub(crate) fn add(
    conn: &Connection,
    from: i64,
    to: i64,
    kind: LinkKind,
    note: &str,
    now: DateTime<Utc>,
) -> Result<i64> {
    let existing: Option<i64> = conn
        .query_row(
            "SELECT id FROM link WHERE from_person_id = ?1 AND to_person_id = ?2 AND kind = ?3",
            params![from, to, kind.as_str()],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = existing {
        return Ok(id);
    }
    conn.execute(
        "INSERT INTO link (from_person_id, to_person_id, kind, note, happened_on, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![from, to, kind.as_str(), note, to_db(now)],
    )?;
    Ok(conn.last_insert_rowid())
}
