//! Organizations and the roles that tie people to them ("who do I know at X").

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;
use crate::store::time::to_db;

/// Finds an organization by name (ignoring case) or creates it.
pub(crate) fn upsert(conn: &Connection, name: &str, now: DateTime<Utc>) -> Result<i64> {
    let found: Option<i64> = conn
        .query_row("SELECT id FROM organization WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    conn.prepare_cached("INSERT INTO organization (name, created_at) VALUES (?1, ?2)")?
        .execute(params![name, to_db(now)])?;
    Ok(conn.last_insert_rowid())
}

/// Sets the person's current role (the one with no end date). Clearing the organization removes
/// the current role; past roles are kept.
pub(crate) fn set_current_role(
    conn: &Connection,
    person_id: i64,
    organization: Option<&str>,
    title: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    let current: Option<i64> = conn
        .prepare_cached("SELECT max(id) FROM role WHERE person_id = ?1 AND ended_on IS NULL")?
        .query_row([person_id], |r| r.get(0))?;
    match (organization, current) {
        (None, None) => {}
        (None, Some(role)) => {
            conn.prepare_cached("DELETE FROM role WHERE id = ?1")?
                .execute([role])?;
        }
        (Some(name), Some(role)) => {
            let organization_id = upsert(conn, name, now)?;
            conn.prepare_cached("UPDATE role SET organization_id = ?2, title = ?3 WHERE id = ?1")?
                .execute(params![role, organization_id, title])?;
        }
        (Some(name), None) => {
            let organization_id = upsert(conn, name, now)?;
            conn.prepare_cached(
                "INSERT INTO role (person_id, organization_id, title) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![person_id, organization_id, title])?;
        }
    }
    Ok(())
}
