//! Interactions: what happened with whom, and a person's timeline.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::followups::{self, keep_in_touch, Followup};
use crate::network::naming;
use crate::network::people::{self, PersonRef};
use crate::network::search;
use crate::store::columns::{text_enum, time_at};
use crate::store::time::to_db;
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InteractionKind {
    Meeting,
    Call,
    Email,
    Message,
    Event,
    InformationalInterview,
    JobInterview,
    SharedResource,
    Note,
}

impl InteractionKind {
    pub const ALL: [InteractionKind; 9] = [
        InteractionKind::Meeting,
        InteractionKind::Call,
        InteractionKind::Email,
        InteractionKind::Message,
        InteractionKind::Event,
        InteractionKind::InformationalInterview,
        InteractionKind::JobInterview,
        InteractionKind::SharedResource,
        InteractionKind::Note,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            InteractionKind::Meeting => "meeting",
            InteractionKind::Call => "call",
            InteractionKind::Email => "email",
            InteractionKind::Message => "message",
            InteractionKind::Event => "event",
            InteractionKind::InformationalInterview => "informational_interview",
            InteractionKind::JobInterview => "job_interview",
            InteractionKind::SharedResource => "shared_resource",
            InteractionKind::Note => "note",
        }
    }
}

/// A kind of interaction as people type it: "Informational interview", "info", "calls".
impl std::str::FromStr for InteractionKind {
    type Err = Error;

    fn from_str(typed: &str) -> Result<Self> {
        naming::parse_value(
            typed,
            "kind of interaction",
            &InteractionKind::ALL,
            InteractionKind::as_str,
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Interaction {
    pub id: i64,
    pub kind: InteractionKind,
    pub occurred_at: DateTime<Utc>,
    pub medium: Option<String>,
    pub summary: String,
    pub notes: String,
    pub participants: Vec<PersonRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InteractionInput {
    pub person_ids: Vec<i64>,
    pub kind: InteractionKind,
    /// Defaults to now.
    #[serde(default)]
    pub occurred_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub medium: Option<String>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub notes: String,
}

/// One entry of a person's timeline, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum TimelineEntry {
    Interaction(Interaction),
    Followup(Followup),
}

impl TimelineEntry {
    fn at(&self) -> DateTime<Utc> {
        match self {
            TimelineEntry::Interaction(i) => i.occurred_at,
            TimelineEntry::Followup(f) => f.due_at,
        }
    }
}

fn participants(conn: &Connection, interaction_id: i64) -> Result<Vec<PersonRef>> {
    let mut statement = conn.prepare_cached(
        "SELECT p.id, p.display_name FROM interaction_participant ip JOIN person p ON p.id = ip.person_id
         WHERE ip.interaction_id = ?1 AND p.deleted_at IS NULL ORDER BY p.display_name",
    )?;
    let rows = statement.query_map([interaction_id], |r| {
        Ok(PersonRef {
            id: r.get(0)?,
            display_name: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn interactions_of(conn: &Connection, person_id: i64) -> Result<Vec<Interaction>> {
    let mut statement = conn.prepare_cached(
        "SELECT i.id, i.kind, i.occurred_at, i.medium, i.summary, i.notes
         FROM interaction i JOIN interaction_participant ip ON ip.interaction_id = i.id
         WHERE ip.person_id = ?1 ORDER BY i.occurred_at DESC, i.id DESC",
    )?;
    let rows = statement
        .query_map([person_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                text_enum::<InteractionKind>(r.get(1)?, 1)?,
                time_at(r, 2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(id, kind, occurred_at, medium, summary, notes)| {
            Ok(Interaction {
                id,
                kind,
                occurred_at,
                medium,
                summary,
                notes,
                participants: participants(conn, id)?,
            })
        })
        .collect()
}

/// A resource shared with someone: a link and why it made you think of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SharedResource {
    pub person_id: i64,
    pub url: String,
    #[serde(default)]
    pub note: String,
}

impl Store {
    /// "If you stumble across an interesting article that reminds you of your mentor - send it
    /// to them": sharing is an interaction, and restarts the keep-in-touch count.
    pub fn share_resource(&self, shared: SharedResource) -> Result<Interaction> {
        let url = shared.url.trim();
        if url.is_empty() {
            return Err(Error::invalid("url", "Add the link you shared."));
        }
        self.log_interaction(InteractionInput {
            person_ids: vec![shared.person_id],
            kind: InteractionKind::SharedResource,
            occurred_at: None,
            medium: None,
            summary: url.to_string(),
            notes: shared.note,
        })
    }

    pub fn log_interaction(&self, input: InteractionInput) -> Result<Interaction> {
        if input.person_ids.is_empty() {
            return Err(Error::invalid(
                "personIds",
                "Say who the interaction was with.",
            ));
        }
        let occurred_at = input.occurred_at.unwrap_or_else(|| self.now());
        let medium = input
            .medium
            .map(|m| m.trim().to_string())
            .filter(|m| !m.is_empty());
        let now = self.now();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO interaction (kind, occurred_at, medium, summary, notes, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![input.kind.as_str(), to_db(occurred_at), medium, input.summary.trim(), input.notes.trim(), to_db(now)],
            )?;
            let id = tx.last_insert_rowid();
            for person_id in &input.person_ids {
                people::load(tx, *person_id)?;
                tx.execute(
                    "INSERT OR IGNORE INTO interaction_participant (interaction_id, person_id) VALUES (?1, ?2)",
                    params![id, person_id],
                )?;
                search::reindex_person(tx, *person_id)?;
                keep_in_touch::rearm(tx, *person_id, now)?;
            }
            Ok(Interaction {
                id,
                kind: input.kind,
                occurred_at,
                medium,
                summary: input.summary.trim().to_string(),
                notes: input.notes.trim().to_string(),
                participants: participants(tx, id)?,
            })
        })
    }

    /// Interactions and follow-ups of a person, newest first.
    pub fn timeline(&self, person_id: i64) -> Result<Vec<TimelineEntry>> {
        self.read(|conn| {
            people::load(conn, person_id)?;
            let mut entries: Vec<TimelineEntry> = interactions_of(conn, person_id)?
                .into_iter()
                .map(TimelineEntry::Interaction)
                .collect();
            entries.extend(
                followups::of_person(conn, person_id)?
                    .into_iter()
                    .map(TimelineEntry::Followup),
            );
            entries.sort_by_key(|entry| std::cmp::Reverse(entry.at()));
            Ok(entries)
        })
    }
}
