//! The guide's seven steps to set up an informational interview, each marked done with a note.

use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::model::{load, Meeting};
use crate::error::{Error, Result};
use crate::store::time::to_db;
use crate::store::Store;

/// The guide's "series of steps you can follow to set up an informational interview".
pub const PREP_STEPS: [&str; 7] = [
    "Decide what job or field of work you want to learn about",
    "Identify who to interview, starting with your natural network",
    "Research the organization, the person, the field and the industry",
    "Prepare a list of questions",
    "Prepare your brief introduction (your two-minute infomercial)",
    "Contact them by phone, email or letter to set up a time and place",
    "Prepare as for a job interview: dress suitably, arrive on time, be polite and professional",
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PrepStep {
    pub step: u8,
    pub title: String,
    pub done: bool,
    pub note: String,
}

impl Store {
    pub fn set_prep_step(&self, id: i64, step: u8, done: bool, note: &str) -> Result<Meeting> {
        if !(1..=7).contains(&step) {
            return Err(Error::invalid(
                "step",
                "Preparation has seven steps, numbered 1 to 7.",
            ));
        }
        let now = self.now();
        self.write(|tx| {
            load(tx, id)?;
            tx.execute(
                "INSERT INTO meeting_prep (meeting_id, step, done, note) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (meeting_id, step) DO UPDATE SET done = excluded.done, note = excluded.note",
                params![id, step, done, note.trim()],
            )?;
            tx.execute("UPDATE meeting SET updated_at = ?2 WHERE id = ?1", params![id, to_db(now)])?;
            load(tx, id)
        })
    }
}
