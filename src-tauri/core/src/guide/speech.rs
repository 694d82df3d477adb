//! How long a pitch takes to say. The guide asks for two: the elevator speech, said in 30 to 60
//! seconds to someone just met, and the "two-minute infomercial" that opens an informational
//! interview, 90 to 120 seconds. A student writes them rather than times them, so the time is
//! estimated from the word count at the user's speaking rate.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// A relaxed conversational pace; the user can set their own.
pub const DEFAULT_WORDS_PER_MINUTE: u32 = 140;

/// Slower than this is no longer conversation; faster than this nobody follows.
pub const MIN_WORDS_PER_MINUTE: u32 = 60;
pub const MAX_WORDS_PER_MINUTE: u32 = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PitchKind {
    /// Who you are and what you are looking for, said in the time of a lift ride.
    Elevator,
    /// The longer introduction that opens an informational interview.
    Infomercial,
}

impl PitchKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PitchKind::Elevator => "elevator",
            PitchKind::Infomercial => "infomercial",
        }
    }

    /// The spoken length the guide asks for, in seconds, both ends included.
    pub fn band(self) -> (u32, u32) {
        match self {
            PitchKind::Elevator => (30, 60),
            PitchKind::Infomercial => (90, 120),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    TooShort,
    WithinBand,
    TooLong,
}

/// A pitch's estimated spoken length against the band for its kind.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Timing {
    pub words: usize,
    /// Rounded to a tenth of a second; the verdict judges this rounded figure, so that what the
    /// user reads ("60.0 s") never disagrees with what they are told ("too long").
    pub seconds: f64,
    pub band_min: u32,
    pub band_max: u32,
    pub verdict: Verdict,
}

/// Counts the words as a listener hears them: a word is a run of letters or digits. An
/// apostrophe or hyphen between two letters or digits keeps the word whole ("don't",
/// "career-services"), as does a point or comma inside a number ("3.5", "10,000"). Punctuation
/// on its own, a dash set between words ("skills — and") or a bullet is not a word.
pub fn word_count(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut count = 0;
    let mut in_word = false;
    for (i, &c) in chars.iter().enumerate() {
        if c.is_alphanumeric() {
            if !in_word {
                count += 1;
                in_word = true;
            }
            continue;
        }
        if !in_word {
            continue;
        }
        let previous = chars[i - 1];
        let next = chars.get(i + 1).copied();
        let joins = if is_combining_mark(c) {
            // A decomposed accent ("e" + U+0301) belongs to the letter before it.
            true
        } else if is_apostrophe(c) || is_hyphen(c) {
            next.is_some_and(char::is_alphanumeric)
        } else if c == '.' || c == ',' {
            previous.is_numeric() && next.is_some_and(char::is_numeric)
        } else {
            false
        };
        in_word = joins;
    }
    count
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

/// The hyphens that join a compound; the en and em dashes separate words and are not here.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}')
}

/// Seconds it takes to say `words` at `words_per_minute`. A rate of 0 is read as 1, so the
/// answer is always a finite number; rates the user sets are validated before they get here.
pub fn spoken_seconds(words: usize, words_per_minute: u32) -> f64 {
    words as f64 * 60.0 / f64::from(words_per_minute.max(1))
}

/// Times `text` as a pitch of `kind` said at `words_per_minute`.
pub fn timing(text: &str, kind: PitchKind, words_per_minute: u32) -> Timing {
    timing_in_band(text, kind.band(), words_per_minute)
}

/// Times `text` against a band of seconds (an audience can ask for a shorter one).
pub fn timing_in_band(
    text: &str,
    (band_min, band_max): (u32, u32),
    words_per_minute: u32,
) -> Timing {
    let words = word_count(text);
    let seconds = (spoken_seconds(words, words_per_minute) * 10.0).round() / 10.0;
    let verdict = if seconds < f64::from(band_min) {
        Verdict::TooShort
    } else if seconds > f64::from(band_max) {
        Verdict::TooLong
    } else {
        Verdict::WithinBand
    };
    Timing {
        words,
        seconds,
        band_min,
        band_max,
        verdict,
    }
}

/// Checks a speaking rate the user chose.
pub fn validate_words_per_minute(words_per_minute: u32) -> Result<u32> {
    if (MIN_WORDS_PER_MINUTE..=MAX_WORDS_PER_MINUTE).contains(&words_per_minute) {
        Ok(words_per_minute)
    } else {
        Err(Error::invalid(
            "wordsPerMinute",
            format!(
                "A speaking rate is between {MIN_WORDS_PER_MINUTE} and {MAX_WORDS_PER_MINUTE} \
                 words a minute; most people speak at about {DEFAULT_WORDS_PER_MINUTE}."
            ),
        ))
    }
}
