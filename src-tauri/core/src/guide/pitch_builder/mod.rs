//! The guided pitch builder: the guide's prompts — who you are, one concrete thing you did, what
//! you are exploring and why, what you bring, what you are asking for — put together into a
//! draft for an audience, with a checklist of what is missing and the spoken length against the
//! audience's band. The user edits the draft and saves it as a pitch.

use serde::{Deserialize, Serialize};

mod audiences;

pub use audiences::{preset, Audience, AudiencePreset, AUDIENCES, MOST_SECONDS};

use crate::guide::speech::{self, Timing, Verdict};

/// The answers to the guide's prompts, as typed (any may be empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PitchPrompts {
    pub audience: Audience,
    pub name: String,
    /// "third-year", "senior", "recent graduate".
    pub year: String,
    pub school: String,
    pub field: String,
    /// One concrete thing you did.
    pub example: String,
    pub exploring: String,
    pub why: String,
    pub bring: String,
    pub ask: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Who,
    Example,
    Exploring,
    Bring,
    Ask,
    Length,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    pub part: Part,
    pub ok: bool,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BuiltPitch {
    pub text: String,
    pub title: String,
    pub timing: Timing,
    pub checklist: Vec<Check>,
}

/// A prompt's answer as a clause: trimmed, without the full stop the sentence adds.
fn clause(text: &str) -> &str {
    text.trim()
        .trim_end_matches(['.', '!', ';', ','])
        .trim_end()
}

/// A clause as a sentence of its own: capitalised, with its full stop (a question keeps its
/// question mark).
fn sentence(text: &str) -> String {
    let text = text.trim();
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut out: String = first.to_uppercase().chain(chars).collect();
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// "a third-year student at State University studying computer science".
fn who_clause(prompts: &PitchPrompts) -> String {
    let (year, school, field) = (
        clause(&prompts.year),
        clause(&prompts.school),
        clause(&prompts.field),
    );
    let mut who = String::new();
    if !year.is_empty() {
        let article = if year.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']) {
            "an"
        } else {
            "a"
        };
        let student = if year.to_lowercase().contains("student")
            || year.to_lowercase().contains("graduate")
        {
            ""
        } else {
            " student"
        };
        who.push_str(&format!("{article} {year}{student}"));
    } else if !school.is_empty() || !field.is_empty() {
        who.push_str("a student");
    }
    if !school.is_empty() {
        who.push_str(&format!(" at {school}"));
    }
    if !field.is_empty() {
        who.push_str(&format!(" studying {field}"));
    }
    who
}

fn opener(audience: Audience) -> &'static str {
    match audience {
        Audience::CareerFair => "Hi, I'm",
        Audience::InformationalInterview => "Thank you for making the time. I'm",
        Audience::Professor => "Hello, I'm",
        Audience::Chance => "Nice to meet you — I'm",
    }
}

/// Puts the answers together in the guide's order.
pub fn draft(prompts: &PitchPrompts) -> String {
    let mut sentences = Vec::new();
    let name = clause(&prompts.name);
    let who = who_clause(prompts);
    match (name.is_empty(), who.is_empty()) {
        (false, false) => sentences.push(format!("{} {name}, {who}.", opener(prompts.audience))),
        (false, true) => sentences.push(format!("{} {name}.", opener(prompts.audience))),
        (true, false) => sentences.push(format!("{} {who}.", opener(prompts.audience))),
        (true, true) => {}
    }
    if !clause(&prompts.example).is_empty() {
        sentences.push(sentence(clause(&prompts.example)));
    }
    let (exploring, why) = (clause(&prompts.exploring), clause(&prompts.why));
    match (exploring.is_empty(), why.is_empty()) {
        (false, false) => sentences.push(format!("I'm exploring {exploring}, because {why}.")),
        (false, true) => sentences.push(format!("I'm exploring {exploring}.")),
        (true, false) => sentences.push(sentence(why)),
        (true, true) => {}
    }
    if !clause(&prompts.bring).is_empty() {
        sentences.push(format!("I bring {}.", clause(&prompts.bring)));
    }
    if !prompts.ask.trim().is_empty() {
        sentences.push(sentence(&prompts.ask));
    }
    sentences.join(" ")
}

