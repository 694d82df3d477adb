//! Links: the typed, directed edges of the contact graph (who introduced or referred whom).

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::network::naming;
use crate::network::people::PersonRef;
use crate::store::columns::{optional_time_at, text_enum, time_at};
use crate::store::time::to_db;
use crate::store::Store;

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

/// A kind of link as people type it: "introduced by", "Referred_By", "intro", "colleagues".
impl std::str::FromStr for LinkKind {
    type Err = Error;

    fn from_str(typed: &str) -> Result<Self> {
        naming::parse_value(typed, "kind of link", &LinkKind::ALL, LinkKind::as_str)
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
    // A mutual kind (knows, family, colleague) recorded the other way round is the same link.
    let existing: Option<i64> = conn
        .query_row(
            "SELECT id FROM link WHERE kind = ?3
                 AND ((from_person_id = ?1 AND to_person_id = ?2)
                      OR (?4 AND from_person_id = ?2 AND to_person_id = ?1))",
            params![from, to, kind.as_str(), kind.is_mutual()],
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

/// A link as stored: `from --kind--> to` reads "`to` is `from`'s KIND" (`to` introduced or
/// referred `from`, is their mentor, family, colleague; `from` knows `to`). Family, colleague and
/// knows go both ways.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Link {
    pub id: i64,
    pub from: PersonRef,
    pub to: PersonRef,
    pub kind: LinkKind,
    pub note: String,
    /// When it happened (an introduction, a referral), when known.
    pub happened_on: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl Link {
    /// The person at the other end from `person_id`.
    pub fn other(&self, person_id: i64) -> &PersonRef {
        if self.from.id == person_id {
            &self.to
        } else {
            &self.from
        }
    }
}

/// What a form, the CLI or an importer gives for a new link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkInput {
    pub from_person_id: i64,
    pub to_person_id: i64,
    pub kind: LinkKind,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub happened_on: Option<DateTime<Utc>>,
}

const MAX_NOTE_CHARS: usize = 2000;

impl LinkKind {
    pub const ALL: [LinkKind; 6] = [
        LinkKind::IntroducedBy,
        LinkKind::ReferredBy,
        LinkKind::Knows,
        LinkKind::Mentor,
        LinkKind::Family,
        LinkKind::Colleague,
    ];

    /// Kinds that read the same both ways: a link B→A of such a kind is the link A→B.
    pub fn is_mutual(self) -> bool {
        matches!(
            self,
            LinkKind::Knows | LinkKind::Family | LinkKind::Colleague
        )
    }
}

const SELECT_LINK: &str = "
    SELECT l.id, l.from_person_id, f.display_name, l.to_person_id, t.display_name, l.kind,
           l.note, l.happened_on, l.created_at
    FROM link l
    JOIN person f ON f.id = l.from_person_id
    JOIN person t ON t.id = l.to_person_id";

fn link_from_row(row: &rusqlite::Row) -> rusqlite::Result<Link> {
    Ok(Link {
        id: row.get(0)?,
        from: PersonRef {
            id: row.get(1)?,
            display_name: row.get(2)?,
        },
        to: PersonRef {
            id: row.get(3)?,
            display_name: row.get(4)?,
        },
        kind: text_enum(row.get(5)?, 5)?,
        note: row.get(6)?,
        happened_on: optional_time_at(row, 7)?,
        created_at: time_at(row, 8)?,
    })
}

fn load_link(conn: &Connection, id: i64) -> Result<Link> {
    conn.query_row(
        &format!("{SELECT_LINK} WHERE l.id = ?1"),
        [id],
        link_from_row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found("link", format!("id {id}")))
}

fn ensure_person(conn: &Connection, id: i64) -> Result<()> {
    conn.query_row(
        "SELECT id FROM person WHERE id = ?1 AND deleted_at IS NULL",
        [id],
        |r| r.get::<_, i64>(0),
    )
    .optional()?
    .map(|_| ())
    .ok_or_else(|| Error::not_found("person", format!("id {id}")))
}

impl Store {
    /// Links two people. The same link twice is kept once (for family, colleague and knows,
    /// in either direction): a new note or date given the second time replaces the old one.
    pub fn add_link(&self, input: LinkInput) -> Result<Link> {
        if input.from_person_id == input.to_person_id {
            return Err(Error::invalid(
                "toPersonId",
                "A person cannot be linked to themselves.",
            ));
        }
        let note = input.note.trim().to_string();
        if note.chars().count() > MAX_NOTE_CHARS {
            return Err(Error::invalid(
                "note",
                format!("A link's note can be at most {MAX_NOTE_CHARS} characters."),
            ));
        }
        let (from, to, kind) = (input.from_person_id, input.to_person_id, input.kind);
        let happened_on = input.happened_on.map(to_db);
        let now = to_db(self.now());
        self.write(|tx| {
            ensure_person(tx, from)?;
            ensure_person(tx, to)?;
            let existing: Option<i64> = tx
                .query_row(
                    "SELECT id FROM link
                     WHERE kind = ?3 AND ((from_person_id = ?1 AND to_person_id = ?2)
                         OR (?4 AND from_person_id = ?2 AND to_person_id = ?1))
                     ORDER BY id LIMIT 1",
                    params![from, to, kind.as_str(), kind.is_mutual()],
                    |r| r.get(0),
                )
                .optional()?;
            let id = match existing {
                Some(id) => {
                    tx.execute(
                        "UPDATE link SET note = CASE WHEN ?2 = '' THEN note ELSE ?2 END,
                             happened_on = coalesce(?3, happened_on)
                         WHERE id = ?1",
                        params![id, note, happened_on],
                    )?;
                    id
                }
                None => {
                    tx.execute(
                        "INSERT INTO link (from_person_id, to_person_id, kind, note, happened_on, created_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        params![from, to, kind.as_str(), note, happened_on, now],
                    )?;
                    tx.last_insert_rowid()
                }
            };
            load_link(tx, id)
        })
    }

    /// Every link of a person, both ways, ordered by the other person's name. Links to deleted
    /// people are left out.
    pub fn links_of(&self, person_id: i64) -> Result<Vec<Link>> {
        self.read(|conn| {
            ensure_person(conn, person_id)?;
            let mut statement = conn.prepare_cached(&format!(
                "{SELECT_LINK}
                 WHERE (l.from_person_id = ?1 OR l.to_person_id = ?1)
                   AND f.deleted_at IS NULL AND t.deleted_at IS NULL
                 ORDER BY CASE WHEN l.from_person_id = ?1 THEN t.display_name ELSE f.display_name END
                          COLLATE NOCASE, l.kind, l.id"
            ))?;
            let links = statement.query_map([person_id], link_from_row)?;
            Ok(links.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// Every link between people who are not deleted, oldest first.
    pub fn all_links(&self) -> Result<Vec<Link>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(&format!(
                "{SELECT_LINK} WHERE f.deleted_at IS NULL AND t.deleted_at IS NULL ORDER BY l.id"
            ))?;
            let links = statement.query_map([], link_from_row)?;
            Ok(links.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// Removes a link and returns it.
    pub fn remove_link(&self, id: i64) -> Result<Link> {
        self.write(|tx| {
            let link = load_link(tx, id)?;
            tx.execute("DELETE FROM link WHERE id = ?1", [id])?;
            Ok(link)
        })
    }
}
