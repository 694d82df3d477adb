//! Pitches: the elevator speech and the longer introduction that opens an informational
//! interview. A pitch is rewritten many times and tailored to each audience, so every text it
//! replaces is kept as a version that can be brought back.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::guide::drafts::{draft_exploring, Draft, ThankYouMedium};
use crate::guide::speech::{
    self, timing, word_count, PitchKind, Timing, DEFAULT_WORDS_PER_MINUTE, MAX_WORDS_PER_MINUTE,
    MIN_WORDS_PER_MINUTE,
};
use crate::store::columns::{text_enum as parse_kind, time_at};
use crate::store::settings;
use crate::store::time::to_db;
use crate::store::Store;

/// The `setting` key of the user's speaking rate, in words a minute.
const SPEAKING_RATE_KEY: &str = "speaking_rate";
/// The pitch the user chose to be offered in drafts and agendas.
const CHOSEN_KEY: &str = "pitch.chosen";

/// What separates a tailored copy's title from the audience it is for.
const FOR_AUDIENCE: &str = " — for ";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pitch {
    pub id: i64,
    pub kind: PitchKind,
    pub title: String,
    /// Who the pitch is tailored to ("career fair recruiters", "alumni in nursing"); may be empty.
    pub audience: String,
    pub text: String,
    /// At the speaking rate current when the pitch was read.
    pub timing: Timing,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PitchInput {
    pub kind: PitchKind,
    pub title: String,
    #[serde(default)]
    pub audience: String,
    #[serde(default)]
    pub text: String,
}

/// A text the pitch had before it was edited or restored over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PitchVersion {
    pub id: i64,
    pub text: String,
    /// When this text was set aside, that is, replaced by a newer one.
    pub saved_at: DateTime<Utc>,
    pub words: usize,
}

struct Valid {
    kind: PitchKind,
    title: String,
    audience: String,
    text: String,
}

/// Trims every field (so that an edit adding only a trailing newline is no change) and requires
/// a title.
fn validate(input: PitchInput) -> Result<Valid> {
    let title = input.title.trim().to_string();
    if title.is_empty() {
        return Err(Error::invalid("title", "Give the pitch a title."));
    }
    Ok(Valid {
        kind: input.kind,
        title,
        audience: input.audience.trim().to_string(),
        text: input.text.trim().to_string(),
    })
}

const SELECT_PITCH: &str =
    "SELECT id, kind, title, audience, text, created_at, updated_at FROM pitch";

fn pitch_from_row(row: &Row, words_per_minute: u32) -> rusqlite::Result<Pitch> {
    let kind = parse_kind(row.get(1)?, 1)?;
    let text: String = row.get(4)?;
    Ok(Pitch {
        id: row.get(0)?,
        kind,
        title: row.get(2)?,
        audience: row.get(3)?,
        timing: timing(&text, kind, words_per_minute),
        text,
        created_at: time_at(row, 5)?,
        updated_at: time_at(row, 6)?,
    })
}

fn load(conn: &Connection, id: i64) -> Result<Pitch> {
    let rate = speaking_rate(conn)?;
    conn.query_row(&format!("{SELECT_PITCH} WHERE id = ?1"), [id], |row| {
        pitch_from_row(row, rate)
    })
    .optional()?
    .ok_or_else(|| Error::not_found("pitch", format!("id {id}")))
}

/// The stored rate, or the default when none was set. A stored value that is not a rate (only a
/// hand-edited file has one) reads as the default rather than making every pitch unreadable.
fn speaking_rate(conn: &Connection) -> Result<u32> {
    Ok(settings::read_setting(conn, SPEAKING_RATE_KEY)?
        .and_then(|v| v.trim().parse::<u32>().ok())
        .filter(|wpm| (MIN_WORDS_PER_MINUTE..=MAX_WORDS_PER_MINUTE).contains(wpm))
        .unwrap_or(DEFAULT_WORDS_PER_MINUTE))
}

