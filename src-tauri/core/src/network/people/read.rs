//! Reading people: the queries and rows behind a person and a summary, and the store's one
//! person, you, and everyone (whole or as the people list shows them).

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::model::{PeopleFilter, Person, PersonSummary};
use crate::error::{Error, Result};
use crate::network::strength;
use crate::store::columns::time_at;
use crate::store::Store;

const SELECT_PERSON: &str = "
    SELECT p.id, p.display_name, p.given_name, p.family_name, c.name,
           o.name, r.title, p.email, p.phone, p.linkedin_url, p.how_met, p.notes,
           (SELECT group_concat(t.name, char(31)) FROM
               (SELECT t.name FROM person_tag pt JOIN tag t ON t.id = pt.tag_id
                WHERE pt.person_id = p.id ORDER BY t.name COLLATE NOCASE) AS t),
           p.is_me, p.archived_at IS NOT NULL, p.created_at, p.updated_at, p.cadence_days,
           p.uid, p.birthday, p.connected_on,
           (SELECT group_concat(value, char(31)) FROM
               (SELECT value FROM contact_point WHERE person_id = p.id AND kind = 'email' ORDER BY id)),
           (SELECT group_concat(value, char(31)) FROM
               (SELECT value FROM contact_point WHERE person_id = p.id AND kind = 'phone' ORDER BY id)),
           p.strength,
           -- strength::INTERACTION_COUNT, for the default strength
           (SELECT count(*) FROM interaction_participant ip WHERE ip.person_id = p.id)
    FROM person p
    LEFT JOIN circle c ON c.id = p.circle_id
    LEFT JOIN role r ON r.id = (SELECT max(id) FROM role WHERE person_id = p.id AND ended_on IS NULL)
    LEFT JOIN organization o ON o.id = r.organization_id";

pub(crate) const SELECT_SUMMARY: &str = "
    SELECT p.id, p.display_name, c.name, o.name, r.title, p.archived_at IS NOT NULL,
           (SELECT ph.id FROM person_photo ph WHERE ph.person_id = p.id)
    FROM person p
    LEFT JOIN circle c ON c.id = p.circle_id
    LEFT JOIN role r ON r.id = (SELECT max(id) FROM role WHERE person_id = p.id AND ended_on IS NULL)
    LEFT JOIN organization o ON o.id = r.organization_id";

pub(crate) fn summary_from_row(row: &Row) -> rusqlite::Result<PersonSummary> {
    Ok(PersonSummary {
        id: row.get(0)?,
        display_name: row.get(1)?,
        circle: row.get(2)?,
        organization: row.get(3)?,
        title: row.get(4)?,
        archived: row.get(5)?,
        photo: row.get(6)?,
    })
}

/// A list stored by `group_concat(..., char(31))`.
pub(crate) fn unit_separated(text: Option<String>) -> Vec<String> {
    text.map(|t| t.split('\u{1f}').map(str::to_string).collect())
        .unwrap_or_default()
}

fn person_from_row(row: &Row) -> rusqlite::Result<Person> {
    let circle: Option<String> = row.get(4)?;
    Ok(Person {
        id: row.get(0)?,
        display_name: row.get(1)?,
        given_name: row.get(2)?,
        family_name: row.get(3)?,
        organization: row.get(5)?,
        title: row.get(6)?,
        email: row.get(7)?,
        phone: row.get(8)?,
        linkedin_url: row.get(9)?,
        how_met: row.get(10)?,
        notes: row.get(11)?,
        tags: unit_separated(row.get(12)?),
        is_me: row.get(13)?,
        archived: row.get(14)?,
        created_at: time_at(row, 15)?,
        updated_at: time_at(row, 16)?,
        cadence_days: row.get(17)?,
        uid: row.get(18)?,
        birthday: row.get(19)?,
        connected_on: row.get(20)?,
        other_emails: unit_separated(row.get(21)?),
        other_phones: unit_separated(row.get(22)?),
        strength: match row.get::<_, Option<u8>>(23)? {
            Some(set) => set,
            None => strength::default_for(circle.as_deref(), row.get(24)?),
        },
        strength_set: row.get::<_, Option<u8>>(23)?.is_some(),
        circle,
    })
}

pub(crate) fn load(conn: &Connection, id: i64) -> Result<Person> {
    conn.query_row(
        &format!("{SELECT_PERSON} WHERE p.id = ?1 AND p.deleted_at IS NULL"),
        [id],
        person_from_row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found("person", format!("id {id}")))
}

/// Loads several people, keeping the order of `ids`.
pub(crate) fn load_many(conn: &Connection, ids: &[i64]) -> Result<Vec<Person>> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT_PERSON} WHERE p.id = ?1 AND p.deleted_at IS NULL"
    ))?;
    let mut people = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(person) = statement.query_row([id], person_from_row).optional()? {
            people.push(person);
        }
    }
    Ok(people)
}

pub(crate) fn ensure_exists(conn: &Connection, id: i64) -> Result<()> {
    let found: Option<i64> = conn
        .query_row(
            "SELECT id FROM person WHERE id = ?1 AND deleted_at IS NULL",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    found
        .map(|_| ())
        .ok_or_else(|| Error::not_found("person", format!("id {id}")))
}

impl Store {
    pub fn person(&self, id: i64) -> Result<Person> {
        self.read(|conn| load(conn, id))
    }

    /// The user's own person row, created at first start.
    pub fn me(&self) -> Result<Person> {
        self.read(|conn| {
            let id: i64 = conn
                .prepare_cached("SELECT id FROM person WHERE is_me = 1")?
                .query_row([], |r| r.get(0))?;
            load(conn, id)
        })
    }

    /// Everyone but the user, ordered by circle (in the circles' own order, people with no
    /// circle last) and then by name.
    pub fn people(&self, filter: PeopleFilter) -> Result<Vec<Person>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(&format!(
                "{SELECT_PERSON}
                 WHERE p.is_me = 0 AND p.deleted_at IS NULL AND (?1 OR p.archived_at IS NULL)
                 ORDER BY c.position IS NULL, c.position, p.display_name COLLATE NOCASE, p.id"
            ))?;
            let people = statement.query_map([filter.include_archived], person_from_row)?;
            Ok(people.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// Everyone as the people list shows them, in the same order as [`Store::people`]; with a
    /// `limit`, only the first that many (what a window needs for its first screen).
    pub fn people_summaries(
        &self,
        filter: PeopleFilter,
        limit: Option<usize>,
    ) -> Result<Vec<PersonSummary>> {
        const ORDER: &str =
            "ORDER BY c.position IS NULL, c.position, p.display_name COLLATE NOCASE, p.id";
        self.read(|conn| {
            // The first people are chosen before their roles are looked up.
            let mut statement = conn.prepare_cached(&format!(
                "{SELECT_SUMMARY}
                 WHERE p.id IN (SELECT p.id FROM person p LEFT JOIN circle c ON c.id = p.circle_id
                                WHERE p.is_me = 0 AND p.deleted_at IS NULL AND (?1 OR p.archived_at IS NULL)
                                {ORDER} LIMIT ?2)
                 {ORDER}"
            ))?;
            let limit = limit.map_or(-1, |n| n as i64);
            let rows = statement.query_map(params![filter.include_archived, limit], summary_from_row)?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }
}
