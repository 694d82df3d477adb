//! AIR: the Advice, Information and Referrals gained from a meeting. A referral names the person
//! it introduces, who is created if new, with a referred-by link to the person met.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::model::{load, optional_time, Meeting};
use crate::error::{Error, Result};
use crate::network::links::{self, LinkKind};
use crate::network::people::{self, PersonInput, PersonRef};
use crate::store::columns::text_enum as parse;
use crate::store::time::to_db;
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AirKind {
    Advice,
    Information,
    Referral,
}

impl AirKind {
    fn as_str(self) -> &'static str {
        match self {
            AirKind::Advice => "advice",
            AirKind::Information => "information",
            AirKind::Referral => "referral",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AirItem {
    pub id: i64,
    pub kind: AirKind,
    pub text: String,
    pub referred_person: Option<PersonRef>,
    /// For a referral: when a meeting with the referred person was held.
    pub closed_at: Option<DateTime<Utc>>,
}

/// A new AIR item. A referral names an existing person (`referredPersonId`) or a new one
/// (`referredName`), who is then created with a referred-by link to the person met.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AirInput {
    pub kind: Option<AirKind>,
    pub text: String,
    pub referred_person_id: Option<i64>,
    pub referred_name: Option<String>,
}

pub(super) fn air_of(conn: &Connection, meeting_id: i64) -> Result<Vec<AirItem>> {
    let mut statement = conn.prepare_cached(
        "SELECT a.id, a.kind, a.text, a.referred_person_id, p.display_name, a.closed_at
         FROM air a LEFT JOIN person p ON p.id = a.referred_person_id AND p.deleted_at IS NULL
         WHERE a.meeting_id = ?1 ORDER BY a.id",
    )?;
    let rows = statement
        .query_map([meeting_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                parse::<AirKind>(r.get(1)?, 1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(id, kind, text, person_id, name, closed_at)| {
            Ok(AirItem {
                id,
                kind,
                text,
                referred_person: person_id
                    .zip(name)
                    .map(|(id, display_name)| PersonRef { id, display_name }),
                closed_at: optional_time(closed_at)?,
            })
        })
        .collect()
}

impl Store {
    /// Records Advice, Information or a Referral. A referral to someone new creates them, with
    /// a referred-by link to the person met.
    pub fn add_air(&self, meeting_id: i64, input: AirInput) -> Result<Meeting> {
        let kind = input
            .kind
            .ok_or_else(|| Error::invalid("kind", "Choose advice, information or referral."))?;
        let text = input.text.trim().to_string();
        let referred_name = input
            .referred_name
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty());
        if kind != AirKind::Referral && text.is_empty() {
            return Err(Error::invalid(
                "text",
                "Write down the advice or information.",
            ));
        }
        if kind == AirKind::Referral
            && input.referred_person_id.is_none()
            && referred_name.is_none()
        {
            return Err(Error::invalid(
                "referredName",
                "Name the person you were referred to.",
            ));
        }
        let now = self.now();
        self.write(|tx| {
            let meeting = load(tx, meeting_id)?;
            let referred_id = match (kind, input.referred_person_id, referred_name) {
                (AirKind::Referral, Some(id), _) => Some(id),
                (AirKind::Referral, None, Some(name)) => {
                    let input = PersonInput {
                        how_met: Some(format!("Referred by {}", meeting.person.display_name)),
                        ..PersonInput::named(name)
                    };
                    let person = people::create(tx, input, now).map_err(|e| match e {
                        Error::Invalid { message, .. } => Error::invalid("referredName", message),
                        other => other,
                    })?;
                    Some(person.id)
                }
                _ => None,
            };
            if let Some(referred) = referred_id {
                people::load(tx, referred)?;
                if referred == meeting.person.id {
                    return Err(Error::invalid("referredName", "A referral is to someone other than the person you met."));
                }
                links::add(tx, referred, meeting.person.id, LinkKind::ReferredBy, &text, now)?;
            }
            tx.execute(
                "INSERT INTO air (meeting_id, interaction_id, kind, text, referred_person_id, created_at)
                 VALUES (?1, (SELECT interaction_id FROM meeting WHERE id = ?1), ?2, ?3, ?4, ?5)",
                params![meeting_id, kind.as_str(), text, referred_id, to_db(now)],
            )?;
            load(tx, meeting_id)
        })
    }

    pub fn remove_air(&self, air_id: i64) -> Result<Meeting> {
        self.write(|tx| {
            let meeting_id: i64 = tx
                .query_row("SELECT meeting_id FROM air WHERE id = ?1", [air_id], |r| {
                    r.get(0)
                })
                .optional()?
                .ok_or_else(|| Error::not_found("AIR item", format!("id {air_id}")))?;
            tx.execute("DELETE FROM air WHERE id = ?1", [air_id])?;
            load(tx, meeting_id)
        })
    }
}
