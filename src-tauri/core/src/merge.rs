//! Likely duplicates, and merging two people into one without losing anything: every row that
//! named the merged person moves to the survivor, and the merge can be undone.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, Result};
use crate::import::{canonical_email, canonical_linkedin_url};
use crate::people::{self, Person, PersonRef};
use crate::search;
use crate::store::Store;
use crate::time::to_db;

/// Two people who are probably one, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DuplicatePair {
    pub first: PersonRef,
    pub second: PersonRef,
    pub reason: String,
}

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
const PERSON_COLUMNS: [(&str, &str); 8] = [
    ("role", "person_id"),
    ("link", "from_person_id"),
    ("link", "to_person_id"),
    ("followup", "person_id"),
    ("meeting", "person_id"),
    ("air", "referred_person_id"),
    ("opportunity", "source_person_id"),
    ("contact_point", "person_id"),
];

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

fn row_as_map(conn: &Connection, table: &str, id: i64) -> Result<BTreeMap<String, Value>> {
    let mut statement = conn.prepare(&format!("SELECT * FROM {table} WHERE id = ?1"))?;
    let names: Vec<String> = statement
        .column_names()
        .iter()
        .map(|n| n.to_string())
        .collect();
    Ok(statement.query_row([id], |row| {
        let mut map = BTreeMap::new();
        for (i, name) in names.iter().enumerate() {
            let value: rusqlite::types::Value = row.get(i)?;
            map.insert(name.clone(), sql_to_json(value));
        }
        Ok(map)
    })?)
}

fn sql_to_json(value: rusqlite::types::Value) -> Value {
    use rusqlite::types::Value as Sql;
    match value {
        Sql::Null => Value::Null,
        Sql::Integer(n) => n.into(),
        Sql::Real(x) => x.into(),
        Sql::Text(t) => t.into(),
        Sql::Blob(_) => Value::Null,
    }
}

fn json_to_sql(value: &Value) -> rusqlite::types::Value {
    use rusqlite::types::Value as Sql;
    match value {
        Value::Null => Sql::Null,
        Value::Bool(b) => Sql::Integer(*b as i64),
        Value::Number(n) => n
            .as_i64()
            .map(Sql::Integer)
            .or_else(|| n.as_f64().map(Sql::Real))
            .unwrap_or(Sql::Null),
        Value::String(s) => Sql::Text(s.clone()),
        other => Sql::Text(other.to_string()),
    }
}

fn insert_map(tx: &Transaction, table: &str, row: &BTreeMap<String, Value>) -> Result<()> {
    let columns: Vec<&String> = row.keys().collect();
    let placeholders: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        columns
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        placeholders.join(", ")
    );
    let values: Vec<rusqlite::types::Value> = row.values().map(json_to_sql).collect();
    tx.execute(&sql, rusqlite::params_from_iter(values))?;
    Ok(())
}

