//! The note telling someone of the natural network what the user is exploring: "let everyone
//! know what you are looking for". It is drafted from the user's chosen pitch, without the
//! pitch's self-introduction (they know who you are), and ends with the guide's ask: who else
//! should I talk to?

use super::phrasing::{one_line, Parts};
use super::{Draft, ThankYouMedium};

/// The pitch without its first sentence when that sentence introduces the speaker ("Hi, I'm
/// Maya..."): friends and family know who you are.
fn without_introduction(pitch: &str) -> String {
    let pitch = one_line(pitch);
    let first_end = pitch.find(['.', '!', '?']).map(|i| i + 1);
    let introduces = [
        "hi",
        "hello",
        "i'm",
        "i am",
        "my name",
        "thank you",
        "nice to meet",
    ]
    .iter()
    .any(|start| pitch.to_lowercase().starts_with(start));
    match first_end {
        Some(end) if introduces && end < pitch.len() => pitch[end..].trim().to_string(),
        _ => pitch,
    }
}

/// `name` is how the note greets them ("Lucía", "Aunt Lucía").
pub fn draft_exploring(
    name: &str,
    my_name: &str,
    pitch: Option<&str>,
    medium: ThankYouMedium,
) -> Draft {
    let mut parts = Parts::default();
    let first = parts.required(name, "their name", "Add their name.");
    let my_name = parts.required(
        my_name,
        "your name",
        "Add your name (your own card, under People).",
    );
    let what = match pitch.map(without_introduction).filter(|p| !p.is_empty()) {
        Some(what) => what,
        None => parts.required(
            "",
            "what you are exploring and why",
            "Say what you are exploring, or write a pitch under Pitches to draft it from.",
        ),
    };
    let ask = "Do you know anyone I should talk to? An introduction would mean a lot.";
    match medium {
        ThankYouMedium::Email | ThankYouMedium::HandwrittenCard => {
            let main = format!("I wanted to tell you what I have been working towards. {what}");
            let body = format!(
                "Dear {first},\n\nI hope you are well! {main}\n\n{ask}\n\nWarmly,\n{my_name}"
            );
            parts.check_paragraph("The note", &main);
            let subject =
                (medium == ThankYouMedium::Email).then(|| "What I'm exploring".to_string());
            parts.finish(subject, body)
        }
        ThankYouMedium::LinkedIn => {
            let body =
                format!("Hi {first}, I hope you are well! {what}\n\n{ask}\n\nBest,\n{my_name}");
            parts.check_paragraph("The message", &what);
            parts.finish(None, body)
        }
        ThankYouMedium::Text => {
            let body = format!("Hi {first}, it's {my_name}! {what} {ask}");
            parts.check_text(&body);
            parts.finish(None, body)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pitch_is_told_without_its_self_introduction() {
        let draft = draft_exploring(
            "Aunt Lucía",
            "Maya",
            Some("Hi, I'm Maya Chen, a third-year student. I'm exploring user research roles."),
            ThankYouMedium::Email,
        );
        assert!(draft.body.starts_with("Dear Aunt Lucía,"), "{}", draft.body);
        assert!(
            draft.body.contains("I'm exploring user research roles."),
            "{}",
            draft.body
        );
        assert!(!draft.body.contains("Hi, I'm Maya"), "{}", draft.body);
        assert!(draft.body.contains("Do you know anyone I should talk to?"));
        assert!(draft.warnings.is_empty(), "{:?}", draft.warnings);
    }

    #[test]
    fn without_a_pitch_the_gap_is_shown_and_named() {
        let draft = draft_exploring("Sam", "Maya", None, ThankYouMedium::Text);
        assert!(
            draft.body.contains("[what you are exploring and why]"),
            "{}",
            draft.body
        );
        assert_eq!(draft.warnings.len(), 1);
    }
}
