//! Circles: the groups of a natural network (family, classmates, coworkers...). Seeded by the
//! first migration and extensible by the user. Named as people say them (see [`naming`]).

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::{Candidate, Error, Result};
use crate::network::naming::{self, Fit};
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

const SELECT: &str = "SELECT id, name, prompt, cadence_days FROM circle";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Circle> {
    Ok(Circle {
        id: r.get(0)?,
        name: r.get(1)?,
        prompt: r.get(2)?,
        cadence_days: r.get(3)?,
    })
}

/// Every circle, in the circles' own order.
fn all(conn: &Connection) -> Result<Vec<Circle>> {
    let mut statement = conn.prepare_cached(&format!("{SELECT} ORDER BY position, name"))?;
    let rows = statement.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The circles `typed` names best, no looser than `loosest` (see [`naming`]), and all of them.
/// A circle named exactly that (ignoring case) is looked up first, so that an import naming the
/// same circle for thousands of people does not compare it with every circle each time.
fn named(conn: &Connection, typed: &str, loosest: Fit) -> Result<(Vec<Circle>, Vec<Circle>)> {
    let exact = conn
        .prepare_cached(&format!("{SELECT} WHERE name = ?1"))?
        .query_row([typed.trim()], from_row)
        .optional()?;
    if let Some(circle) = exact {
        return Ok((vec![circle], Vec::new()));
    }
    let circles = all(conn)?;
    let found = naming::best(
        typed,
        circles.iter().map(|c| (c.clone(), c.name.as_str())),
        loosest,
    );
    Ok((found, circles))
}

/// The circle a person means by `typed`: its name in any case or accents, singular or plural,
/// or the start of it when no other circle starts so. Several circles it could mean are an
/// [`Error::Ambiguous`] listing them; none is invalid input listing the circles there are.
fn find(conn: &Connection, typed: &str) -> Result<Circle> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(Error::invalid("circle", "Name a circle."));
    }
    let (mut found, circles) = named(conn, typed, Fit::Prefix)?;
    match found.len() {
        0 => Err(Error::invalid(
            "circle",
            format!(
                "There is no circle “{typed}”. Circles: {}.",
                circles
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
        1 => Ok(found.remove(0)),
        _ => Err(Error::Ambiguous {
            query: typed.to_string(),
            matches: found
                .into_iter()
                .map(|c| Candidate::Circle {
                    id: c.id,
                    name: c.name,
                })
                .collect(),
        }),
    }
}

pub(crate) fn id_by_name(conn: &Connection, typed: &str) -> Result<i64> {
    Ok(find(conn, typed)?.id)
}

/// The circle an import calls `name`, created after the others if there is none. An import
/// brings whole names written by a program, not words typed to pick from a list: "classmates" or
/// "Clàssmate" is the existing "Classmates" (the same name said differently), but "Prof" is a
/// circle of its own and not "Professors & advisors", and a name that is the same as two circles
/// takes the first (an exact one if any), so that no import stops on an ambiguous word.
pub(crate) fn id_or_create(conn: &Connection, name: &str) -> Result<i64> {
    let name = name.trim();
    if let Some(circle) = named(conn, name, Fit::Same)?.0.into_iter().next() {
        return Ok(circle.id);
    }
    insert(conn, name)
}

fn insert(conn: &Connection, name: &str) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO circle (name, position)
         SELECT ?1, coalesce(max(position), 0) + 10 FROM circle",
    )?
    .execute([name])?;
    Ok(conn.last_insert_rowid())
}

impl Store {
    pub fn circles(&self) -> Result<Vec<Circle>> {
        self.read(all)
    }

    /// The circle a person means by `typed` (see [`naming`]): "classmate" is "Classmates",
    /// "prof" is "Professors & advisors"; a word that could mean several circles is
    /// [`Error::Ambiguous`] with them as [`Candidate::Circle`]s.
    pub fn find_circle(&self, typed: &str) -> Result<Circle> {
        self.read(|conn| find(conn, typed))
    }

    /// Adds a circle after the existing ones. A name that is an existing circle's said
    /// differently ("classmate", "CLASSMATES") is refused: it would be the same circle twice.
    pub fn add_circle(&self, name: &str) -> Result<Circle> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::invalid("circle", "A circle needs a name."));
        }
        self.write(|tx| {
            if let Some(existing) = named(tx, name, Fit::Same)?.0.into_iter().next() {
                return Err(Error::invalid(
                    "circle",
                    format!("The circle “{}” already exists.", existing.name),
                ));
            }
            Ok(Circle {
                id: insert(tx, name)?,
                name: name.to_string(),
                prompt: String::new(),
                cadence_days: None,
            })
        })
    }

    /// Sets a circle's default keep-in-touch cadence (None: no default for the circle).
    pub fn set_circle_cadence(&self, circle_id: i64, cadence_days: Option<i64>) -> Result<()> {
        if let Some(days) = cadence_days {
            if !(1..=3650).contains(&days) {
                return Err(Error::invalid(
                    "cadenceDays",
                    "Keep in touch every 1 to 3650 days.",
                ));
            }
        }
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE circle SET cadence_days = ?2 WHERE id = ?1",
                params![circle_id, cadence_days],
            )?;
            if changed == 0 {
                return Err(Error::not_found("circle", format!("id {circle_id}")));
            }
            Ok(())
        })
    }
}
