//! Organizations as targets: the places the user wants to get into, each with who they already
//! know there and how many leads are open; and every organization with how many people are there.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::store::Store;

/// Someone you know at an organization, with what they do there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    pub id: i64,
    pub display_name: String,
    pub title: Option<String>,
}

/// An organization the user wants to get into: who they know there is where to start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Target {
    pub organization_id: i64,
    pub name: String,
    pub people: Vec<Contact>,
    pub open_opportunities: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationSummary {
    pub id: i64,
    pub name: String,
    pub is_target: bool,
    /// People (not deleted, not the user) whose current role is there.
    pub people_count: usize,
}

/// Who you know at an organization: people whose current role (the latest one without an end
/// date, as on a person's card) is there. The user is not a contact of their own.
const CURRENT_PEOPLE: &str = "
    SELECT p.id, p.display_name, r.title, r.organization_id
    FROM person p
    JOIN role r ON r.id = (SELECT max(id) FROM role WHERE person_id = p.id AND ended_on IS NULL)
    WHERE p.deleted_at IS NULL AND p.is_me = 0";

fn summary(conn: &Connection, id: i64) -> Result<OrganizationSummary> {
    conn.query_row(
        &format!(
            "SELECT o.id, o.name, o.is_target,
                    (SELECT count(*) FROM ({CURRENT_PEOPLE}) k WHERE k.organization_id = o.id)
             FROM organization o WHERE o.id = ?1"
        ),
        [id],
        summary_row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found("organization", format!("id {id}")))
}

fn summary_row(r: &Row) -> rusqlite::Result<OrganizationSummary> {
    Ok(OrganizationSummary {
        id: r.get(0)?,
        name: r.get(1)?,
        is_target: r.get(2)?,
        people_count: r.get::<_, i64>(3)? as usize,
    })
}

impl Store {
    /// Every organization, by name, with how many people you know there.
    pub fn organizations(&self) -> Result<Vec<OrganizationSummary>> {
        self.read(|conn| {
            // Everyone counted in one pass, grouped: counting per organization made SQLite build
            // a temporary index over everyone for each one (minutes at 3,000 × 30,000).
            let mut statement = conn.prepare_cached(&format!(
                "SELECT o.id, o.name, o.is_target, coalesce(k.people, 0)
                 FROM organization o
                 LEFT JOIN (SELECT organization_id, count(*) AS people FROM ({CURRENT_PEOPLE})
                            GROUP BY organization_id) k ON k.organization_id = o.id
                 ORDER BY o.name COLLATE NOCASE, o.id"
            ))?;
            let rows = statement.query_map([], summary_row)?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// Marks an organization as one the user wants to get into (or no longer).
    pub fn set_organization_target(&self, id: i64, is_target: bool) -> Result<OrganizationSummary> {
        self.write(|tx| {
            summary(tx, id)?;
            tx.execute(
                "UPDATE organization SET is_target = ?2 WHERE id = ?1",
                params![id, is_target],
            )?;
            summary(tx, id)
        })
    }

    /// The target organizations, by name, each with who you know there and how many leads there
    /// are still open: the people to ask first, since most jobs are found through contacts.
    pub fn targets(&self) -> Result<Vec<Target>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT o.id, o.name,
                        (SELECT count(*) FROM opportunity op
                         WHERE op.organization_id = o.id AND op.status <> 'closed')
                 FROM organization o WHERE o.is_target = 1
                 ORDER BY o.name COLLATE NOCASE, o.id",
            )?;
            let organizations = statement
                .query_map([], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let mut people = conn.prepare_cached(&format!(
                "SELECT k.id, k.display_name, k.title FROM ({CURRENT_PEOPLE}) k
                 WHERE k.organization_id = ?1 ORDER BY k.display_name COLLATE NOCASE, k.id"
            ))?;
            organizations
                .into_iter()
                .map(|(organization_id, name, open)| {
                    let people = people
                        .query_map([organization_id], |r| {
                            Ok(Contact {
                                id: r.get(0)?,
                                display_name: r.get(1)?,
                                title: r.get(2)?,
                            })
                        })?
                        .collect::<rusqlite::Result<Vec<_>>>()?;
                    Ok(Target {
                        organization_id,
                        name,
                        people,
                        open_opportunities: open as usize,
                    })
                })
                .collect()
        })
    }
}
