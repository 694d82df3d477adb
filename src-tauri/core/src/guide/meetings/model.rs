//! A meeting as stored and read back: its kind and state, its details and history of state
//! changes, and loading it whole (preparation, agenda, AIR); planning one and listing them.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::agenda::{check_agenda, AgendaCheck, AgendaItem};
use super::air::{air_of, AirItem};
use super::prep::{PrepStep, PREP_STEPS};
use crate::error::{Error, Result};
use crate::network::people::{self, PersonRef};
use crate::store::columns::text_enum as parse;
use crate::store::time::{from_db, to_db};
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    InformationalInterview,
    JobInterview,
}

impl MeetingKind {
    pub fn label(self) -> &'static str {
        match self {
            MeetingKind::InformationalInterview => "Informational interview",
            MeetingKind::JobInterview => "Job interview",
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            MeetingKind::InformationalInterview => "informational_interview",
            MeetingKind::JobInterview => "job_interview",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingState {
    Idea,
    Preparing,
    Requested,
    Scheduled,
    Held,
    Thanked,
    FollowedUp,
    Declined,
    Cancelled,
}

impl MeetingState {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            MeetingState::Idea => "idea",
            MeetingState::Preparing => "preparing",
            MeetingState::Requested => "requested",
            MeetingState::Scheduled => "scheduled",
            MeetingState::Held => "held",
            MeetingState::Thanked => "thanked",
            MeetingState::FollowedUp => "followed_up",
            MeetingState::Declined => "declined",
            MeetingState::Cancelled => "cancelled",
        }
    }

