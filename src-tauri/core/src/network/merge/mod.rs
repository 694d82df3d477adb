//! Merging two people into one without losing anything: every row that named the merged person
//! moves to the survivor, and the merge can be undone. (Finding likely pairs: `duplicates`.)

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, Result};
use crate::network::identity::canonical_email;
use crate::network::people::{self, Person, PersonRef};
use crate::network::search;
use crate::store::time::to_db;
use crate::store::Store;

mod rows;
mod undo;

use rows::row_as_map;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MergeOutcome {
    /// Pass to [`Store::undo_merge`] to take the merge back.
    pub merge_id: i64,
    pub survivor: Person,
    pub merged: PersonRef,
    /// Rows that now name the survivor.
    pub moved: usize,
}

/// Columns that name a person, with the key that identifies their rows.
const PERSON_COLUMNS: [(&str, &str); 9] = [
    ("role", "person_id"),
    ("link", "from_person_id"),
    ("link", "to_person_id"),
    ("followup", "person_id"),
    ("meeting", "person_id"),
    ("air", "referred_person_id"),
    ("opportunity", "source_person_id"),
    ("contact_point", "person_id"),
    ("address", "person_id"),
];

/// A person has one photo: the merged person's moves to the survivor only if they have none.
const PHOTO_COLUMN: (&str, &str) = ("person_photo", "person_id");

/// What a merge changed, kept as JSON in `person_merge.moved` so it can be reversed.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Moved {
    /// "table.column" → ids of the rows moved to the survivor.
    rows: BTreeMap<String, Vec<i64>>,
    /// Tags and interactions the merged person had and the survivor did not.
    tags: Vec<i64>,
    interactions: Vec<i64>,
    /// Rows that could not move (the survivor already had them, or a link between the two
    /// would point at itself): removed, and put back by undo.
    removed_tags: Vec<i64>,
    removed_interactions: Vec<i64>,
    removed_links: Vec<BTreeMap<String, Value>>,
    removed_contact_points: Vec<BTreeMap<String, Value>>,
    /// The merged person's email and phone, added to the survivor's other ones.
    added_contact_points: Vec<i64>,
}

impl Moved {
    fn count(&self) -> usize {
        self.rows.values().map(Vec::len).sum::<usize>() + self.tags.len() + self.interactions.len()
    }
}

/// The survivor's own fields, as they were before the merge filled any in.
const SURVIVOR_FIELDS: [&str; 11] = [
    "given_name",
    "family_name",
    "circle_id",
    "email",
    "phone",
    "linkedin_url",
    "how_met",
    "notes",
    "birthday",
    "connected_on",
    "cadence_days",
];

