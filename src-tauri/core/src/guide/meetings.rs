//! Informational interviews (and formal job interviews) through their life: idea → preparing →
//! requested → scheduled → held → thanked → followed up (or declined / cancelled), with the
//! guide's seven preparation steps, a timed agenda, the AIR gained and a reflection.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::followups::interactions::InteractionKind;
use crate::followups::{self, FollowupKind};
use crate::guide::rules::{self, origin};
use crate::network::people::{self, PersonRef};
use crate::network::search;
use crate::store::columns::text_enum as parse;
use crate::store::time::{from_db, to_db};
use crate::store::Store;

mod agenda;
mod air;

pub use agenda::{
    check_agenda, suggested_agenda, AgendaCheck, AgendaItem, AgendaVerdict, AGENDA_MINUTES,
};
use air::air_of;
pub use air::{AirInput, AirItem, AirKind};

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
    fn as_str(self) -> &'static str {
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

/// The guide's "series of steps you can follow to set up an informational interview".
pub const PREP_STEPS: [&str; 7] = [
    "Decide what job or field of work you want to learn about",
    "Identify who to interview, starting with your natural network",
    "Research the organization, the person, the field and the industry",
    "Prepare a list of questions",
    "Prepare your brief introduction (your two-minute infomercial)",
    "Contact them by phone, email or letter to set up a time and place",
    "Prepare as for a job interview: dress suitably, arrive on time, be polite and professional",
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PrepStep {
    pub step: u8,
    pub title: String,
    pub done: bool,
    pub note: String,
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

fn optional_time(text: Option<String>) -> Result<Option<DateTime<Utc>>> {
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

fn record_state(conn: &Connection, id: i64, state: MeetingState, at: DateTime<Utc>) -> Result<()> {
    conn.execute(
        "UPDATE meeting SET state = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, state.as_str(), to_db(at)],
    )?;
    conn.execute(
        "INSERT INTO meeting_event (meeting_id, state, at) VALUES (?1, ?2, ?3)",
        params![id, state.as_str(), to_db(at)],
    )?;
    Ok(())
}

/// What holding a meeting sets off: the interaction is logged, the thank-you falls due, and any
/// referral that led to this person has done its job, so the referrer should hear about it.
fn on_held(
    conn: &Connection,
    meeting: &Meeting,
    held_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<()> {
    let interaction_kind = match meeting.kind {
        MeetingKind::InformationalInterview => InteractionKind::InformationalInterview,
        MeetingKind::JobInterview => InteractionKind::JobInterview,
    };
    conn.execute(
        "INSERT INTO interaction (kind, occurred_at, medium, summary, notes, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            interaction_kind.as_str(),
            to_db(held_at),
            meeting.medium,
            if meeting.title.is_empty() { meeting.kind.label().to_string() } else { meeting.title.clone() },
            meeting.notes,
            to_db(now)
        ],
    )?;
    let interaction_id = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO interaction_participant (interaction_id, person_id) VALUES (?1, ?2)",
        params![interaction_id, meeting.person.id],
    )?;
    conn.execute(
        "UPDATE meeting SET interaction_id = ?2 WHERE id = ?1",
        params![meeting.id, interaction_id],
    )?;
    search::reindex_person(conn, meeting.person.id)?;
    crate::followups::keep_in_touch::rearm(conn, meeting.person.id, now)?;

    let window = rules::thank_you_window(held_at, meeting.kind);
    let medium = rules::thank_you_medium(meeting.medium.as_deref(), meeting.kind);
    followups::upsert_for_rule(
        conn,
        &origin::thank_you(meeting.id),
        meeting.person.id,
        FollowupKind::ThankYou,
        &format!(
            "Thank {} ({}) — {}",
            meeting.person.display_name,
            medium.replace('_', " "),
            match meeting.kind {
                MeetingKind::InformationalInterview => "within 24 hours",
                MeetingKind::JobInterview => "24 to 48 hours after the interview",
            }
        ),
        window.due_at,
        now,
    )?;

    // Referrals that named this person, still open: their referrer should hear it helped.
    let mut statement = conn.prepare_cached(
        "SELECT a.id, m.person_id, p.display_name FROM air a
         JOIN meeting m ON m.id = a.meeting_id JOIN person p ON p.id = m.person_id
         WHERE a.kind = 'referral' AND a.referred_person_id = ?1 AND a.closed_at IS NULL AND p.deleted_at IS NULL",
    )?;
    let referrals = statement
        .query_map([meeting.person.id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (air_id, referrer_id, referrer_name) in referrals {
        conn.execute(
            "UPDATE air SET closed_at = ?2 WHERE id = ?1",
            params![air_id, to_db(held_at)],
        )?;
        followups::upsert_for_rule(
            conn,
            &origin::inform_referrer(air_id),
            referrer_id,
            FollowupKind::InformReferrer,
            &format!(
                "Tell {referrer_name} the referral to {} helped",
                meeting.person.display_name
            ),
            now,
            now,
        )?;
    }
    Ok(())
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

    /// Replaces the details; setting "follow up on" schedules that follow-up.
    pub fn update_meeting(&self, id: i64, details: MeetingDetails) -> Result<Meeting> {
        let duration = details.duration_minutes.unwrap_or(30);
        if !(5..=240).contains(&duration) {
            return Err(Error::invalid(
                "durationMinutes",
                "A meeting lasts between 5 minutes and 4 hours.",
            ));
        }
        let now = self.now();
        self.write(|tx| {
            let meeting = load(tx, id)?;
            tx.execute(
                "UPDATE meeting SET title = ?2, scheduled_at = ?3, duration_minutes = ?4, location = ?5, medium = ?6,
                     follow_up_on = ?7, notes = ?8, learned = ?9, still_to_learn = ?10, next_steps = ?11, updated_at = ?12
                 WHERE id = ?1",
                params![
                    id,
                    details.title.trim(),
                    details.scheduled_at.map(to_db),
                    duration,
                    details.location.trim(),
                    details.medium.as_deref().map(str::trim).filter(|m| !m.is_empty()),
                    details.follow_up_on.map(to_db),
                    details.notes.trim(),
                    details.learned.trim(),
                    details.still_to_learn.trim(),
                    details.next_steps.trim(),
                    to_db(now)
                ],
            )?;
            // Only a changed date (re)schedules the follow-up: saving other details must not
            // bring back one already done, dismissed or snoozed.
            match details.follow_up_on {
                // Compared as stored (to the second), as the previous date was read back.
                _ if details.follow_up_on.map(to_db) == meeting.follow_up_on.map(to_db) => {}
                Some(on) => {
                    followups::upsert_for_rule(
                        tx,
                        &origin::follow_up(id),
                        meeting.person.id,
                        FollowupKind::FollowUp,
                        &format!("Follow up with {}", meeting.person.display_name),
                        on,
                        now,
                    )?;
                }
                None => {
                    tx.execute(
                        "DELETE FROM followup WHERE origin = ?1 AND state = 'pending'",
                        [origin::follow_up(id)],
                    )?;
                }
            }
            load(tx, id)
        })
    }

    /// Moves a meeting to `state`, dated now (or `at`, e.g. when it was held). Holding it logs the
    /// interaction and applies the thank-you and referral rules; thanking it closes the
    /// thank-you follow-up, and following up closes the follow-up.
    pub fn set_meeting_state(
        &self,
        id: i64,
        state: MeetingState,
        at: Option<DateTime<Utc>>,
    ) -> Result<Meeting> {
        let now = self.now();
        let at = at.unwrap_or(now);
        self.write(|tx| {
            let meeting = load(tx, id)?;
            if meeting.state == state {
                return Ok(meeting);
            }
            record_state(tx, id, state, at)?;
            if state == MeetingState::Held
                && meeting
                    .history
                    .iter()
                    .all(|c| c.state != MeetingState::Held)
            {
                on_held(tx, &meeting, at, now)?;
            }
            match state {
                MeetingState::Thanked | MeetingState::FollowedUp => {
                    followups::complete_for_rule(tx, &origin::thank_you(id), now)?;
                }
                _ => {}
            }
            if state == MeetingState::FollowedUp {
                followups::complete_for_rule(tx, &origin::follow_up(id), now)?;
            }
            load(tx, id)
        })
    }

    pub fn set_prep_step(&self, id: i64, step: u8, done: bool, note: &str) -> Result<Meeting> {
        if !(1..=7).contains(&step) {
            return Err(Error::invalid(
                "step",
                "Preparation has seven steps, numbered 1 to 7.",
            ));
        }
        let now = self.now();
        self.write(|tx| {
            load(tx, id)?;
            tx.execute(
                "INSERT INTO meeting_prep (meeting_id, step, done, note) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (meeting_id, step) DO UPDATE SET done = excluded.done, note = excluded.note",
                params![id, step, done, note.trim()],
            )?;
            tx.execute("UPDATE meeting SET updated_at = ?2 WHERE id = ?1", params![id, to_db(now)])?;
            load(tx, id)
        })
    }
}
