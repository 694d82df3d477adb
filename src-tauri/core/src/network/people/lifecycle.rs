//! A person's life in the store: you, made at first start; archiving; deleting, restorable for
//! the undo window; and the purge of those deleted longer ago.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, OptionalExtension, Transaction};

use super::model::{Person, PersonRef};
use super::read::{ensure_exists, load};
use super::write::new_uid;
use crate::error::{Error, Result};
use crate::network::search;
use crate::store::time::to_db;
use crate::store::Store;

/// Deleted people stay restorable (undo) for this long, then the next start purges them.
pub const UNDO_WINDOW: Duration = Duration::hours(1);

/// The user is a person too, made at first start: the root of every warm path in the graph.
pub(crate) fn ensure_me(tx: &Transaction, now: DateTime<Utc>) -> Result<()> {
    let me: Option<i64> = tx
        .query_row("SELECT id FROM person WHERE is_me = 1", [], |r| r.get(0))
        .optional()?;
    if me.is_none() {
        tx.execute(
            "INSERT INTO person (display_name, is_me, uid, created_at, updated_at)
             VALUES ('Me', 1, ?1, ?2, ?2)",
            [new_uid(), to_db(now)],
        )?;
    }
    Ok(())
}

/// Purges the people deleted longer ago than the undo window, and their search entries.
pub(crate) fn purge_deleted(tx: &Transaction, now: DateTime<Utc>) -> Result<()> {
    let before = to_db(now - UNDO_WINDOW);
    search::remove_where(
        tx,
        "SELECT id FROM person WHERE deleted_at IS NOT NULL AND deleted_at < ?1",
        &before,
    )?;
    tx.execute(
        "DELETE FROM person WHERE deleted_at IS NOT NULL AND deleted_at < ?1",
        [&before],
    )?;
    Ok(())
}

impl Store {
    /// Archived people are hidden from lists and search but keep everything.
    pub fn set_archived(&self, id: i64, archived: bool) -> Result<Person> {
        let now = to_db(self.now());
        self.write(|tx| {
            ensure_exists(tx, id)?;
            let archived_at = archived.then(|| now.clone());
            tx.prepare_cached("UPDATE person SET archived_at = ?2, updated_at = ?3 WHERE id = ?1")?
                .execute(params![id, archived_at, now])?;
            load(tx, id)
        })
    }

    /// Deletes a person. The row stays restorable with [`Store::restore_person`] for an hour
    /// (the UI's undo), then a later start purges it with everything that hangs off it.
    pub fn delete_person(&self, id: i64) -> Result<PersonRef> {
        let now = to_db(self.now());
        self.write(|tx| {
            let person = load(tx, id)?;
            if person.is_me {
                return Err(Error::invalid(
                    "person",
                    "Your own entry cannot be deleted.",
                ));
            }
            tx.prepare_cached("UPDATE person SET deleted_at = ?2 WHERE id = ?1")?
                .execute(params![id, now])?;
            search::remove_person(tx, id)?;
            Ok(PersonRef {
                id,
                display_name: person.display_name,
            })
        })
    }

    pub fn restore_person(&self, id: i64) -> Result<Person> {
        self.write(|tx| {
            let restored = tx
                .prepare_cached(
                    "UPDATE person SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
                )?
                .execute([id])?;
            if restored == 0 {
                return Err(Error::not_found("deleted person", format!("id {id}")));
            }
            search::reindex_person(tx, id)?;
            load(tx, id)
        })
    }
}
