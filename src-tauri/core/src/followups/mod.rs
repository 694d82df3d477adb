//! Follow-ups: every reminder the user must not drop. Their lifecycle (pending, done, dismissed)
//! is separate from their delivery (whether a notification went out for the current due time).
//!
//! The room also holds what makes and restarts them below the guide: interactions (what
//! happened with whom, a person's timeline), keep-in-touch, and the reminders shown for them.

use chrono::{DateTime, Datelike, Duration, NaiveTime, TimeZone, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::network::people::{self, PersonRef};
use crate::store::columns::{optional_time_at, text_enum as parse_enum, time_at};
use crate::store::time::{from_db, local_to_utc, to_db};
use crate::store::Store;

pub mod interactions;
pub mod keep_in_touch;
pub mod reminders;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowupKind {
    ThankYou,
    FollowUp,
    InformReferrer,
    KeepInTouch,
    Custom,
}

impl FollowupKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FollowupKind::ThankYou => "thank_you",
            FollowupKind::FollowUp => "follow_up",
            FollowupKind::InformReferrer => "inform_referrer",
            FollowupKind::KeepInTouch => "keep_in_touch",
            FollowupKind::Custom => "custom",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowupState {
    Pending,
    Done,
    Dismissed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Followup {
    pub id: i64,
    pub person: Option<PersonRef>,
    pub kind: FollowupKind,
    pub title: String,
    pub due_at: DateTime<Utc>,
    pub state: FollowupState,
    /// When a notification last went out for this follow-up, if one did for its current due time.
    pub notified_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowupInput {
    pub person_id: Option<i64>,
    #[serde(default)]
    pub kind: Option<FollowupKind>,
    pub title: String,
    pub due_at: DateTime<Utc>,
}

/// When to bring a follow-up back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "preset", rename_all = "camelCase")]
pub enum Snooze {
    OneHour,
    /// 09:00 tomorrow, local time.
    TomorrowMorning,
    /// 09:00 next Monday, local time.
    NextWeek,
    Until {
        at: DateTime<Utc>,
    },
}

/// The morning hour snooze presets bring a follow-up back at.
const MORNING: u32 = 9;

impl Snooze {
    pub fn resolve<Tz: TimeZone>(self, now: DateTime<Utc>, zone: &Tz) -> DateTime<Utc> {
        let morning = NaiveTime::from_hms_opt(MORNING, 0, 0).expect("valid time");
        let today = now.with_timezone(zone).date_naive();
        let at_morning = |date: chrono::NaiveDate| {
            local_to_utc(date.and_time(morning), zone).unwrap_or(now + Duration::days(1))
        };
        match self {
            Snooze::OneHour => now + Duration::hours(1),
            Snooze::TomorrowMorning => at_morning(today + Duration::days(1)),
            Snooze::NextWeek => {
                let days = 7 - i64::from(today.weekday().num_days_from_monday());
                at_morning(today + Duration::days(days))
            }
            Snooze::Until { at } => at,
        }
    }
}

const SELECT_FOLLOWUP: &str = "
    SELECT f.id, f.person_id, p.display_name, f.kind, f.title, f.due_at, f.state,
           CASE WHEN f.notified_due_at = f.due_at THEN f.notified_at END, f.created_at, f.closed_at
    FROM followup f LEFT JOIN person p ON p.id = f.person_id";

/// Follow-ups of deleted people are hidden with them.
const VISIBLE: &str = "(f.person_id IS NULL OR p.deleted_at IS NULL)";

/// See [`Store::followups_ahead`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowupsAhead {
    pub due: Vec<Followup>,
    pub later: Vec<Followup>,
    pub later_total: usize,
}

fn followup_from_row(row: &Row) -> rusqlite::Result<Followup> {
    let person = match row.get::<_, Option<i64>>(1)? {
        Some(id) => Some(PersonRef {
            id,
            display_name: row.get(2)?,
        }),
        None => None,
    };
    Ok(Followup {
        id: row.get(0)?,
        person,
        kind: parse_enum(row.get(3)?, 3)?,
        title: row.get(4)?,
        due_at: time_at(row, 5)?,
        state: parse_enum(row.get(6)?, 6)?,
        notified_at: optional_time_at(row, 7)?,
        created_at: time_at(row, 8)?,
        closed_at: optional_time_at(row, 9)?,
    })
}

fn query(conn: &Connection, filter: &str, args: impl rusqlite::Params) -> Result<Vec<Followup>> {
    let mut statement =
        conn.prepare_cached(&format!("{SELECT_FOLLOWUP} WHERE {VISIBLE} AND {filter}"))?;
    let rows = statement.query_map(args, followup_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn load(conn: &Connection, id: i64) -> Result<Followup> {
    query(conn, "f.id = ?1", [id])?
        .into_iter()
        .next()
        .ok_or_else(|| Error::not_found("follow-up", format!("id {id}")))
}

pub(crate) fn of_person(conn: &Connection, person_id: i64) -> Result<Vec<Followup>> {
    query(conn, "f.person_id = ?1 ORDER BY f.due_at DESC", [person_id])
}

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

    pub fn followup(&self, id: i64) -> Result<Followup> {
        self.read(|conn| load(conn, id))
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

    /// Pending follow-ups due at or before `until`, overdue included, soonest first.
    pub fn followups_due_by(&self, until: DateTime<Utc>) -> Result<Vec<Followup>> {
        self.read(|conn| {
            query(
                conn,
                "f.state = 'pending' AND f.due_at <= ?1 ORDER BY f.due_at, f.id",
                [to_db(until)],
            )
        })
    }

    /// What Today shows: every pending follow-up due before `until` (the end of the user's day),
    /// and the first `later_limit` after it, with how many come later in all. A heavy user has
    /// thousands pending; sending them all to the window on every start cost half a second.
    pub fn followups_ahead(
        &self,
        until: DateTime<Utc>,
        later_limit: usize,
    ) -> Result<FollowupsAhead> {
        let until = to_db(until);
        self.read(|conn| {
            let due = query(
                conn,
                "f.state = 'pending' AND f.due_at < ?1 ORDER BY f.due_at, f.id",
                [&until],
            )?;
            let later = query(
                conn,
                "f.state = 'pending' AND f.due_at >= ?1 ORDER BY f.due_at, f.id LIMIT ?2",
                params![until, later_limit as i64],
            )?;
            let later_total: usize = conn.query_row(
                &format!(
                    "SELECT count(*) FROM followup f LEFT JOIN person p ON p.id = f.person_id
                     WHERE {VISIBLE} AND f.state = 'pending' AND f.due_at >= ?1"
                ),
                [&until],
                |r| r.get(0),
            )?;
            Ok(FollowupsAhead {
                due,
                later,
                later_total,
            })
        })
    }

    /// Every pending follow-up, soonest first.
    pub fn pending_followups(&self) -> Result<Vec<Followup>> {
        self.read(|conn| query(conn, "f.state = 'pending' ORDER BY f.due_at, f.id", []))
    }

    /// Pending follow-ups due by `now` that no notification has gone out for at their current
    /// due time.
    pub fn undelivered_due(&self, now: DateTime<Utc>) -> Result<Vec<Followup>> {
        self.read(|conn| {
            query(
                conn,
                "f.state = 'pending' AND f.due_at <= ?1 AND f.notified_due_at IS NOT f.due_at ORDER BY f.due_at, f.id",
                [to_db(now)],
            )
        })
    }

    /// The earliest due time still waiting for a notification, if any.
    pub fn next_undelivered_due(&self) -> Result<Option<DateTime<Utc>>> {
        self.read(|conn| {
            let next: Option<String> = conn
                .query_row(
                    &format!(
                        "SELECT min(f.due_at) FROM followup f LEFT JOIN person p ON p.id = f.person_id
                         WHERE {VISIBLE} AND f.state = 'pending' AND f.notified_due_at IS NOT f.due_at"
                    ),
                    [],
                    |r| r.get(0),
                )
                .optional()?
                .flatten();
            next.map(|t| from_db(&t)).transpose()
        })
    }

    /// Records that a notification went out for these follow-ups at the due times they had.
    /// A follow-up snoozed meanwhile keeps its new due time undelivered.
    pub fn mark_notified(
        &self,
        delivered: &[(i64, DateTime<Utc>)],
        at: DateTime<Utc>,
    ) -> Result<()> {
        self.write(|tx| {
            for (id, due_at) in delivered {
                tx.execute(
                    "UPDATE followup SET notified_at = ?3, notified_due_at = due_at WHERE id = ?1 AND due_at = ?2",
                    params![id, to_db(*due_at), to_db(at)],
                )?;
            }
            Ok(())
        })
    }
}

/// Creates or re-arms the follow-up a rule keeps under `origin` (see `rules::origin`): a second
/// application updates its time and title and makes it pending again, never a duplicate.
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    #[test]
    fn snooze_presets_land_on_local_mornings() {
        // Wednesday 2026-03-04 22:30 in UTC+2.
        let zone = FixedOffset::east_opt(2 * 3600).unwrap();
        let now = from_db("2026-03-04T20:30:00Z").unwrap();
        assert_eq!(
            to_db(Snooze::OneHour.resolve(now, &zone)),
            "2026-03-04T21:30:00Z"
        );
        assert_eq!(
            to_db(Snooze::TomorrowMorning.resolve(now, &zone)),
            "2026-03-05T07:00:00Z"
        );
        assert_eq!(
            to_db(Snooze::NextWeek.resolve(now, &zone)),
            "2026-03-09T07:00:00Z"
        );
    }

    #[test]
    fn next_week_from_a_monday_is_the_following_monday() {
        let now = from_db("2026-03-02T10:00:00Z").unwrap();
        assert_eq!(
            to_db(Snooze::NextWeek.resolve(now, &Utc)),
            "2026-03-09T09:00:00Z"
        );
    }
}
