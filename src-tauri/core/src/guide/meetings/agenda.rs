//! A meeting's agenda: timed sections that must fit an informational interview's 20-30 minutes.

use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::model::{load, Meeting};
use crate::error::{Error, Result};
use crate::store::time::to_db;
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AgendaItem {
    pub title: String,
    pub minutes: i64,
    /// One question per entry.
    #[serde(default)]
    pub questions: Vec<String>,
}

/// An informational interview lasts 20-30 minutes: the agenda must fit.
pub const AGENDA_MINUTES: (i64, i64) = (20, 30);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgendaVerdict {
    TooShort,
    WithinRange,
    TooLong,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AgendaCheck {
    pub total_minutes: i64,
    pub min_minutes: i64,
    pub max_minutes: i64,
    pub verdict: AgendaVerdict,
}

pub fn check_agenda(items: &[AgendaItem]) -> AgendaCheck {
    let total_minutes: i64 = items.iter().map(|i| i.minutes).sum();
    let (min_minutes, max_minutes) = AGENDA_MINUTES;
    let verdict = if total_minutes < min_minutes {
        AgendaVerdict::TooShort
    } else if total_minutes > max_minutes {
        AgendaVerdict::TooLong
    } else {
        AgendaVerdict::WithinRange
    };
    AgendaCheck {
        total_minutes,
        min_minutes,
        max_minutes,
        verdict,
    }
}

/// A sensible 25-minute structure to start from, in the order the guide suggests: thanks and
/// introduction, their path, the work, the field, advice, and referrals last.
pub fn suggested_agenda() -> Vec<AgendaItem> {
    let item = |title: &str, minutes: i64, questions: &[&str]| AgendaItem {
        title: title.to_string(),
        minutes,
        questions: questions.iter().map(|q| q.to_string()).collect(),
    };
    vec![
        item("Thanks and my introduction", 3, &[]),
        item(
            "Their career path",
            5,
            &["How did you get started in this field?"],
        ),
        item(
            "Day-to-day work",
            5,
            &["What does a typical week look like for you?"],
        ),
        item(
            "The industry",
            4,
            &["What changes do you see coming in this field?"],
        ),
        item("Advice for me", 5, &["What would you do in my position?"]),
        item("Referrals", 2, &["Who else should I talk to?"]),
        item("Wrap up and thanks", 1, &[]),
    ]
}

impl Store {
    /// Replaces the agenda with `items`, in order. Any length is stored (a draft may be too long
    /// for a while); the returned check says whether it fits 20-30 minutes.
    pub fn set_agenda(&self, id: i64, items: Vec<AgendaItem>) -> Result<Meeting> {
        for item in &items {
            if item.title.trim().is_empty() {
                return Err(Error::invalid(
                    "agenda",
                    "Every section of the agenda needs a title.",
                ));
            }
            if !(0..=120).contains(&item.minutes) {
                return Err(Error::invalid(
                    "agenda",
                    format!(
                        "“{}” cannot last {} minutes.",
                        item.title.trim(),
                        item.minutes
                    ),
                ));
            }
        }
        let now = self.now();
        self.write(|tx| {
            load(tx, id)?;
            tx.execute("DELETE FROM agenda_item WHERE meeting_id = ?1", [id])?;
            for (position, item) in items.iter().enumerate() {
                let questions: Vec<&str> = item.questions.iter().map(|q| q.trim()).filter(|q| !q.is_empty()).collect();
                tx.execute(
                    "INSERT INTO agenda_item (meeting_id, position, title, minutes, questions) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![id, position as i64, item.title.trim(), item.minutes, questions.join("\n")],
                )?;
            }
            tx.execute("UPDATE meeting SET updated_at = ?2 WHERE id = ?1", params![id, to_db(now)])?;
            load(tx, id)
        })
    }
}
