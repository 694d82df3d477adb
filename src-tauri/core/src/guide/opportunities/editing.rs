//! Adding, editing, moving and deleting leads: a form's input is checked (trimmed, whatever it
//! points at must exist) and every status move is recorded in the lead's history.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::model::{load, Opportunity, OpportunityStatus};
use crate::error::{Error, Result};
use crate::network::organizations;
use crate::store::time::to_db;
use crate::store::Store;

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

    /// Deletes a lead and its history; returns what was deleted.
    pub fn delete_opportunity(&self, id: i64) -> Result<Opportunity> {
        self.write(|tx| {
            let opportunity = load(tx, id)?;
            tx.execute("DELETE FROM opportunity WHERE id = ?1", [id])?;
            Ok(opportunity)
        })
    }
}
