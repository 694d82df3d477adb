//! A follow-up's lifecycle: added, done or dismissed, reopened, snoozed; and the ones rules make
//! and close under their origin key.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use crate::error::{Error, Result};
use crate::network::people;
use crate::store::time::to_db;
use crate::store::Store;

use super::rows::load;
use super::{Followup, FollowupInput, FollowupKind, FollowupState};

impl Store {
    pub fn add_followup(&self, input: FollowupInput) -> Result<Followup> {
        let title = input.title.trim();
        if title.is_empty() {
            return Err(Error::invalid("title", "Say what to follow up on."));
        }
        let now = self.now();
        self.write(|tx| {
            if let Some(person_id) = input.person_id {
                people::load(tx, person_id)?;
            }
            tx.execute(
                "INSERT INTO followup (person_id, kind, title, due_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    input.person_id,
                    input.kind.unwrap_or(FollowupKind::Custom).as_str(),
                    title,
                    to_db(input.due_at),
                    to_db(now)
                ],
            )?;
            load(tx, tx.last_insert_rowid())
        })
    }

    pub fn complete_followup(&self, id: i64) -> Result<Followup> {
        self.close_followup(id, FollowupState::Done)
    }

    pub fn dismiss_followup(&self, id: i64) -> Result<Followup> {
        self.close_followup(id, FollowupState::Dismissed)
    }

    /// Brings a closed follow-up back (the undo of done and dismiss).
    pub fn reopen_followup(&self, id: i64) -> Result<Followup> {
        self.write(|tx| {
            load(tx, id)?;
            tx.execute(
                "UPDATE followup SET state = 'pending', closed_at = NULL WHERE id = ?1",
                [id],
            )?;
            load(tx, id)
        })
    }

    fn close_followup(&self, id: i64, state: FollowupState) -> Result<Followup> {
        let now = to_db(self.now());
        let state = if state == FollowupState::Done {
            "done"
        } else {
            "dismissed"
        };
        self.write(|tx| {
            load(tx, id)?;
            tx.execute(
                "UPDATE followup SET state = ?2, closed_at = ?3 WHERE id = ?1",
                params![id, state, now],
            )?;
            load(tx, id)
        })
    }

    /// Moves a pending follow-up to a later time; it will be notified again then.
    pub fn snooze_followup(&self, id: i64, until: DateTime<Utc>) -> Result<Followup> {
        let now = self.now();
        if until <= now {
            return Err(Error::invalid("until", "Snooze to a time in the future."));
        }
        self.write(|tx| {
            let followup = load(tx, id)?;
            if followup.state != FollowupState::Pending {
                return Err(Error::invalid(
                    "until",
                    "Only a pending follow-up can be snoozed; reopen it first.",
                ));
            }
            tx.execute(
                "UPDATE followup SET due_at = ?2 WHERE id = ?1",
                params![id, to_db(until)],
            )?;
            load(tx, id)
        })
    }
}

/// Creates or re-arms the follow-up a rule keeps under `origin` (see `guide::rules::origin` and
/// `keep_in_touch::origin`): a second application updates its time and title and makes it
/// pending again, never a duplicate.
pub(crate) fn upsert_for_rule(
    conn: &Connection,
    origin: &str,
    person_id: i64,
    kind: FollowupKind,
    title: &str,
    due_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO followup (person_id, kind, title, due_at, origin, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (origin) WHERE origin <> 'user' DO UPDATE SET
             person_id = excluded.person_id, kind = excluded.kind, title = excluded.title,
             due_at = excluded.due_at, state = 'pending', closed_at = NULL",
        params![
            person_id,
            kind.as_str(),
            title,
            to_db(due_at),
            origin,
            to_db(now)
        ],
    )?;
    Ok(
        conn.query_row("SELECT id FROM followup WHERE origin = ?1", [origin], |r| {
            r.get(0)
        })?,
    )
}

/// Marks the rule follow-up under `origin` done, if it is pending.
pub(crate) fn complete_for_rule(conn: &Connection, origin: &str, now: DateTime<Utc>) -> Result<()> {
    conn.execute(
        "UPDATE followup SET state = 'done', closed_at = ?2 WHERE origin = ?1 AND state = 'pending'",
        params![origin, to_db(now)],
    )?;
    Ok(())
}
