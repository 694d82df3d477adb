//! The hidden job market: most jobs are never advertised and are found through contacts, so an
//! opportunity here is a lead heard of through the network (who told you, in which meeting, from
//! which referral) followed from first hearing of it to an offer. Target organizations are the
//! places the user wants to get into; each shows who they already know there.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::network::organizations;
use crate::network::people::PersonRef;
use crate::store::columns::text_enum as parse;
use crate::store::time::{from_db, to_db};
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpportunityStatus {
    HeardOf,
    Researching,
    Referred,
    Applied,
    Interviewing,
    Offer,
    Closed,
}

impl OpportunityStatus {
    fn as_str(self) -> &'static str {
        match self {
            OpportunityStatus::HeardOf => "heard_of",
            OpportunityStatus::Researching => "researching",
            OpportunityStatus::Referred => "referred",
            OpportunityStatus::Applied => "applied",
            OpportunityStatus::Interviewing => "interviewing",
            OpportunityStatus::Offer => "offer",
            OpportunityStatus::Closed => "closed",
        }
    }

    /// Whether the lead is still worth working on; closed ones leave the default list.
    pub fn is_open(self) -> bool {
        self != OpportunityStatus::Closed
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    pub status: OpportunityStatus,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Opportunity {
    pub id: i64,
    pub role: String,
    /// The organization's name.
    pub organization: Option<String>,
    /// Who told you about it: the contact to thank and to keep informed.
    pub source: Option<PersonRef>,
    /// The meeting in which you heard of it.
    pub meeting_id: Option<i64>,
    /// The AIR item (usually a referral) it came from.
    pub air_id: Option<i64>,
    pub status: OpportunityStatus,
    pub notes: String,
    /// Every status it has had, oldest first, starting with the one it was added with.
    pub history: Vec<StatusChange>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What a form gives for a new or edited opportunity; editing replaces all of it. The
/// organization is named: an existing one is found ignoring case, otherwise it is created.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct OpportunityInput {
    pub role: String,
    pub organization: Option<String>,
    pub source_person_id: Option<i64>,
    pub meeting_id: Option<i64>,
    pub air_id: Option<i64>,
    pub notes: String,
}

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

/// Checked input: trimmed, empty organization as None.
struct Valid {
    role: String,
    organization: Option<String>,
    source_person_id: Option<i64>,
    meeting_id: Option<i64>,
    air_id: Option<i64>,
    notes: String,
}

fn validate(input: OpportunityInput) -> Result<Valid> {
    let role = input.role.trim().to_string();
    if role.is_empty() {
        return Err(Error::invalid(
            "role",
            "Name the role, even roughly (“junior analyst”).",
        ));
    }
    if role.chars().count() > 200 {
        return Err(Error::invalid(
            "role",
            "A role can be at most 200 characters.",
        ));
    }
    Ok(Valid {
        role,
        organization: input
            .organization
            .map(|o| o.trim().to_string())
            .filter(|o| !o.is_empty()),
        source_person_id: input.source_person_id,
        meeting_id: input.meeting_id,
        air_id: input.air_id,
        notes: input.notes.trim().to_string(),
    })
}

/// Everything an opportunity points at must exist. A deleted person (or a meeting with one) is
/// treated as unknown, as everywhere else.
fn check_links(conn: &Connection, valid: &Valid) -> Result<()> {
    let exists = |sql: &str, id: i64| -> Result<bool> {
        Ok(conn.query_row(sql, [id], |_| Ok(())).optional()?.is_some())
    };
    if let Some(id) = valid.source_person_id {
        if !exists(
            "SELECT 1 FROM person WHERE id = ?1 AND deleted_at IS NULL",
            id,
        )? {
            return Err(Error::not_found("person", format!("id {id}")));
        }
    }
    if let Some(id) = valid.meeting_id {
        if !exists(
            "SELECT 1 FROM meeting m JOIN person p ON p.id = m.person_id
             WHERE m.id = ?1 AND p.deleted_at IS NULL",
            id,
        )? {
            return Err(Error::not_found("meeting", format!("id {id}")));
        }
    }
    if let Some(id) = valid.air_id {
        if !exists("SELECT 1 FROM air WHERE id = ?1", id)? {
            return Err(Error::not_found("AIR item", format!("id {id}")));
        }
    }
    Ok(())
}

const SELECT_OPPORTUNITY: &str = "
    SELECT o.id, o.role, org.name, o.source_person_id, p.display_name, o.meeting_id, o.air_id,
           o.status, o.notes, o.created_at, o.updated_at
    FROM opportunity o
    LEFT JOIN organization org ON org.id = o.organization_id
    LEFT JOIN person p ON p.id = o.source_person_id AND p.deleted_at IS NULL";

struct OpportunityRow {
    id: i64,
    role: String,
    organization: Option<String>,
    source: Option<PersonRef>,
    meeting_id: Option<i64>,
    air_id: Option<i64>,
    status: OpportunityStatus,
    notes: String,
    created_at: String,
    updated_at: String,
}

fn opportunity_row(row: &Row) -> rusqlite::Result<OpportunityRow> {
    let source_id: Option<i64> = row.get(3)?;
    let source_name: Option<String> = row.get(4)?;
    Ok(OpportunityRow {
        id: row.get(0)?,
        role: row.get(1)?,
        organization: row.get(2)?,
        source: source_id
            .zip(source_name)
            .map(|(id, display_name)| PersonRef { id, display_name }),
        meeting_id: row.get(5)?,
        air_id: row.get(6)?,
        status: parse(row.get(7)?, 7)?,
        notes: row.get(8)?,
        created_at: row.get(9)?,
        updated_at: row.get(10)?,
    })
}

fn load(conn: &Connection, id: i64) -> Result<Opportunity> {
    let row = conn
        .query_row(
            &format!("{SELECT_OPPORTUNITY} WHERE o.id = ?1"),
            [id],
            opportunity_row,
        )
        .optional()?
        .ok_or_else(|| Error::not_found("opportunity", format!("id {id}")))?;
    let history = {
        let mut statement = conn.prepare_cached(
            "SELECT status, at FROM opportunity_event WHERE opportunity_id = ?1 ORDER BY at, id",
        )?;
        let rows = statement
            .query_map([id], |r| {
                Ok((
                    parse::<OpportunityStatus>(r.get(0)?, 0)?,
                    r.get::<_, String>(1)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(status, at)| {
                Ok(StatusChange {
                    status,
                    at: from_db(&at)?,
                })
            })
            .collect::<Result<Vec<_>>>()?
    };
    Ok(Opportunity {
        id: row.id,
        role: row.role,
        organization: row.organization,
        source: row.source,
        meeting_id: row.meeting_id,
        air_id: row.air_id,
        status: row.status,
        notes: row.notes,
        history,
        created_at: from_db(&row.created_at)?,
        updated_at: from_db(&row.updated_at)?,
    })
}

fn record_status(
    conn: &Connection,
    id: i64,
    status: OpportunityStatus,
    at: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "UPDATE opportunity SET status = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, status.as_str(), to_db(at)],
    )?;
    conn.execute(
        "INSERT INTO opportunity_event (opportunity_id, status, at) VALUES (?1, ?2, ?3)",
        params![id, status.as_str(), to_db(at)],
    )?;
    Ok(())
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
    /// Adds a lead, in the status "heard of", which is recorded as the start of its history.
    pub fn add_opportunity(&self, input: OpportunityInput) -> Result<Opportunity> {
        let valid = validate(input)?;
        let now = self.now();
        self.write(|tx| {
            check_links(tx, &valid)?;
            let organization_id = match &valid.organization {
                Some(name) => Some(organizations::upsert(tx, name, now)?),
                None => None,
            };
            tx.execute(
                "INSERT INTO opportunity (role, organization_id, source_person_id, meeting_id, air_id, notes, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                params![
                    valid.role,
                    organization_id,
                    valid.source_person_id,
                    valid.meeting_id,
                    valid.air_id,
                    valid.notes,
                    to_db(now)
                ],
            )?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO opportunity_event (opportunity_id, status, at) VALUES (?1, ?2, ?3)",
                params![id, OpportunityStatus::HeardOf.as_str(), to_db(now)],
            )?;
            load(tx, id)
        })
    }

    /// Replaces the details of a lead; its status and history are left as they are.
    pub fn update_opportunity(&self, id: i64, input: OpportunityInput) -> Result<Opportunity> {
        let valid = validate(input)?;
        let now = self.now();
        self.write(|tx| {
            load(tx, id)?;
            check_links(tx, &valid)?;
            let organization_id = match &valid.organization {
                Some(name) => Some(organizations::upsert(tx, name, now)?),
                None => None,
            };
            tx.execute(
                "UPDATE opportunity SET role = ?2, organization_id = ?3, source_person_id = ?4, meeting_id = ?5,
                     air_id = ?6, notes = ?7, updated_at = ?8
                 WHERE id = ?1",
                params![
                    id,
                    valid.role,
                    organization_id,
                    valid.source_person_id,
                    valid.meeting_id,
                    valid.air_id,
                    valid.notes,
                    to_db(now)
                ],
            )?;
            load(tx, id)
        })
    }

    /// Moves a lead to `status`, dated now. Setting the status it already has changes nothing,
    /// so the history only lists real moves.
    pub fn set_opportunity_status(
        &self,
        id: i64,
        status: OpportunityStatus,
    ) -> Result<Opportunity> {
        let now = self.now();
        self.write(|tx| {
            let opportunity = load(tx, id)?;
            if opportunity.status == status {
                return Ok(opportunity);
            }
            record_status(tx, id, status, now)?;
            load(tx, id)
        })
    }

    pub fn opportunity(&self, id: i64) -> Result<Opportunity> {
        self.read(|conn| load(conn, id))
    }

    /// Open leads first, most recently touched first; closed ones only when asked for.
    pub fn opportunities(&self, include_closed: bool) -> Result<Vec<Opportunity>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT id FROM opportunity WHERE ?1 OR status <> 'closed'
                 ORDER BY status = 'closed', updated_at DESC, id DESC",
            )?;
            let ids = statement
                .query_map([include_closed], |r| r.get::<_, i64>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            ids.into_iter().map(|id| load(conn, id)).collect()
        })
    }

    /// Deletes a lead and its history; returns what was deleted.
    pub fn delete_opportunity(&self, id: i64) -> Result<Opportunity> {
        self.write(|tx| {
            let opportunity = load(tx, id)?;
            tx.execute("DELETE FROM opportunity WHERE id = ?1", [id])?;
            Ok(opportunity)
        })
    }

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
