//! A person as the store gives them (whole, as the people list shows them, or just enough to
//! name them), and what a form or the CLI gives for a new or edited person.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::Candidate;

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
    /// The id of their photo, if they have one: the list fetches thumbnails by it for the rows
    /// it shows (see [`crate::network::photos`]); it changes whenever the photo does.
    pub photo: Option<i64>,
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
        Candidate::Person {
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
    /// How close the user is to them, 0-5: as set, or defaulted (see
    /// [`crate::network::strength`]).
    pub strength: u8,
    /// Whether the user set `strength` (otherwise it follows the circle and the interactions).
    pub strength_set: bool,
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
    /// As typed: `YYYY-MM-DD`, `MM-DD` or `--MM-DD` (None: not known).
    pub birthday: Option<String>,
    /// 0-5 (None: follow the circle and the interactions).
    pub strength: Option<u8>,
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
