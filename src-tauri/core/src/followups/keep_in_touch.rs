//! Keep in touch: "it is wise to stay in touch with people and maintain your network". Each
//! person has a cadence (their own, or their circle's); the next nudge comes that long after the
//! last interaction, and any logged interaction, shared article, new cadence or closeness set
//! restarts it.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;
use crate::followups::{self, birthdays, FollowupKind};
use crate::network::people::{self, Person, PersonInput};
use crate::network::strength::{self, CADENCE_SQL};
use crate::store::time::{from_db, to_db};
use crate::store::Store;

/// "Keep in touch" cadence: the next nudge comes `cadence_days` after the last interaction; any
/// logged interaction restarts the count.
pub fn due_after(last_interaction: DateTime<Utc>, cadence_days: i64) -> DateTime<Utc> {
    last_interaction + Duration::days(cadence_days)
}

/// The origin key of a person's keep-in-touch follow-up (see `followups::upsert_for_rule`).
pub fn origin(person_id: i64) -> String {
    format!("person:{person_id}:keep_in_touch")
}

/// Restarts the person's keep-in-touch count from their latest interaction, when they have a
/// cadence (their own, or their circle's).
pub(crate) fn rearm(conn: &Connection, person_id: i64, now: DateTime<Utc>) -> Result<()> {
    let found: Option<(Option<i64>, String, Option<String>)> = conn
        .query_row(
            &format!("SELECT {CADENCE_SQL}, p.display_name,
                    (SELECT max(i.occurred_at) FROM interaction i
                     JOIN interaction_participant ip ON ip.interaction_id = i.id WHERE ip.person_id = p.id)
             FROM person p LEFT JOIN circle c ON c.id = p.circle_id
             WHERE p.id = ?1 AND p.is_me = 0"),
            [person_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    if let Some((None, _, _)) = found {
        // No cadence any more: nothing to keep up.
        conn.execute(
            "DELETE FROM followup WHERE origin = ?1 AND state = 'pending'",
            [origin(person_id)],
        )?;
    }
    if let Some((Some(cadence), name, Some(last))) = found {
        followups::upsert_for_rule(
            conn,
            &origin(person_id),
            person_id,
            FollowupKind::KeepInTouch,
            &format!("Keep in touch with {name}"),
            due_after(from_db(&last)?, cadence),
            now,
        )?;
    }
    Ok(())
}

impl Store {
    /// Adds a person. It lives here, not beside the person, because a birthday arms its
    /// reminder.
    pub fn add_person(&self, input: PersonInput) -> Result<Person> {
        let (now, zone) = (self.now(), self.zone());
        self.write(|tx| {
            let person = people::create(tx, input, now)?;
            if person.birthday.is_some() {
                birthdays::arm(tx, person.id, now, &zone)?;
            }
            Ok(person)
        })
    }

    /// Sets how close the user is to someone (0-5), or with `None` lets it follow the records
    /// again. It lives here because a closeness set can set how often to keep in touch.
    pub fn set_strength(&self, person_id: i64, strength: Option<u8>) -> Result<Person> {
        strength::check(strength)?;
        let now = self.now();
        self.write(|tx| {
            people::ensure_exists(tx, person_id)?;
            tx.execute(
                "UPDATE person SET strength = ?2, updated_at = ?3 WHERE id = ?1",
                params![person_id, strength, to_db(now)],
            )?;
            rearm(tx, person_id, now)?;
            people::load(tx, person_id)
        })
    }

    /// Replaces every editable field of a person with `input`. It lives here, not beside the
    /// person, because a new cadence re-arms their keep-in-touch and a new birthday its reminder.
    pub fn update_person(&self, id: i64, input: PersonInput) -> Result<Person> {
        let (now, zone) = (self.now(), self.zone());
        self.write(|tx| update_in(tx, id, input, now, &zone))
    }
}

/// Edits a person inside the caller's transaction (the form's edit and sync's alike).
pub(crate) fn update_in(
    tx: &rusqlite::Transaction,
    id: i64,
    input: PersonInput,
    now: DateTime<Utc>,
    zone: &crate::store::zone::Zone,
) -> Result<Person> {
    let valid = people::validate(input)?;
    people::ensure_exists(tx, id)?;
    // Only a new cadence re-arms keep-in-touch: any other edit must not bring back one already
    // done, dismissed or snoozed.
    let changed = people::write_fields(tx, id, &valid, now)?;
    if changed.cadence {
        rearm(tx, id, now)?;
    }
    if changed.birthday {
        birthdays::arm(tx, id, now, zone)?;
    }
    people::load(tx, id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keep_in_touch_counts_from_the_last_interaction() {
        let last = from_db("2026-03-02T15:00:00Z").unwrap();
        assert_eq!(
            due_after(last, 90),
            from_db("2026-05-31T15:00:00Z").unwrap()
        );
    }
}
