//! Reading follow-ups: the one query they are read with, hiding those of deleted people, one
//! by id and a person's.

use rusqlite::{Connection, Row};

use crate::error::{Error, Result};
use crate::network::people::PersonRef;
use crate::store::columns::{optional_time_at, text_enum as parse_enum, time_at};
use crate::store::Store;

use super::Followup;

const SELECT_FOLLOWUP: &str = "
    SELECT f.id, f.person_id, p.display_name, f.kind, f.title, f.due_at, f.state,
           CASE WHEN f.notified_due_at = f.due_at THEN f.notified_at END, f.created_at, f.closed_at
    FROM followup f LEFT JOIN person p ON p.id = f.person_id";

/// Follow-ups of deleted people are hidden with them.
pub(super) const VISIBLE: &str = "(f.person_id IS NULL OR p.deleted_at IS NULL)";

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

pub(super) fn query(
    conn: &Connection,
    filter: &str,
    args: impl rusqlite::Params,
) -> Result<Vec<Followup>> {
    let mut statement =
        conn.prepare_cached(&format!("{SELECT_FOLLOWUP} WHERE {VISIBLE} AND {filter}"))?;
    let rows = statement.query_map(args, followup_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn load(conn: &Connection, id: i64) -> Result<Followup> {
    query(conn, "f.id = ?1", [id])?
        .into_iter()
        .next()
        .ok_or_else(|| Error::not_found("follow-up", format!("id {id}")))
}

pub(crate) fn of_person(conn: &Connection, person_id: i64) -> Result<Vec<Followup>> {
    query(conn, "f.person_id = ?1 ORDER BY f.due_at DESC", [person_id])
}

impl Store {
    pub fn followup(&self, id: i64) -> Result<Followup> {
        self.read(|conn| load(conn, id))
    }
}