fn ids(tx: &Transaction, sql: &str, params: impl rusqlite::Params) -> Result<Vec<i64>> {
    let mut statement = tx.prepare(sql)?;
    let rows = statement.query_map(params, |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(crate) fn person_ref(conn: &Connection, id: i64) -> Result<PersonRef> {
    conn.query_row(
        "SELECT id, display_name FROM person WHERE id = ?1 AND deleted_at IS NULL",
        [id],
        |r| {
            Ok(PersonRef {
                id: r.get(0)?,
                display_name: r.get(1)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| Error::not_found("person", format!("id {id}")))
}

fn merge(tx: &Transaction, survivor: i64, merged: i64, now: DateTime<Utc>) -> Result<MergeOutcome> {
    if survivor == merged {
        return Err(Error::invalid(
            "person",
            "A person cannot be merged into themselves.",
        ));
    }
    let merged_ref = person_ref(tx, merged)?;
    person_ref(tx, survivor)?;
    let is_me: bool = tx.query_row("SELECT is_me FROM person WHERE id = ?1", [merged], |r| {
        r.get(0)
    })?;
    if is_me {
        return Err(Error::invalid(
            "person",
            "Your own entry cannot be merged into someone else.",
        ));
    }
    let before = row_as_map(tx, "person", survivor)?;
    let survivor_before: BTreeMap<&str, &Value> = SURVIVOR_FIELDS
        .iter()
        .map(|field| (*field, before.get(*field).unwrap_or(&Value::Null)))
        .collect();
    let mut moved = Moved::default();

    // Rows that cannot move: a link between the two, and duplicates of what the survivor has.
    for id in ids(
        tx,
        "SELECT id FROM link WHERE (from_person_id = ?1 AND to_person_id = ?2)
                                OR (from_person_id = ?2 AND to_person_id = ?1)",
        params![survivor, merged],
    )? {
        moved.removed_links.push(row_as_map(tx, "link", id)?);
        tx.execute("DELETE FROM link WHERE id = ?1", [id])?;
    }
    for id in ids(
        tx,
        "SELECT m.id FROM contact_point m JOIN contact_point s
             ON s.person_id = ?1 AND s.kind = m.kind AND s.value = m.value
         WHERE m.person_id = ?2",
        params![survivor, merged],
    )? {
        moved
            .removed_contact_points
            .push(row_as_map(tx, "contact_point", id)?);
        tx.execute("DELETE FROM contact_point WHERE id = ?1", [id])?;
    }
    for (table, column) in PERSON_COLUMNS {
        let rows = ids(
            tx,
            &format!("SELECT id FROM {table} WHERE {column} = ?1"),
            [merged],
        )?;
        tx.execute(
            &format!("UPDATE {table} SET {column} = ?1 WHERE {column} = ?2"),
            params![survivor, merged],
        )?;
        if !rows.is_empty() {
            moved.rows.insert(format!("{table}.{column}"), rows);
        }
    }
    let photo = ids(
        tx,
        "SELECT id FROM person_photo WHERE person_id = ?2
             AND NOT EXISTS (SELECT 1 FROM person_photo WHERE person_id = ?1)",
        params![survivor, merged],
    )?;
    for id in &photo {
        tx.execute(
            "UPDATE person_photo SET person_id = ?1 WHERE id = ?2",
            params![survivor, id],
        )?;
    }
    if !photo.is_empty() {
        moved
            .rows
            .insert(format!("{}.{}", PHOTO_COLUMN.0, PHOTO_COLUMN.1), photo);
    }
    let (tags, shared_tags) = split_shared(tx, "person_tag", "tag_id", survivor, merged)?;
    let (interactions, shared_interactions) = split_shared(
        tx,
        "interaction_participant",
        "interaction_id",
        survivor,
        merged,
    )?;
    moved.tags = tags;
    moved.interactions = interactions;
    moved.removed_tags = shared_tags;
    moved.removed_interactions = shared_interactions;

    fill_in_survivor(tx, survivor, merged, &mut moved)?;
    tx.execute(
        "UPDATE person SET deleted_at = ?2 WHERE id = ?1",
        params![merged, to_db(now)],
    )?;
    tx.execute(
        "UPDATE person SET updated_at = ?2 WHERE id = ?1",
        params![survivor, to_db(now)],
    )?;
    search::remove_person(tx, merged)?;
    search::reindex_person(tx, survivor)?;
    let moved_json = serde_json::to_string(&moved).expect("plain data serialises");
    let before_json = serde_json::to_string(&survivor_before).expect("plain data serialises");
    tx.execute(
        "INSERT INTO person_merge (survivor_id, merged_id, moved, survivor_before, merged_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![survivor, merged, moved_json, before_json, to_db(now)],
    )?;
    Ok(MergeOutcome {
        merge_id: tx.last_insert_rowid(),
        survivor: people::load(tx, survivor)?,
        merged: merged_ref,
        moved: moved.count(),
    })
}

/// For a two-column table keyed by (person, other): moves the merged person's rows the survivor
/// lacks, removes the ones the survivor already has. Returns (moved, removed) `other` ids.
fn split_shared(
    tx: &Transaction,
    table: &str,
    other: &str,
    survivor: i64,
    merged: i64,
) -> Result<(Vec<i64>, Vec<i64>)> {
    let shared = ids(
        tx,
        &format!(
            "SELECT {other} FROM {table} WHERE person_id = ?2
             AND {other} IN (SELECT {other} FROM {table} WHERE person_id = ?1)"
        ),
        params![survivor, merged],
    )?;
    tx.execute(
        &format!(
            "DELETE FROM {table} WHERE person_id = ?2
             AND {other} IN (SELECT {other} FROM {table} WHERE person_id = ?1)"
        ),
        params![survivor, merged],
    )?;
    let moving = ids(
        tx,
        &format!("SELECT {other} FROM {table} WHERE person_id = ?1"),
        [merged],
    )?;
    tx.execute(
        &format!("UPDATE {table} SET person_id = ?1 WHERE person_id = ?2"),
        params![survivor, merged],
    )?;
    Ok((moving, shared))
}

/// The survivor keeps every field it has; empty ones take the merged person's, their notes are
/// appended, and a different email or phone becomes one of the survivor's other ones.
fn fill_in_survivor(tx: &Transaction, survivor: i64, merged: i64, moved: &mut Moved) -> Result<()> {
    tx.execute(
        "UPDATE person SET
             given_name = coalesce(given_name, (SELECT given_name FROM person WHERE id = ?2)),
             family_name = coalesce(family_name, (SELECT family_name FROM person WHERE id = ?2)),
             circle_id = coalesce(circle_id, (SELECT circle_id FROM person WHERE id = ?2)),
             email = coalesce(email, (SELECT email FROM person WHERE id = ?2)),
             phone = coalesce(phone, (SELECT phone FROM person WHERE id = ?2)),
             linkedin_url = coalesce(linkedin_url, (SELECT linkedin_url FROM person WHERE id = ?2)),
             how_met = coalesce(how_met, (SELECT how_met FROM person WHERE id = ?2)),
             birthday = coalesce(birthday, (SELECT birthday FROM person WHERE id = ?2)),
             connected_on = coalesce(connected_on, (SELECT connected_on FROM person WHERE id = ?2)),
             cadence_days = coalesce(cadence_days, (SELECT cadence_days FROM person WHERE id = ?2)),
             notes = CASE
                 WHEN (SELECT notes FROM person WHERE id = ?2) = '' THEN notes
                 WHEN notes = '' THEN (SELECT notes FROM person WHERE id = ?2)
                 ELSE notes || char(10) || char(10) || (SELECT notes FROM person WHERE id = ?2)
             END
         WHERE id = ?1",
        params![survivor, merged],
    )?;
    let (survivor_email, survivor_phone): (Option<String>, Option<String>) = tx.query_row(
        "SELECT email, phone FROM person WHERE id = ?1",
        [survivor],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let (merged_email, merged_phone): (Option<String>, Option<String>) = tx.query_row(
        "SELECT email, phone FROM person WHERE id = ?1",
        [merged],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let extra_email = merged_email
        .filter(|e| survivor_email.as_deref().map(canonical_email) != Some(canonical_email(e)));
    let extra_phone = merged_phone.filter(|p| survivor_phone.as_deref() != Some(p.as_str()));
    for (kind, value) in [("email", extra_email), ("phone", extra_phone)] {
        if let Some(value) = value {
            let added = tx.execute(
                "INSERT INTO contact_point (person_id, kind, value) VALUES (?1, ?2, ?3)
                 ON CONFLICT DO NOTHING",
                params![survivor, kind, value],
            )?;
            if added > 0 {
                moved.added_contact_points.push(tx.last_insert_rowid());
            }
        }
    }
    Ok(())
}

impl Store {
    /// Merges `merged` into `survivor`; undo with [`Store::undo_merge`] within the hour that a
    /// deleted person is kept.
    pub fn merge_people(&self, survivor: i64, merged: i64) -> Result<MergeOutcome> {
        let now = self.now();
        self.write(|tx| merge(tx, survivor, merged, now))
    }

    /// Takes a merge back: the merged person returns with everything that was theirs, and the
    /// survivor's own fields are as they were. Returns the person brought back.
    pub fn undo_merge(&self, merge_id: i64) -> Result<Person> {
        self.write(|tx| undo::undo(tx, merge_id))
    }
}