/// Keeps `text` as an earlier version of the pitch, set aside at `now`.
fn save_version(conn: &Connection, pitch_id: i64, text: &str, now: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO pitch_version (pitch_id, text, saved_at) VALUES (?1, ?2, ?3)",
        params![pitch_id, text, now],
    )?;
    Ok(())
}

/// Replaces the pitch's text, first keeping the one it replaces, unless they are the same.
fn replace_text(conn: &Connection, pitch: &Pitch, text: &str, now: &str) -> Result<()> {
    if pitch.text != text {
        save_version(conn, pitch.id, &pitch.text, now)?;
    }
    conn.execute(
        "UPDATE pitch SET text = ?2, updated_at = ?3 WHERE id = ?1",
        params![pitch.id, text, now],
    )?;
    Ok(())
}

/// The title of a copy tailored to `audience`: a copy of a copy names only the newest audience.
fn tailored_title(title: &str, audience: &str) -> String {
    let base = title
        .rsplit_once(FOR_AUDIENCE)
        .map_or(title, |(base, _)| base)
        .trim();
    format!("{base}{FOR_AUDIENCE}{audience}")
}

impl Store {
    pub fn add_pitch(&self, input: PitchInput) -> Result<Pitch> {
        let valid = validate(input)?;
        let now = to_db(self.now());
        self.write(|tx| {
            tx.execute(
                "INSERT INTO pitch (kind, title, audience, text, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                params![
                    valid.kind.as_str(),
                    valid.title,
                    valid.audience,
                    valid.text,
                    now
                ],
            )?;
            load(tx, tx.last_insert_rowid())
        })
    }

    /// Replaces every field of a pitch. When the text changes, the text it had is kept as a
    /// version first, so no wording is ever lost to an edit.
    pub fn update_pitch(&self, id: i64, input: PitchInput) -> Result<Pitch> {
        let valid = validate(input)?;
        let now = to_db(self.now());
        self.write(|tx| {
            let pitch = load(tx, id)?;
            replace_text(tx, &pitch, &valid.text, &now)?;
            tx.execute(
                "UPDATE pitch SET kind = ?2, title = ?3, audience = ?4 WHERE id = ?1",
                params![id, valid.kind.as_str(), valid.title, valid.audience],
            )?;
            load(tx, id)
        })
    }

    /// Every pitch, elevator speeches first, then by title.
    pub fn pitches(&self) -> Result<Vec<Pitch>> {
        self.read(|conn| {
            let rate = speaking_rate(conn)?;
            let mut statement = conn.prepare_cached(&format!(
                "{SELECT_PITCH} ORDER BY kind = 'infomercial', title COLLATE NOCASE, id"
            ))?;
            let rows = statement.query_map([], |row| pitch_from_row(row, rate))?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    pub fn pitch(&self, id: i64) -> Result<Pitch> {
        self.read(|conn| load(conn, id))
    }

    /// Deletes a pitch and its versions; returns what was deleted.
    pub fn delete_pitch(&self, id: i64) -> Result<Pitch> {
        self.write(|tx| {
            let pitch = load(tx, id)?;
            tx.execute("DELETE FROM pitch WHERE id = ?1", [id])?;
            Ok(pitch)
        })
    }

    /// The texts a pitch had before, newest first.
    pub fn pitch_versions(&self, pitch_id: i64) -> Result<Vec<PitchVersion>> {
        self.read(|conn| {
            load(conn, pitch_id)?;
            let mut statement = conn.prepare_cached(
                "SELECT id, text, saved_at FROM pitch_version WHERE pitch_id = ?1
                 ORDER BY saved_at DESC, id DESC",
            )?;
            let rows = statement.query_map([pitch_id], |row| {
                let text: String = row.get(1)?;
                Ok(PitchVersion {
                    id: row.get(0)?,
                    words: word_count(&text),
                    text,
                    saved_at: time_at(row, 2)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// Brings an earlier text back. The current text is kept as a version first, so a restore
    /// is itself undone by restoring that version.
    pub fn restore_pitch_version(&self, pitch_id: i64, version_id: i64) -> Result<Pitch> {
        let now = to_db(self.now());
        self.write(|tx| {
            let pitch = load(tx, pitch_id)?;
            let text: String = tx
                .query_row(
                    "SELECT text FROM pitch_version WHERE id = ?1 AND pitch_id = ?2",
                    params![version_id, pitch_id],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or_else(|| {
                    Error::not_found(
                        "pitch version",
                        format!("id {version_id} of pitch {pitch_id}"),
                    )
                })?;
            replace_text(tx, &pitch, &text, &now)?;
            load(tx, pitch_id)
        })
    }

    /// Starts a copy of a pitch to tailor to another audience: same kind and text, the audience
    /// named in the title, and a history of its own (the original's versions stay with it).
    pub fn duplicate_pitch(&self, id: i64, audience: &str) -> Result<Pitch> {
        let audience = audience.trim();
        if audience.is_empty() {
            return Err(Error::invalid(
                "audience",
                "Say who the copy is for, such as “alumni in consulting”.",
            ));
        }
        let now = to_db(self.now());
        self.write(|tx| {
            let original = load(tx, id)?;
            tx.execute(
                "INSERT INTO pitch (kind, title, audience, text, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                params![
                    original.kind.as_str(),
                    tailored_title(&original.title, audience),
                    audience,
                    original.text,
                    now
                ],
            )?;
            load(tx, tx.last_insert_rowid())
        })
    }

    /// The user's speaking rate in words a minute, which every pitch is timed at.
    pub fn speaking_rate(&self) -> Result<u32> {
        self.read(speaking_rate)
    }

    pub fn set_speaking_rate(&self, words_per_minute: u32) -> Result<u32> {
        let words_per_minute = speech::validate_words_per_minute(words_per_minute)?;
        self.write(|tx| {
            settings::write_setting(tx, SPEAKING_RATE_KEY, Some(&words_per_minute.to_string()))?;
            Ok(words_per_minute)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_of_a_copy_names_only_the_newest_audience() {
        assert_eq!(
            tailored_title("Career fair", "Acme recruiters"),
            "Career fair — for Acme recruiters"
        );
        assert_eq!(
            tailored_title("Career fair — for Acme recruiters", "alumni"),
            "Career fair — for alumni"
        );
    }
}

impl Store {
    /// The pitch offered in the "what you're exploring" note and the interview agenda's
    /// introduction: the one the user chose, else the elevator speech edited last.
    pub fn chosen_pitch(&self) -> Result<Option<Pitch>> {
        self.read(|conn| {
            let chosen: Option<i64> =
                settings::read_setting(conn, CHOSEN_KEY)?.and_then(|id| id.parse().ok());
            if let Some(pitch) = chosen.map(|id| load(conn, id)).transpose().ok().flatten() {
                return Ok(Some(pitch));
            }
            let latest: Option<i64> = conn
                .query_row(
                    "SELECT id FROM pitch WHERE kind = 'elevator' AND trim(text) <> ''
                     ORDER BY updated_at DESC, id DESC LIMIT 1",
                    [],
                    |r| r.get(0),
                )
                .optional()?;
            latest.map(|id| load(conn, id)).transpose()
        })
    }

    /// Chooses the pitch offered in drafts and agendas.
    pub fn choose_pitch(&self, id: i64) -> Result<Pitch> {
        self.write(|tx| {
            let pitch = load(tx, id)?;
            settings::write_setting(tx, CHOSEN_KEY, Some(&id.to_string()))?;
            Ok(pitch)
        })
    }

    /// The note telling `person_id` what the user is exploring, drafted from the chosen pitch.
    pub fn draft_exploring(&self, person_id: i64, medium: ThankYouMedium) -> Result<Draft> {
        let person = self.person(person_id)?;
        let me = self.me()?;
        let pitch = self.chosen_pitch()?;
        // "Dear Aunt Lucía," rather than "Dear Aunt,": the first word of a name can be a title.
        let name = person.given_name.as_deref().unwrap_or(&person.display_name);
        Ok(draft_exploring(
            name,
            &me.display_name,
            pitch.as_ref().map(|p| p.text.as_str()),
            medium,
        ))
    }
}