fn ids(tx: &Transaction, sql: &str, params: impl rusqlite::Params) -> Result<Vec<i64>> {
    let mut statement = tx.prepare(sql)?;
    let rows = statement.query_map(params, |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn person_ref(conn: &Connection, id: i64) -> Result<PersonRef> {
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

fn undo(tx: &Transaction, merge_id: i64) -> Result<Person> {
    let found: Option<(i64, i64, String, String, Option<String>)> = tx
        .query_row(
            "SELECT survivor_id, merged_id, moved, survivor_before, undone_at
             FROM person_merge WHERE id = ?1",
            [merge_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let Some((survivor, merged, moved, before, undone_at)) = found else {
        return Err(Error::not_found("merge", format!("id {merge_id}")));
    };
    if undone_at.is_some() {
        return Err(Error::invalid(
            "merge",
            "This merge has already been undone.",
        ));
    }
    let later: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM person_merge WHERE id > ?1 AND undone_at IS NULL
                        AND (survivor_id IN (?2, ?3) OR merged_id IN (?2, ?3)))",
        params![merge_id, survivor, merged],
        |r| r.get(0),
    )?;
    if later {
        return Err(Error::invalid(
            "merge",
            "A later merge involves one of these people: undo that one first.",
        ));
    }
    let moved: Moved = serde_json::from_str(&moved)
        .map_err(|e| Error::invalid("merge", format!("the merge record is unreadable: {e}")))?;
    let before: BTreeMap<String, Value> = serde_json::from_str(&before)
        .map_err(|e| Error::invalid("merge", format!("the merge record is unreadable: {e}")))?;

    for id in &moved.added_contact_points {
        tx.execute("DELETE FROM contact_point WHERE id = ?1", [id])?;
    }
    for (key, rows) in &moved.rows {
        let (table, column) = key.split_once('.').unwrap_or_default();
        if !PERSON_COLUMNS.contains(&(table, column)) {
            continue;
        }
        let mut statement =
            tx.prepare(&format!("UPDATE {table} SET {column} = ?1 WHERE id = ?2"))?;
        for id in rows {
            statement.execute(params![merged, id])?;
        }
    }
    for (table, other, moved_back, removed) in [
        ("person_tag", "tag_id", &moved.tags, &moved.removed_tags),
        (
            "interaction_participant",
            "interaction_id",
            &moved.interactions,
            &moved.removed_interactions,
        ),
    ] {
        for id in moved_back {
            tx.execute(
                &format!("UPDATE {table} SET person_id = ?1 WHERE person_id = ?2 AND {other} = ?3"),
                params![merged, survivor, id],
            )?;
        }
        for id in removed {
            tx.execute(
                &format!("INSERT OR IGNORE INTO {table} (person_id, {other}) VALUES (?1, ?2)"),
                params![merged, id],
            )?;
        }
    }
    for row in &moved.removed_links {
        insert_map(tx, "link", row)?;
    }
    for row in &moved.removed_contact_points {
        insert_map(tx, "contact_point", row)?;
    }
    for field in SURVIVOR_FIELDS {
        let value = json_to_sql(before.get(field).unwrap_or(&Value::Null));
        tx.execute(
            &format!("UPDATE person SET {field} = ?2 WHERE id = ?1"),
            params![survivor, value],
        )?;
    }
    tx.execute(
        "UPDATE person SET deleted_at = NULL WHERE id = ?1",
        [merged],
    )?;
    tx.execute(
        "UPDATE person_merge SET undone_at = datetime('now') WHERE id = ?1",
        [merge_id],
    )?;
    search::reindex_person(tx, survivor)?;
    search::reindex_person(tx, merged)?;
    people::load(tx, merged)
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
        self.write(|tx| undo(tx, merge_id))
    }

    /// Pairs of people who are probably the same: the same email or LinkedIn profile, or the
    /// same name (ignoring case and accents). Pairs marked distinct are left out.
    pub fn likely_duplicates(&self) -> Result<Vec<DuplicatePair>> {
        self.read(|conn| {
            let mut statement = conn.prepare(
                "SELECT p.id, p.display_name, p.email, p.linkedin_url,
                        (SELECT group_concat(value, char(31)) FROM contact_point
                         WHERE person_id = p.id AND kind = 'email')
                 FROM person p WHERE p.deleted_at IS NULL AND p.is_me = 0 ORDER BY p.id",
            )?;
            let mut groups: BTreeMap<(u8, String), Vec<PersonRef>> = BTreeMap::new();
            let mut rows = statement.query([])?;
            while let Some(row) = rows.next()? {
                let person = PersonRef {
                    id: row.get(0)?,
                    display_name: row.get(1)?,
                };
                let mut keys = vec![(2, crate::import::folded_name(&person.display_name))];
                if let Some(email) = row.get::<_, Option<String>>(2)? {
                    keys.push((0, canonical_email(&email)));
                }
                for email in row.get::<_, Option<String>>(4)?.iter().flat_map(|e| e.split('\u{1f}')) {
                    keys.push((0, canonical_email(email)));
                }
                if let Some(key) = row.get::<_, Option<String>>(3)?.as_deref().and_then(canonical_linkedin_url) {
                    keys.push((1, key));
                }
                for key in keys {
                    let group = groups.entry(key).or_default();
                    if !group.iter().any(|p| p.id == person.id) {
                        group.push(person.clone());
                    }
                }
            }
            let mut distinct = conn.prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM distinct_people WHERE first_id = ?1 AND second_id = ?2)",
            )?;
            let mut pairs: Vec<DuplicatePair> = Vec::new();
            for ((kind, key), group) in groups {
                for (i, first) in group.iter().enumerate() {
                    for second in &group[i + 1..] {
                        if pairs.iter().any(|p| p.first.id == first.id && p.second.id == second.id) {
                            continue;
                        }
                        if distinct.query_row(params![first.id, second.id], |r| r.get::<_, bool>(0))? {
                            continue;
                        }
                        let reason = match kind {
                            0 => format!("same email ({key})"),
                            1 => "same LinkedIn profile".to_string(),
                            _ => "same name".to_string(),
                        };
                        pairs.push(DuplicatePair {
                            first: first.clone(),
                            second: second.clone(),
                            reason,
                        });
                    }
                }
            }
            Ok(pairs)
        })
    }

    /// Remembers that two people are different, so they are not offered as duplicates again.
    pub fn mark_distinct(&self, first: i64, second: i64) -> Result<()> {
        let (first, second) = (first.min(second), first.max(second));
        self.write(|tx| {
            person_ref(tx, first)?;
            person_ref(tx, second)?;
            tx.execute(
                "INSERT OR IGNORE INTO distinct_people (first_id, second_id) VALUES (?1, ?2)",
                params![first, second],
            )?;
            Ok(())
        })
    }
}
