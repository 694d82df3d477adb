//! People: the nodes of the contact graph.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use crate::error::{Candidate, Error, Result};
use crate::network::circles;
use crate::network::organizations;
use crate::network::search;
use crate::store::columns::time_at;
use crate::store::time::to_db;
use crate::store::Store;

/// What the people list shows of someone: all of it for everyone fits in a few megabytes at
/// 30,000 people, where whole [`Person`]s took a third of a second to load and send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonSummary {
    pub id: i64,
    pub display_name: String,
    pub circle: Option<String>,
    pub organization: Option<String>,
    pub title: Option<String>,
    pub archived: bool,
}

/// Enough to name a person in a list or an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonRef {
    pub id: i64,
    pub display_name: String,
}

impl From<PersonRef> for Candidate {
    fn from(person: PersonRef) -> Self {
        Candidate {
            id: person.id,
            display_name: person.display_name,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: i64,
    pub display_name: String,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub circle: Option<String>,
    pub organization: Option<String>,
    pub title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub linkedin_url: Option<String>,
    pub how_met: Option<String>,
    pub notes: String,
    pub tags: Vec<String>,
    /// Keep-in-touch cadence set for this person; when None, their circle's applies.
    pub cadence_days: Option<i64>,
    pub is_me: bool,
    pub archived: bool,
    /// Stable identity, kept across export and import (the vCard UID).
    pub uid: String,
    /// `YYYY-MM-DD`, or `--MM-DD` when the year is not known.
    pub birthday: Option<String>,
    /// When the user connected with them on LinkedIn (`YYYY-MM-DD`).
    pub connected_on: Option<String>,
    /// Emails and phone numbers beyond `email` and `phone`.
    pub other_emails: Vec<String>,
    pub other_phones: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What a form or the CLI gives for a new or edited person. Empty strings mean "not known".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PersonInput {
    pub display_name: String,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub circle: Option<String>,
    pub organization: Option<String>,
    pub title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub linkedin_url: Option<String>,
    pub how_met: Option<String>,
    pub notes: Option<String>,
    pub tags: Vec<String>,
    /// Keep in touch every this many days (None: the circle's default).
    pub cadence_days: Option<i64>,
}

impl PersonInput {
    pub fn named(display_name: impl Into<String>) -> Self {
        PersonInput {
            display_name: display_name.into(),
            ..Default::default()
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PeopleFilter {
    pub include_archived: bool,
}

/// Cleaned input: trimmed, empty as None, and checked.
pub(crate) struct Valid {
    display_name: String,
    given_name: Option<String>,
    family_name: Option<String>,
    circle: Option<String>,
    organization: Option<String>,
    title: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    linkedin_url: Option<String>,
    how_met: Option<String>,
    notes: String,
    tags: Vec<String>,
    cadence_days: Option<i64>,
}

/// Something a mail program could send to.
pub(crate) fn is_email(text: &str) -> bool {
    let text = text.trim();
    text.split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && !host.is_empty())
        && !text.contains(char::is_whitespace)
}

/// Gives the person the tag (made if new); returns 0 when they already had it.
pub(crate) fn tag_person(conn: &Connection, person_id: i64, tag: &str) -> Result<usize> {
    conn.prepare_cached("INSERT INTO tag (name) VALUES (?1) ON CONFLICT (name) DO NOTHING")?
        .execute([tag])?;
    Ok(conn
        .prepare_cached(
            "INSERT INTO person_tag (person_id, tag_id) SELECT ?1, id FROM tag WHERE name = ?2
             ON CONFLICT DO NOTHING",
        )?
        .execute(params![person_id, tag])?)
}

fn clean(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

pub(crate) fn validate(input: PersonInput) -> Result<Valid> {
    let display_name = input.display_name.trim().to_string();
    if display_name.is_empty() {
        return Err(Error::invalid("displayName", "A name is required."));
    }
    if display_name.chars().count() > 200 {
        return Err(Error::invalid(
            "displayName",
            "A name can be at most 200 characters.",
        ));
    }
    let email = clean(input.email);
    if let Some(email) = &email {
        if !is_email(email) {
            return Err(Error::invalid(
                "email",
                format!("“{email}” is not an email address."),
            ));
        }
    }
    let linkedin_url = clean(input.linkedin_url);
    if let Some(url) = &linkedin_url {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(Error::invalid(
                "linkedinUrl",
                "A profile link starts with https://",
            ));
        }
    }
    if let Some(days) = input.cadence_days {
        if !(1..=3650).contains(&days) {
            return Err(Error::invalid(
                "cadenceDays",
                "Keep in touch every 1 to 3650 days.",
            ));
        }
    }
    let organization = clean(input.organization);
    let title = clean(input.title);
    if title.is_some() && organization.is_none() {
        return Err(Error::invalid(
            "organization",
            "A title needs the organization it is held at.",
        ));
    }
    let mut tags: Vec<String> = input
        .tags
        .into_iter()
        .filter_map(|t| clean(Some(t)))
        .collect();
    tags.sort_by_key(|t| t.to_lowercase());
    tags.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    Ok(Valid {
        display_name,
        given_name: clean(input.given_name),
        family_name: clean(input.family_name),
        circle: clean(input.circle),
        organization,
        title,
        email,
        phone: clean(input.phone),
        linkedin_url,
        how_met: clean(input.how_met),
        cadence_days: input.cadence_days,
        notes: clean(input.notes).unwrap_or_default(),
        tags,
    })
}

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
               (SELECT value FROM contact_point WHERE person_id = p.id AND kind = 'phone' ORDER BY id))
    FROM person p
    LEFT JOIN circle c ON c.id = p.circle_id
    LEFT JOIN role r ON r.id = (SELECT max(id) FROM role WHERE person_id = p.id AND ended_on IS NULL)
    LEFT JOIN organization o ON o.id = r.organization_id";

pub(crate) const SELECT_SUMMARY: &str = "
    SELECT p.id, p.display_name, c.name, o.name, r.title, p.archived_at IS NOT NULL
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
    })
}

/// A list stored by `group_concat(..., char(31))`.
pub(crate) fn unit_separated(text: Option<String>) -> Vec<String> {
    text.map(|t| t.split('\u{1f}').map(str::to_string).collect())
        .unwrap_or_default()
}

fn person_from_row(row: &Row) -> rusqlite::Result<Person> {
    Ok(Person {
        id: row.get(0)?,
        display_name: row.get(1)?,
        given_name: row.get(2)?,
        family_name: row.get(3)?,
        circle: row.get(4)?,
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

/// Writes every editable field. Returns whether the person's keep-in-touch cadence inputs (their
/// own cadence or their circle) changed, which is when their keep-in-touch needs re-arming.
pub(crate) fn write_fields(
    tx: &Transaction,
    id: i64,
    valid: &Valid,
    now: DateTime<Utc>,
) -> Result<bool> {
    let circle_id = match &valid.circle {
        Some(name) => Some(circles::id_by_name(tx, name)?),
        None => None,
    };
    let before: (Option<i64>, Option<i64>) = tx
        .prepare_cached("SELECT cadence_days, circle_id FROM person WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let cadence_changed = before != (valid.cadence_days, circle_id);
    tx.prepare_cached(
        "UPDATE person SET display_name = ?2, given_name = ?3, family_name = ?4, circle_id = ?5,
             email = ?6, phone = ?7, linkedin_url = ?8, how_met = ?9, notes = ?10, updated_at = ?11,
             cadence_days = ?12
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        valid.display_name,
        valid.given_name,
        valid.family_name,
        circle_id,
        valid.email,
        valid.phone,
        valid.linkedin_url,
        valid.how_met,
        valid.notes,
        to_db(now),
        valid.cadence_days
    ])?;
    organizations::set_current_role(
        tx,
        id,
        valid.organization.as_deref(),
        valid.title.as_deref(),
        now,
    )?;
    tx.prepare_cached("DELETE FROM person_tag WHERE person_id = ?1")?
        .execute([id])?;
    for tag in &valid.tags {
        tag_person(tx, id, tag)?;
    }
    search::reindex_person(tx, id)?;
    Ok(cadence_changed)
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

/// A fresh identity for a new person (a random UUID, as vCard 4.0 recommends for UID).
pub(crate) fn new_uid() -> String {
    uuid::Uuid::new_v4().to_string()
}

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
    tx.execute(
        "DELETE FROM search_index WHERE rowid IN
             (SELECT id FROM person WHERE deleted_at IS NOT NULL AND deleted_at < ?1)",
        [&before],
    )?;
    tx.execute(
        "DELETE FROM person WHERE deleted_at IS NOT NULL AND deleted_at < ?1",
        [&before],
    )?;
    Ok(())
}

/// Adds a person inside the caller's transaction.
pub(crate) fn create(tx: &Transaction, input: PersonInput, now: DateTime<Utc>) -> Result<Person> {
    let valid = validate(input)?;
    tx.prepare_cached(
        "INSERT INTO person (display_name, uid, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
    )?
    .execute(params![valid.display_name, new_uid(), to_db(now)])?;
    let id = tx.last_insert_rowid();
    // Someone new has no interactions yet, so no keep-in-touch to arm.
    write_fields(tx, id, &valid, now)?;
    load(tx, id)
}

impl Store {
    pub fn add_person(&self, input: PersonInput) -> Result<Person> {
        let now = self.now();
        self.write(|tx| create(tx, input, now))
    }

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

    /// Resolves what a person typed to name someone: `12` or `#12` is an id; otherwise an exact
    /// name (ignoring case), else a search that must find exactly one person.
    pub fn find_person(&self, name_or_id: &str) -> Result<PersonRef> {
        let text = name_or_id.trim();
        if text.is_empty() {
            return Err(Error::invalid("person", "Name a person."));
        }
        if let Ok(id) = text.trim_start_matches('#').parse::<i64>() {
            let person = self.person(id)?;
            return Ok(PersonRef {
                id: person.id,
                display_name: person.display_name,
            });
        }
        let exact: Vec<PersonRef> = self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT id, display_name FROM person
                 WHERE deleted_at IS NULL AND display_name = ?1 COLLATE NOCASE ORDER BY id",
            )?;
            let rows = statement.query_map([text], |r| {
                Ok(PersonRef {
                    id: r.get(0)?,
                    display_name: r.get(1)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })?;
        let candidates = if exact.is_empty() {
            self.search_people(text)?
                .into_iter()
                .map(|p| PersonRef {
                    id: p.id,
                    display_name: p.display_name,
                })
                .collect()
        } else {
            exact
        };
        match candidates.len() {
            0 => Err(Error::not_found("person", format!("name “{text}”"))),
            1 => Ok(candidates.into_iter().next().expect("one candidate")),
            _ => Err(Error::Ambiguous {
                query: text.to_string(),
                matches: candidates.into_iter().map(Candidate::from).collect(),
            }),
        }
    }
}
