//! Taking a merge back: every moved row returns to the merged person, removed rows come back,
//! and the survivor's own fields are as they were.

use std::collections::BTreeMap;

use rusqlite::{params, OptionalExtension, Transaction};
use serde_json::Value;

use crate::error::{Error, Result};
use crate::network::people::{self, Person};
use crate::network::search;

use super::rows::{insert_map, json_to_sql};
use super::{Moved, PERSON_COLUMNS, PHOTO_COLUMN, SURVIVOR_FIELDS};

pub(super) fn undo(tx: &Transaction, merge_id: i64) -> Result<Person> {
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
        if !PERSON_COLUMNS.contains(&(table, column)) && (table, column) != PHOTO_COLUMN {
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
