//! The question bank: questions to pick from when preparing an informational interview. The
//! built-in questions are seeded by migration 3 and are never deleted or rewritten, so that
//! "restore the built-in questions" always brings back the original text; the user hides the
//! ones they do not want and adds (or rewrites) their own.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::store::Store;

/// A question is read aloud in a short meeting; anything longer is a speech, not a question.
const MAX_QUESTION_CHARS: usize = 500;

/// The themes of the bank, in the order a conversation usually takes them: the person's path,
/// the work itself, the field, advice for the student, and finally who else to talk to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionTheme {
    CareerPath,
    DayToDay,
    Industry,
    Advice,
    Referrals,
}

impl QuestionTheme {
    /// Every theme, in display order.
    pub const ALL: [QuestionTheme; 5] = [
        QuestionTheme::CareerPath,
        QuestionTheme::DayToDay,
        QuestionTheme::Industry,
        QuestionTheme::Advice,
        QuestionTheme::Referrals,
    ];

    /// The stored (and serialized) name.
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionTheme::CareerPath => "career_path",
            QuestionTheme::DayToDay => "day_to_day",
            QuestionTheme::Industry => "industry",
            QuestionTheme::Advice => "advice",
            QuestionTheme::Referrals => "referrals",
        }
    }

    /// The heading shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            QuestionTheme::CareerPath => "Career path",
            QuestionTheme::DayToDay => "Day-to-day work",
            QuestionTheme::Industry => "The industry",
            QuestionTheme::Advice => "Advice for me",
            QuestionTheme::Referrals => "Referrals",
        }
    }

    fn from_db(text: &str) -> Option<QuestionTheme> {
        QuestionTheme::ALL.into_iter().find(|t| t.as_str() == text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    pub id: i64,
    pub theme: QuestionTheme,
    pub text: String,
    /// Seeded with Rapport rather than written by the user.
    pub builtin: bool,
}

const SELECT_QUESTION: &str = "SELECT id, theme, text, builtin FROM question";

/// Themes in display order, then the order within the theme; ties (a user's rewrite of a
/// built-in question takes its place) keep the older question first.
const ORDER: &str = "ORDER BY CASE theme
        WHEN 'career_path' THEN 1 WHEN 'day_to_day' THEN 2 WHEN 'industry' THEN 3
        WHEN 'advice' THEN 4 WHEN 'referrals' THEN 5 ELSE 6 END,
    position, id";

fn question_from_row(row: &Row) -> rusqlite::Result<Question> {
    let theme: String = row.get(1)?;
    Ok(Question {
        id: row.get(0)?,
        theme: QuestionTheme::from_db(&theme).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                1,
                rusqlite::types::Type::Text,
                format!("unknown question theme {theme:?}").into(),
            )
        })?,
        text: row.get(2)?,
        builtin: row.get(3)?,
    })
}

/// A question including an archived one: archived questions can still be edited or inspected.
fn load(conn: &Connection, id: i64) -> Result<Question> {
    conn.query_row(
        &format!("{SELECT_QUESTION} WHERE id = ?1"),
        [id],
        question_from_row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found("question", format!("id {id}")))
}

fn valid_text(text: &str) -> Result<&str> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid("text", "Write the question."));
    }
    if text.chars().count() > MAX_QUESTION_CHARS {
        return Err(Error::invalid(
            "text",
            format!("Keep a question under {MAX_QUESTION_CHARS} characters: it is asked aloud."),
        ));
    }
    Ok(text)
}

impl Store {
    /// The questions in use (not archived), by theme and then in their order within the theme.
    pub fn questions(&self) -> Result<Vec<Question>> {
        self.read(|conn| {
            let mut statement =
                conn.prepare_cached(&format!("{SELECT_QUESTION} WHERE archived = 0 {ORDER}"))?;
            let rows = statement.query_map([], question_from_row)?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// Adds the user's own question at the end of its theme.
    pub fn add_question(&self, theme: QuestionTheme, text: &str) -> Result<Question> {
        let text = valid_text(text)?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO question (theme, text, position, builtin)
                 SELECT ?1, ?2, coalesce(max(position), 0) + 10, 0 FROM question WHERE theme = ?1",
                params![theme.as_str(), text],
            )?;
            load(tx, tx.last_insert_rowid())
        })
    }

    /// Rewrites a question. The user's own questions are edited in place. A built-in question is
    /// never rewritten: the edit becomes the user's own question in its place, and the built-in
    /// one is archived, so that restoring the built-ins brings back the original wording. The
    /// question returned is the edited one, whose id differs from `id` in that case.
    pub fn update_question(&self, id: i64, text: &str) -> Result<Question> {
        let text = valid_text(text)?;
        self.write(|tx| {
            let question = load(tx, id)?;
            if question.text == text {
                return Ok(question);
            }
            if !question.builtin {
                tx.execute(
                    "UPDATE question SET text = ?2 WHERE id = ?1",
                    params![id, text],
                )?;
                return load(tx, id);
            }
            tx.execute(
                "INSERT INTO question (theme, text, position, builtin, archived)
                 SELECT theme, ?2, position, 0, archived FROM question WHERE id = ?1",
                params![id, text],
            )?;
            let edited = tx.last_insert_rowid();
            tx.execute("UPDATE question SET archived = 1 WHERE id = ?1", [id])?;
            load(tx, edited)
        })
    }

    /// Hides a question from the bank. Nothing is deleted: a built-in question comes back with
    /// [`Store::restore_builtin_questions`].
    pub fn archive_question(&self, id: i64) -> Result<()> {
        self.write(|tx| {
            load(tx, id)?;
            tx.execute("UPDATE question SET archived = 1 WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// Brings back every archived built-in question (the user's own questions stay as they are).
    /// Returns how many came back.
    pub fn restore_builtin_questions(&self) -> Result<usize> {
        self.write(|tx| {
            Ok(tx.execute(
                "UPDATE question SET archived = 0 WHERE builtin = 1 AND archived = 1",
                [],
            )?)
        })
    }
}
