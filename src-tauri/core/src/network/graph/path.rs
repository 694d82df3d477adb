//! What a warm path is as it is given: its target, its steps and how each person in it is tied
//! to the one before; and resolving what was typed to name the target.

use chrono::{DateTime, Utc};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::network::links::LinkKind;
use crate::network::people::PersonRef;
use crate::store::Store;

/// How two people in a path are tied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tie {
    /// A link; its kind is given beside.
    Link,
    /// They took part in the same logged interaction.
    SharedInteraction,
    /// Your tie to someone in your contacts with no link between you.
    Contact,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "id", rename_all = "camelCase")]
pub enum PathTarget {
    Person(i64),
    /// Anyone with a current role there.
    Organization(i64),
}

/// One person along a path, and how they are tied to the one before (you, for the first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PathStep {
    pub person: PersonRef,
    pub tie: Tie,
    pub link_kind: Option<LinkKind>,
    /// Their current organization and title.
    pub organization: Option<String>,
    pub title: Option<String>,
    /// Your last interaction with them.
    pub last_interaction_at: Option<DateTime<Utc>>,
    pub keep_in_touch_overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WarmPath {
    /// From the person you would contact first to the target; you are left implicit.
    pub steps: Vec<PathStep>,
    pub hops: usize,
    pub score: f64,
    /// The path in words: "You → Ada Lovelace (mentor, last spoke 12 days ago) → Charles
    /// Babbage (colleague) at Analytical Engines".
    pub explanation: String,
}

impl Store {
    /// Resolves what was typed to name the target of a warm path: an organization with exactly
    /// that name, otherwise a person as [`Store::find_person`] finds them.
    pub fn path_target(&self, name_or_org: &str) -> Result<PathTarget> {
        let text = name_or_org.trim();
        let organization: Option<i64> = self.read(|conn| {
            Ok(conn
                .query_row("SELECT id FROM organization WHERE name = ?1", [text], |r| {
                    r.get(0)
                })
                .optional()?)
        })?;
        match organization {
            Some(id) => Ok(PathTarget::Organization(id)),
            None => Ok(PathTarget::Person(self.find_person(text)?.id)),
        }
    }
}