/// What the draft still lacks, part by part, and whether its length fits the audience.
pub fn checklist(prompts: &PitchPrompts, timing: &Timing) -> Vec<Check> {
    let check = |part, ok: bool, yes: &str, no: &str| Check {
        part,
        ok,
        message: (if ok { yes } else { no }).to_string(),
    };
    let filled = |text: &str| !clause(text).is_empty();
    let length = match timing.verdict {
        Verdict::WithinBand => check(
            Part::Length,
            true,
            &format!(
                "About {:.0} s: within {}-{} s.",
                timing.seconds, timing.band_min, timing.band_max
            ),
            "",
        ),
        Verdict::TooShort => check(
            Part::Length,
            false,
            "",
            &format!(
                "About {:.0} s: a little more, to reach {}-{} s.",
                timing.seconds, timing.band_min, timing.band_max
            ),
        ),
        Verdict::TooLong if timing.seconds > MOST_SECONDS => check(
            Part::Length,
            false,
            "",
            &format!(
                "About {:.0} s: over a minute — cut it to {}-{} s.",
                timing.seconds, timing.band_min, timing.band_max
            ),
        ),
        Verdict::TooLong => check(
            Part::Length,
            false,
            "",
            &format!(
                "About {:.0} s: longer than this audience has — aim for {}-{} s.",
                timing.seconds, timing.band_min, timing.band_max
            ),
        ),
    };
    vec![
        check(
            Part::Who,
            filled(&prompts.name) && (filled(&prompts.school) || filled(&prompts.field)),
            "Says who you are.",
            "Say who you are: your name, and your school or field.",
        ),
        check(
            Part::Example,
            filled(&prompts.example),
            "Has a concrete example.",
            "Add one concrete thing you did: a project, a job, a result.",
        ),
        check(
            Part::Exploring,
            filled(&prompts.exploring),
            "Says what you are exploring.",
            "Say what you are exploring, and why.",
        ),
        check(
            Part::Bring,
            filled(&prompts.bring),
            "Says what you bring.",
            "Say what you bring: a skill, an experience, an interest.",
        ),
        check(
            Part::Ask,
            filled(&prompts.ask),
            "Ends with an ask.",
            "End with an ask — they cannot help if they do not know how.",
        ),
        length,
    ]
}

/// The draft for `prompts`, timed at `words_per_minute` against the audience's band.
pub fn build(prompts: &PitchPrompts, words_per_minute: u32) -> BuiltPitch {
    let preset = preset(prompts.audience);
    let text = draft(prompts);
    let timing =
        speech::timing_in_band(&text, (preset.band_min, preset.band_max), words_per_minute);
    let name = clause(&prompts.name);
    let title = if name.is_empty() {
        preset.short.to_string()
    } else {
        format!("{} — {name}", preset.short)
    };
    BuiltPitch {
        checklist: checklist(prompts, &timing),
        text,
        title,
        timing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn maya() -> PitchPrompts {
        PitchPrompts {
            audience: Audience::CareerFair,
            name: "Maya Chen".into(),
            year: "third-year".into(),
            school: "State University".into(),
            field: "computer science".into(),
            example: "last summer I built the volunteer scheduling app our food bank still uses."
                .into(),
            exploring: "user research roles".into(),
            why: "I liked watching people use what I built more than building it".into(),
            bring: "code, and patience with users".into(),
            ask: "What does your team look for in interns?".into(),
        }
    }

    #[test]
    fn the_prompts_become_a_pitch_in_the_guides_order() {
        assert_eq!(
            draft(&maya()),
            "Hi, I'm Maya Chen, a third-year student at State University studying computer science. \
             Last summer I built the volunteer scheduling app our food bank still uses. \
             I'm exploring user research roles, because I liked watching people use what I built more than building it. \
             I bring code, and patience with users. What does your team look for in interns?"
        );
    }

    #[test]
    fn the_audience_sets_the_opening_and_the_band() {
        let prompts = PitchPrompts {
            audience: Audience::InformationalInterview,
            ..maya()
        };
        let built = build(&prompts, 140);
        assert!(built
            .text
            .starts_with("Thank you for making the time. I'm Maya Chen"));
        assert_eq!((built.timing.band_min, built.timing.band_max), (45, 60));
        assert_eq!(built.title, "Informational interview — Maya Chen");
    }

    #[test]
    fn the_checklist_flags_a_missing_ask_and_example() {
        let prompts = PitchPrompts {
            ask: String::new(),
            example: "  ".into(),
            ..maya()
        };
        let built = build(&prompts, 140);
        let missing: Vec<Part> = built
            .checklist
            .iter()
            .filter(|c| !c.ok)
            .map(|c| c.part)
            .collect();
        assert!(
            missing.contains(&Part::Ask) && missing.contains(&Part::Example),
            "{missing:?}"
        );
        assert!(!built.text.contains("  "));
    }

    #[test]
    fn over_sixty_seconds_is_flagged_whatever_the_audience() {
        let long = PitchPrompts {
            audience: Audience::Professor,
            bring: "many things ".repeat(80),
            ..maya()
        };
        let built = build(&long, 140);
        let length = built
            .checklist
            .iter()
            .find(|c| c.part == Part::Length)
            .unwrap();
        assert!(!length.ok);
        assert!(
            length.message.contains("over a minute"),
            "{}",
            length.message
        );
    }

    #[test]
    fn nothing_typed_gives_an_empty_draft_with_everything_to_do() {
        let built = build(&PitchPrompts::default(), 140);
        assert_eq!(built.text, "");
        assert!(built.checklist.iter().all(|c| !c.ok));
        assert_eq!(built.title, "Career fair");
    }
}
