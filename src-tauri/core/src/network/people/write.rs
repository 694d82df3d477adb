//! Creating a person and writing their fields (circle, role, tags, search entry) inside the
//! caller's transaction.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Transaction};

use super::model::{Person, PersonInput};
use super::read::load;
use super::validation::{validate, Valid};
use crate::error::Result;
use crate::network::circles;
use crate::network::organizations;
use crate::network::search;
use crate::store::time::to_db;

/// Gives the person the tag (made if new); returns 0 when they already had it.
pub(crate) fn tag_person(conn: &Connection, person_id: i64, tag: &str) -> Result<usize> {
    conn.prepare_cached("INSERT INTO tag (name) VALUES (?1) ON CONFLICT (name) DO NOTHING")?
        .execute([tag])?;
    Ok(conn
        .prepare_cached(
            "INSERT INTO person_tag (person_id, tag_id) SELECT ?1, id FROM tag WHERE name = ?2
             ON CONFLICT DO NOTHING",
        )?
        .execute(params![person_id, tag])?)
}

/// What changed in a write that rules elsewhere follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Changed {
    /// Their own cadence, their circle or their closeness: keep-in-touch needs re-arming.
    pub(crate) cadence: bool,
    /// Their birthday: its reminder needs re-arming.
    pub(crate) birthday: bool,
}

/// Writes every editable field, and says what changed that other rules follow.
pub(crate) fn write_fields(
    tx: &Transaction,
    id: i64,
    valid: &Valid,
    now: DateTime<Utc>,
) -> Result<Changed> {
    let circle_id = match &valid.circle {
        Some(name) => Some(circles::id_by_name(tx, name)?),
        None => None,
    };
    let before: (Option<i64>, Option<i64>, Option<String>, Option<u8>) = tx
        .prepare_cached(
            "SELECT cadence_days, circle_id, birthday, strength FROM person WHERE id = ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    let changed = Changed {
        cadence: (before.0, before.1, before.3) != (valid.cadence_days, circle_id, valid.strength),
        birthday: before.2 != valid.birthday,
    };
    tx.prepare_cached(
        "UPDATE person SET display_name = ?2, given_name = ?3, family_name = ?4, circle_id = ?5,
             email = ?6, phone = ?7, linkedin_url = ?8, how_met = ?9, notes = ?10, updated_at = ?11,
             cadence_days = ?12, birthday = ?13, strength = ?14
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        valid.display_name,
        valid.given_name,
        valid.family_name,
        circle_id,
        valid.email,
        valid.phone,
        valid.linkedin_url,
        valid.how_met,
        valid.notes,
        to_db(now),
        valid.cadence_days,
        valid.birthday,
        valid.strength
    ])?;
    organizations::set_current_role(
        tx,
        id,
        valid.organization.as_deref(),
        valid.title.as_deref(),
        now,
    )?;
    tx.prepare_cached("DELETE FROM person_tag WHERE person_id = ?1")?
        .execute([id])?;
    for tag in &valid.tags {
        tag_person(tx, id, tag)?;
    }
    search::reindex_person(tx, id)?;
    Ok(changed)
}

/// A fresh identity for a new person (a random UUID, as vCard 4.0 recommends for UID).
pub(crate) fn new_uid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Adds a person inside the caller's transaction.
pub(crate) fn create(tx: &Transaction, input: PersonInput, now: DateTime<Utc>) -> Result<Person> {
    let valid = validate(input)?;
    tx.prepare_cached(
        "INSERT INTO person (display_name, uid, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
    )?
    .execute(params![valid.display_name, new_uid(), to_db(now)])?;
    let id = tx.last_insert_rowid();
    // Someone new has no interactions yet, so no keep-in-touch to arm.
    write_fields(tx, id, &valid, now)?;
    load(tx, id)
}
