//! An opportunity as stored and read back: the lead, where it came from (who told you, in which
//! meeting, from which AIR item), its status and the history of its moves; reading and listing.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::network::people::PersonRef;
use crate::store::columns::text_enum as parse;
use crate::store::time::from_db;
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
    pub(super) fn as_str(self) -> &'static str {
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

pub(super) fn load(conn: &Connection, id: i64) -> Result<Opportunity> {
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

impl Store {
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
}