    /// Whether the meeting has taken place (held or any state after it).
    pub fn has_happened(self) -> bool {
        matches!(
            self,
            MeetingState::Held | MeetingState::Thanked | MeetingState::FollowedUp
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StateChange {
    pub state: MeetingState,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Meeting {
    pub id: i64,
    pub person: PersonRef,
    pub kind: MeetingKind,
    pub title: String,
    pub state: MeetingState,
    pub scheduled_at: Option<DateTime<Utc>>,
    pub duration_minutes: i64,
    pub location: String,
    pub medium: Option<String>,
    pub follow_up_on: Option<DateTime<Utc>>,
    pub notes: String,
    pub learned: String,
    pub still_to_learn: String,
    pub next_steps: String,
    pub prep: Vec<PrepStep>,
    pub agenda: Vec<AgendaItem>,
    pub agenda_check: AgendaCheck,
    pub air: Vec<AirItem>,
    pub history: Vec<StateChange>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewMeeting {
    pub person_id: i64,
    pub kind: MeetingKind,
    #[serde(default)]
    pub title: String,
}

/// The editable details of a meeting; all of them are replaced.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MeetingDetails {
    pub title: String,
    pub scheduled_at: Option<DateTime<Utc>>,
    pub duration_minutes: Option<i64>,
    pub location: String,
    pub medium: Option<String>,
    pub follow_up_on: Option<DateTime<Utc>>,
    pub notes: String,
    pub learned: String,
    pub still_to_learn: String,
    pub next_steps: String,
}

struct MeetingRow {
    id: i64,
    person: PersonRef,
    kind: MeetingKind,
    title: String,
    state: MeetingState,
    scheduled_at: Option<String>,
    duration_minutes: i64,
    location: String,
    medium: Option<String>,
    follow_up_on: Option<String>,
    notes: String,
    learned: String,
    still_to_learn: String,
    next_steps: String,
    created_at: String,
    updated_at: String,
}

const SELECT_MEETING: &str = "
    SELECT m.id, m.person_id, p.display_name, m.kind, m.title, m.state, m.scheduled_at,
           m.duration_minutes, m.location, m.medium, m.follow_up_on, m.notes, m.learned,
           m.still_to_learn, m.next_steps, m.created_at, m.updated_at
    FROM meeting m JOIN person p ON p.id = m.person_id";

fn meeting_row(row: &Row) -> rusqlite::Result<MeetingRow> {
    Ok(MeetingRow {
        id: row.get(0)?,
        person: PersonRef {
            id: row.get(1)?,
            display_name: row.get(2)?,
        },
        kind: parse(row.get(3)?, 3)?,
        title: row.get(4)?,
        state: parse(row.get(5)?, 5)?,
        scheduled_at: row.get(6)?,
        duration_minutes: row.get(7)?,
        location: row.get(8)?,
        medium: row.get(9)?,
        follow_up_on: row.get(10)?,
        notes: row.get(11)?,
        learned: row.get(12)?,
        still_to_learn: row.get(13)?,
        next_steps: row.get(14)?,
        created_at: row.get(15)?,
        updated_at: row.get(16)?,
    })
}

pub(super) fn optional_time(text: Option<String>) -> Result<Option<DateTime<Utc>>> {
    text.map(|t| from_db(&t)).transpose()
}

pub(super) fn load(conn: &Connection, id: i64) -> Result<Meeting> {
    let row = conn
        .query_row(
            &format!("{SELECT_MEETING} WHERE m.id = ?1 AND p.deleted_at IS NULL"),
            [id],
            meeting_row,
        )
        .optional()?
        .ok_or_else(|| Error::not_found("meeting", format!("id {id}")))?;
    let mut prep: Vec<PrepStep> = PREP_STEPS
        .iter()
        .enumerate()
        .map(|(i, title)| PrepStep {
            step: i as u8 + 1,
            title: title.to_string(),
            done: false,
            note: String::new(),
        })
        .collect();
    {
        let mut statement =
            conn.prepare_cached("SELECT step, done, note FROM meeting_prep WHERE meeting_id = ?1")?;
        let rows = statement.query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, bool>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        for row in rows {
            let (step, done, note) = row?;
            if let Some(entry) = prep.get_mut((step - 1) as usize) {
                entry.done = done;
                entry.note = note;
            }
        }
    }
    let agenda = {
        let mut statement =
            conn.prepare_cached("SELECT title, minutes, questions FROM agenda_item WHERE meeting_id = ?1 ORDER BY position")?;
        let rows = statement.query_map([id], |r| {
            let questions: String = r.get(2)?;
            Ok(AgendaItem {
                title: r.get(0)?,
                minutes: r.get(1)?,
                questions: questions
                    .lines()
                    .map(str::to_string)
                    .filter(|q| !q.trim().is_empty())
                    .collect(),
            })
        })?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    let air = air_of(conn, id)?;
    let history = {
        let mut statement = conn.prepare_cached(
            "SELECT state, at FROM meeting_event WHERE meeting_id = ?1 ORDER BY at, id",
        )?;
        let rows = statement
            .query_map([id], |r| {
                Ok((parse::<MeetingState>(r.get(0)?, 0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(state, at)| {
                Ok(StateChange {
                    state,
                    at: from_db(&at)?,
                })
            })
            .collect::<Result<Vec<_>>>()?
    };
    Ok(Meeting {
        id: row.id,
        person: row.person,
        kind: row.kind,
        title: row.title,
        state: row.state,
        scheduled_at: optional_time(row.scheduled_at)?,
        duration_minutes: row.duration_minutes,
        location: row.location,
        medium: row.medium,
        follow_up_on: optional_time(row.follow_up_on)?,
        notes: row.notes,
        learned: row.learned,
        still_to_learn: row.still_to_learn,
        next_steps: row.next_steps,
        prep,
        agenda_check: check_agenda(&agenda),
        agenda,
        air,
        history,
        created_at: from_db(&row.created_at)?,
        updated_at: from_db(&row.updated_at)?,
    })
}

impl Store {
    /// Plans an informational interview (or a job interview) with a person.
    pub fn plan_meeting(&self, input: NewMeeting) -> Result<Meeting> {
        let now = self.now();
        self.write(|tx| {
            people::load(tx, input.person_id)?;
            tx.execute(
                "INSERT INTO meeting (person_id, kind, title, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
                params![input.person_id, input.kind.as_str(), input.title.trim(), to_db(now)],
            )?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO meeting_event (meeting_id, state, at) VALUES (?1, 'idea', ?2)",
                params![id, to_db(now)],
            )?;
            load(tx, id)
        })
    }

    pub fn meeting(&self, id: i64) -> Result<Meeting> {
        self.read(|conn| load(conn, id))
    }

    /// Meetings with a person, or every meeting, newest first.
    pub fn meetings(&self, person_id: Option<i64>) -> Result<Vec<Meeting>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT m.id FROM meeting m JOIN person p ON p.id = m.person_id
                 WHERE p.deleted_at IS NULL AND (?1 IS NULL OR m.person_id = ?1)
                 ORDER BY coalesce(m.scheduled_at, m.created_at) DESC, m.id DESC",
            )?;
            let ids = statement
                .query_map([person_id], |r| r.get::<_, i64>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            ids.into_iter().map(|id| load(conn, id)).collect()
        })
    }
}
