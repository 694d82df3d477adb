//! Circles: the groups of a natural network (family, classmates, coworkers...). Seeded by the
//! first migration and extensible by the user.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Circle {
    pub id: i64,
    pub name: String,
    /// A question that helps the user remember who belongs here.
    pub prompt: String,
    /// Default keep-in-touch cadence for people in this circle.
    pub cadence_days: Option<i64>,
}

pub(crate) fn id_by_name(conn: &Connection, name: &str) -> Result<i64> {
    let found: Option<i64> = conn
        .query_row(
            "SELECT id FROM circle WHERE name = ?1",
            [name.trim()],
            |r| r.get(0),
        )
        .optional()?;
    match found {
        Some(id) => Ok(id),
        None => {
            let mut statement =
                conn.prepare_cached("SELECT name FROM circle ORDER BY position, name")?;
            let known = statement
                .query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Err(Error::invalid(
                "circle",
                format!(
                    "There is no circle “{}”. Circles: {}.",
                    name.trim(),
                    known.join(", ")
                ),
            ))
        }
    }
}

/// The circle named `name`, created after the others if there is none (an import may bring
/// circles of its own).
pub(crate) fn id_or_create(conn: &Connection, name: &str) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO circle (name, position)
         SELECT ?1, (SELECT coalesce(max(position), 0) + 10 FROM circle)
         WHERE NOT EXISTS (SELECT 1 FROM circle WHERE name = ?1)",
    )?
    .execute([name.trim()])?;
    id_by_name(conn, name)
}

impl Store {
    pub fn circles(&self) -> Result<Vec<Circle>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT id, name, prompt, cadence_days FROM circle ORDER BY position, name",
            )?;
            let rows = statement.query_map([], |r| {
                Ok(Circle {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    prompt: r.get(2)?,
                    cadence_days: r.get(3)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// Adds a circle after the existing ones.
    pub fn add_circle(&self, name: &str) -> Result<Circle> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::invalid("circle", "A circle needs a name."));
        }
        self.write(|tx| {
            let exists: Option<i64> =
                tx.prepare_cached("SELECT id FROM circle WHERE name = ?1")?.query_row([name], |r| r.get(0)).optional()?;
            if exists.is_some() {
                return Err(Error::invalid("circle", format!("The circle “{name}” already exists.")));
            }
            tx.prepare_cached("INSERT INTO circle (name, position) SELECT ?1, coalesce(max(position), 0) + 10 FROM circle")?.execute([name],
            )?;
            Ok(Circle { id: tx.last_insert_rowid(), name: name.to_string(), prompt: String::new(), cadence_days: None })
        })
    }
}
