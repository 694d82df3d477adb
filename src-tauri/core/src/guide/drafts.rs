//! Drafts of the messages the guide asks a student to send: the request for an informational
//! interview, the thank-you note, the planned follow-up, and the note telling a referrer that
//! their introduction helped. Pure functions: a draft is a starting point the user edits, so
//! nothing here is stored.
//!
//! Every draft is plain text. Each piece of the user's text is collapsed onto one line (so a
//! name can never break a subject line or a `mailto:` link); a UI must still show drafts as text,
//! never as markup. A missing part is left as a visible `[placeholder]` and named in `warnings`,
//! so an unfinished draft cannot pass for a finished one.

use serde::{Deserialize, Serialize};

/// The guide: "in no more than a short paragraph". Past this, the paragraph is no longer short
/// (and, read aloud on the phone, runs near a minute).
pub const MAX_PARAGRAPH_WORDS: usize = 120;

/// LinkedIn limits the note sent with a connection request to 300 characters.
pub const LINKEDIN_NOTE_CHARS: usize = 300;

/// A text message is one or two sentences; two phone-screen messages at most.
pub const TEXT_MESSAGE_CHARS: usize = 320;

/// The guide's own wording for the ask, kept nearly verbatim: it is short, specific about the
/// time, and offers both ways to meet.
const THIRTY_MINUTE_ASK: &str =
    "I would love to connect in person or over the phone for 30 minutes to learn more about what you do.";

/// How a meeting request (or a planned follow-up) is made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DraftMedium {
    #[default]
    Email,
    #[serde(rename = "linkedin")]
    LinkedIn,
    /// A script to say aloud.
    Phone,
}

impl DraftMedium {
    pub fn label(self) -> &'static str {
        match self {
            DraftMedium::Email => "Email",
            DraftMedium::LinkedIn => "LinkedIn message",
            DraftMedium::Phone => "Phone call",
        }
    }
}

/// How a thank-you (or a note to a referrer) is sent. The guide: follow the contact's lead.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThankYouMedium {
    #[default]
    Email,
    HandwrittenCard,
    #[serde(rename = "linkedin")]
    LinkedIn,
    Text,
}

impl ThankYouMedium {
    pub fn label(self) -> &'static str {
        match self {
            ThankYouMedium::Email => "Email",
            ThankYouMedium::HandwrittenCard => "Handwritten card",
            ThankYouMedium::LinkedIn => "LinkedIn message",
            ThankYouMedium::Text => "Text message",
        }
    }
}

/// What the user tells the drafter for a meeting request. Each field is a phrase, not a
/// paragraph: the drafter does the joining.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RequestDraftInput {
    pub my_name: String,
    /// Reads after "I am …": "a junior studying economics at Simmons".
    pub who_i_am: String,
    /// As the user will address them: "Ms. Hopper", or "Grace" if they are on first names.
    pub their_name: String,
    /// Why their interests connect, or how the user found them: "Ada Lovelace suggested I reach
    /// out".
    pub connection: String,
    /// Why the user wants to learn from this person, as a sentence.
    pub why_them: String,
    /// A few dates and times the user is free: "Tuesday, March 10 after 2 pm".
    pub slots: Vec<String>,
    pub medium: DraftMedium,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    /// Emails only.
    pub subject: Option<String>,
    pub body: String,
    pub words: usize,
    /// What to fix before sending: missing parts, and a draft that has outgrown its medium.
    pub warnings: Vec<String>,
}

/// Drafts a request for an informational interview. The guide: in no more than a short
/// paragraph say who you are, why your interests connect and why you want to learn from them;
/// ask for 30 minutes; offer a few dates; and on the phone, agree who calls whom at what number.
pub fn draft_request(input: &RequestDraftInput) -> Draft {
    let mut parts = Parts::default();
    let my_name = parts.required(&input.my_name, "your name", "Add your name.");
    let who = parts.required(
        &input.who_i_am,
        "who you are",
        "Add who you are (for example your year, major and school).",
    );
    let their_name = parts.required(
        &input.their_name,
        "their name",
        "Add the name of the person you are contacting.",
    );
    let connection = parts.required(
        &input.connection,
        "why your interests connect",
        "Add why your interests connect, or how you found them.",
    );
    let why_them = parts.required(
        &input.why_them,
        "why you want to learn from them",
        "Add why you want to learn from them.",
    );
    let slots: Vec<String> = input
        .slots
        .iter()
        .map(|s| one_line(s).trim_end_matches([',', ';']).to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if slots.is_empty() {
        parts.warn("Offer a few dates and times when you are available.");
    }
    let why = format!("{} {}", sentence(&connection), sentence(&why_them));

    match input.medium {
        DraftMedium::Email => {
            let intro = format!(
                "{} {why} {THIRTY_MINUTE_ASK}",
                introduction(&my_name, &who, Register::Written)
            );
            let availability = if slots.is_empty() {
                "Please let me know a time that is convenient for you.".to_string()
            } else {
                format!(
                    "I am available {}. I am also happy to work around whatever is most convenient for you.",
                    either(&slots)
                )
            };
            let body = format!(
                "Dear {their_name},\n\n{intro}\n\n{availability} If a phone call suits you better, \
                 I will call you; just let me know the best number to reach you.\n\n\
                 Thank you for your time,\n{my_name}"
            );
            let subject = if input.my_name.trim().is_empty() {
                "Informational interview request".to_string()
            } else {
                format!("Informational interview request from {my_name}")
            };
            parts.check_paragraph("The introduction", &intro);
            parts.finish(Some(subject), body)
        }
        DraftMedium::LinkedIn => {
            let availability = if slots.is_empty() {
                "What time would suit you?".to_string()
            } else {
                format!("Would {} suit you?", either(&slots))
            };
            let body = format!(
                "Hi {their_name}, {} {why} Could we talk for 30 minutes, in person or by phone, so I \
                 can learn more about what you do? {availability} Thank you!",
                introduction(&my_name, &who, Register::Casual)
            );
            let chars = body.chars().count();
            if chars > LINKEDIN_NOTE_CHARS {
                parts.warn(format!(
                    "This note is {chars} characters; LinkedIn allows {LINKEDIN_NOTE_CHARS} with a \
                     connection request. Shorten it, or send it as a message once you are connected."
                ));
            }
            parts.finish(None, body)
        }
        DraftMedium::Phone => {
            let intro = format!(
                "Hi {their_name}, thank you for taking my call. {} {why} {THIRTY_MINUTE_ASK}",
                about_me(&who)
            );
            let times = if slots.is_empty() {
                "When would be a good time for you?".to_string()
            } else {
                format!("Would one of these times work for you: {}?", either(&slots))
            };
            let body = format!(
                "Hello, this is {my_name}. May I speak with {their_name}?\n\n{intro}\n\n{times}\n\n\
                 [If they prefer the phone] I will call you then. What is the best number to reach \
                 you? [Read the number back to be sure.]\n\
                 [If they prefer to meet] Where would be most convenient for you?\n\n\
                 Thank you so much. I will send you a short note to confirm the time and place."
            );
            parts.check_paragraph("The introduction", &intro);
            parts.finish(None, body)
        }
    }
}

/// Drafts the thank-you to send within 24 hours of a meeting, mentioning what was particularly
/// beneficial. `what_helped` reads after "I especially appreciated …": "your advice to join the
/// regional planning association". After a formal (job) interview, the guide's best practice is
/// an email or a handwritten card.
pub fn draft_thank_you(
    their_name: &str,
    my_name: &str,
    what_helped: &str,
    medium: ThankYouMedium,
    formal_interview: bool,
) -> Draft {
    let mut parts = Parts::default();
    let their_name = parts.required(
        their_name,
        "their name",
        "Add the name of the person you are thanking.",
    );
    let my_name = parts.required(my_name, "your name", "Add your name.");
    let helped = parts.required(
        what_helped,
        "what was particularly helpful",
        "Mention what was particularly helpful from your meeting.",
    );
    let helped = mid_sentence(&helped);
    if formal_interview && matches!(medium, ThankYouMedium::Text | ThankYouMedium::LinkedIn) {
        parts.warn(
            "After a formal interview, send your thank-you by email or as a handwritten card.",
        );
    }
    match medium {
        ThankYouMedium::Email => {
            let main = if formal_interview {
                format!(
                    "Thank you for taking the time to meet with me. I especially appreciated {helped}. \
                     I enjoyed learning more about your work and your organization, and I look \
                     forward to hearing from you."
                )
            } else {
                format!(
                    "Thank you for taking the time to talk with me. I especially appreciated {helped}. \
                     Our conversation gave me a lot to think about, and I will keep you posted on \
                     where it leads."
                )
            };
            let sign_off = if formal_interview {
                "Sincerely"
            } else {
                "Best regards"
            };
            let body = format!("Dear {their_name},\n\n{main}\n\n{sign_off},\n{my_name}");
            parts.check_paragraph("The note", &main);
            parts.finish(Some("Thank you for your time".to_string()), body)
        }
        ThankYouMedium::HandwrittenCard => {
            let main = format!(
                "Thank you so much for your time and your generosity. I especially appreciated \
                 {helped}. It meant a great deal to me."
            );
            let sign_off = if formal_interview {
                "With thanks"
            } else {
                "Warmly"
            };
            let body = format!("Dear {their_name},\n\n{main}\n\n{sign_off},\n{my_name}");
            parts.check_paragraph("The card", &main);
            parts.finish(None, body)
        }
        ThankYouMedium::LinkedIn => {
            let main = format!(
                "Thank you for taking the time to talk with me. I especially appreciated {helped}, \
                 and I would be glad to stay in touch here."
            );
            let body = format!("Hi {their_name},\n\n{main}\n\nBest,\n{my_name}");
            parts.check_paragraph("The message", &main);
            parts.finish(None, body)
        }
        ThankYouMedium::Text => {
            let body = format!(
                "Hi {their_name}, it's {my_name}. Thank you so much for taking the time to talk with \
                 me; I especially appreciated {helped}!"
            );
            parts.check_text(&body);
            parts.finish(None, body)
        }
    }
}

/// Drafts the follow-up the user planned after a meeting with someone who genuinely wanted to
/// help: a thank-you again, what the user has done since (ideally with their advice), and an
/// offer to help in return, because networking is a two-way street. `update` reads after
/// "Since we spoke, …": "I joined the student chapter of the planning association".
pub fn draft_follow_up(
    their_name: &str,
    my_name: &str,
    update: &str,
    medium: DraftMedium,
) -> Draft {
    let mut parts = Parts::default();
    let their_name = parts.required(
        their_name,
        "their name",
        "Add the name of the person you are following up with.",
    );
    let my_name = parts.required(my_name, "your name", "Add your name.");
    let update = parts.required(
        update,
        "what you have done since",
        "Say what you have done since you spoke, ideally with their advice.",
    );
    let update = mid_sentence(&update);
    match medium {
        DraftMedium::Email => {
            let main = format!(
                "I hope you are doing well. I wanted to follow up on our conversation and thank you \
                 again for your advice. Since we spoke, {update}."
            );
            let body = format!(
                "Dear {their_name},\n\n{main}\n\nI would love to hear how things are going for you, \
                 and if there is ever anything I can do to help, please let me know.\n\n\
                 Best regards,\n{my_name}"
            );
            parts.check_paragraph("The update", &main);
            parts.finish(Some("An update since we spoke".to_string()), body)
        }
        DraftMedium::LinkedIn => {
            let main = format!(
                "I hope you are well! I wanted to follow up on our conversation: since we spoke, \
                 {update}. Thank you again for your advice. How are things on your side?"
            );
            let body = format!("Hi {their_name},\n\n{main}\n\nBest,\n{my_name}");
            parts.check_paragraph("The message", &main);
            parts.finish(None, body)
        }
        DraftMedium::Phone => {
            let main = format!(
                "Hi {their_name}, this is {my_name}. We spoke a little while ago about your work, and \
                 I wanted to follow up and thank you again for your advice. Since we spoke, {update}. \
                 How have things been on your side?"
            );
            let body = format!(
                "{main}\n\n[Before you hang up] Is there anything I can do for you? Thank you again; \
                 I will keep you posted."
            );
            parts.check_paragraph("The opening", &main);
            parts.finish(None, body)
        }
    }
}

/// Drafts the quick note the guide asks for when a contact referred the user to someone who
/// helped: tell the referrer it helped. `how_it_helped` reads after a colon: "she walked me
/// through how a planning department works with developers".
pub fn draft_referrer_update(
    referrer_name: &str,
    my_name: &str,
    referred_name: &str,
    how_it_helped: &str,
    medium: ThankYouMedium,
) -> Draft {
    let mut parts = Parts::default();
    let referrer = parts.required(
        referrer_name,
        "who referred you",
        "Add the name of the person who referred you.",
    );
    let my_name = parts.required(my_name, "your name", "Add your name.");
    let referred = parts.required(
        referred_name,
        "who you spoke with",
        "Add the name of the person they referred you to.",
    );
    let how = parts.required(
        how_it_helped,
        "how it helped",
        "Say how the conversation helped.",
    );
    let how = mid_sentence(&how);
    match medium {
        ThankYouMedium::Email => {
            let main = format!(
                "I wanted to let you know that I spoke with {referred}, and it helped a great deal: \
                 {how}. Thank you so much for putting us in touch."
            );
            let body = format!("Dear {referrer},\n\n{main}\n\nBest regards,\n{my_name}");
            parts.check_paragraph("The note", &main);
            parts.finish(
                Some(format!("Thank you for introducing me to {referred}")),
                body,
            )
        }
        ThankYouMedium::HandwrittenCard => {
            let main = format!(
                "Thank you for introducing me to {referred}. Our conversation helped a great deal: \
                 {how}. I am so grateful."
            );
            let body = format!("Dear {referrer},\n\n{main}\n\nWarmly,\n{my_name}");
            parts.check_paragraph("The card", &main);
            parts.finish(None, body)
        }
        ThankYouMedium::LinkedIn => {
            let main = format!(
                "I wanted to let you know that I spoke with {referred}, and it helped a great deal: \
                 {how}. Thank you for putting us in touch!"
            );
            let body = format!("Hi {referrer},\n\n{main}\n\nBest,\n{my_name}");
            parts.check_paragraph("The message", &main);
            parts.finish(None, body)
        }
        ThankYouMedium::Text => {
            let body = format!(
                "Hi {referrer}, it's {my_name}. I talked with {referred} and it really helped: {how}. \
                 Thank you for connecting us!"
            );
            parts.check_text(&body);
            parts.finish(None, body)
        }
    }
}

/// Collects the warnings of one draft.
#[derive(Default)]
struct Parts {
    warnings: Vec<String>,
}

impl Parts {
    /// The part on one line, or a visible placeholder (and a warning) when it is empty.
    fn required(&mut self, value: &str, placeholder: &str, warning: &str) -> String {
        let value = one_line(value);
        if value.is_empty() {
            self.warn(warning);
            format!("[{placeholder}]")
        } else {
            value
        }
    }

    fn warn(&mut self, warning: impl Into<String>) {
        self.warnings.push(warning.into());
    }

    fn check_paragraph(&mut self, what: &str, paragraph: &str) {
        let words = word_count(paragraph);
        if words > MAX_PARAGRAPH_WORDS {
            self.warn(format!(
                "{what} is {words} words; keep it to a short paragraph of at most \
                 {MAX_PARAGRAPH_WORDS} words."
            ));
        }
    }

    fn check_text(&mut self, body: &str) {
        let chars = body.chars().count();
        if chars > TEXT_MESSAGE_CHARS {
            self.warn(format!(
                "This text is {chars} characters; a text is one or two sentences, so keep it under \
                 {TEXT_MESSAGE_CHARS}."
            ));
        }
    }

    fn finish(self, subject: Option<String>, body: String) -> Draft {
        Draft {
            subject,
            words: word_count(&body),
            body,
            warnings: self.warnings,
        }
    }
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Collapses every run of whitespace, newlines included, into one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A phrase to embed in a sentence: without the full stop the user may have typed.
fn clause(text: &str) -> String {
    text.trim_end_matches(|c: char| matches!(c, '.' | ',' | ';' | ':') || c.is_whitespace())
        .to_string()
}

/// A phrase as a sentence of its own: capitalized, and ending in punctuation.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let mut out = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
        None => return String::new(),
    };
    let ends_sentence = |c: char| matches!(c, '.' | '!' | '?' | '…');
    let mut tail = out.chars().rev();
    let last = tail.next();
    let closing_quote = matches!(last, Some('"' | '”' | '’' | '\'' | ')'));
    let ended = match (last, closing_quote) {
        (Some(c), false) => ends_sentence(c),
        (Some(_), true) => tail.next().is_some_and(ends_sentence),
        (None, _) => false,
    };
    if !ended {
        out = clause(&out);
        out.push('.');
    }
    out
}

/// Words that start a phrase with a capital only because the user typed it as a sentence; they
/// are lowercased when the phrase goes mid-sentence. Anything else (a name, "I") is left alone.
const SENTENCE_OPENERS: &[&str] = &[
    "a", "an", "the", "your", "you", "my", "our", "his", "her", "their", "its", "this", "that",
    "these", "those", "she", "he", "they", "we", "it", "how", "what", "when", "why", "where",
    "hearing", "learning", "seeing", "talking", "getting", "knowing",
];

/// A phrase placed after other words: no final full stop, and a typed capital on a common first
/// word lowered ("Your advice" becomes "your advice"; "Ada's story" stays).
fn mid_sentence(text: &str) -> String {
    let text = clause(text);
    let first_word: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
    if SENTENCE_OPENERS.contains(&first_word.to_lowercase().as_str()) {
        let mut chars = text.chars();
        match chars.next() {
            Some(first) => first.to_lowercase().chain(chars).collect(),
            None => text,
        }
    } else {
        text
    }
}

/// "A", "A or B", "A, B or C"; with semicolons when three or more items have their own commas
/// ("Tuesday, March 10; Thursday, March 12; or Friday, March 13").
fn either(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [first, second] => format!("{first} or {second}"),
        [rest @ .., last] => {
            if items.iter().any(|item| item.contains(',')) {
                format!("{}; or {last}", rest.join("; "))
            } else {
                format!("{} or {last}", rest.join(", "))
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Register {
    Written,
    Casual,
}

/// "I am …" as written by the user, or a phrase to complete it.
fn starts_with_i_am(who: &str) -> bool {
    let lower = who.to_lowercase();
    ["i am ", "i'm ", "i’m "]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// "My name is Sam Lee, and I am a junior studying economics at Simmons."
fn introduction(my_name: &str, who: &str, register: Register) -> String {
    match (register, starts_with_i_am(who)) {
        (Register::Written, true) => format!("My name is {my_name}. {}", sentence(who)),
        (Register::Written, false) => {
            format!("My name is {my_name}, and I am {}.", mid_sentence(who))
        }
        (Register::Casual, true) => format!("I'm {my_name}. {}", sentence(who)),
        (Register::Casual, false) => format!("I'm {my_name}, {}.", mid_sentence(who)),
    }
}

/// "I am a junior studying economics at Simmons." (the name was already said).
fn about_me(who: &str) -> String {
    if starts_with_i_am(who) {
        sentence(who)
    } else {
        format!("I am {}.", mid_sentence(who))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_become_sentences_once() {
        assert_eq!(
            sentence("ada suggested I reach out"),
            "Ada suggested I reach out."
        );
        assert_eq!(
            sentence("Ada suggested I reach out."),
            "Ada suggested I reach out."
        );
        assert_eq!(sentence("Is that all right?"), "Is that all right?");
        assert_eq!(sentence("She said \"go.\""), "She said \"go.\"");
        assert_eq!(sentence("trailing comma,"), "Trailing comma.");
    }

    #[test]
    fn mid_sentence_lowers_common_openers_but_not_names() {
        assert_eq!(
            mid_sentence("Your advice on portfolios."),
            "your advice on portfolios"
        );
        assert_eq!(mid_sentence("Ada's story"), "Ada's story");
        assert_eq!(mid_sentence("I joined the club"), "I joined the club");
    }

    #[test]
    fn lists_read_naturally() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(either(&s(&["Mon"])), "Mon");
        assert_eq!(either(&s(&["Mon", "Tue", "Wed"])), "Mon, Tue or Wed");
        assert_eq!(
            either(&s(&["Tuesday, March 10", "Friday, March 13"])),
            "Tuesday, March 10 or Friday, March 13"
        );
        assert_eq!(
            either(&s(&["Mon, 9 am", "Tue, noon", "Fri, 4 pm"])),
            "Mon, 9 am; Tue, noon; or Fri, 4 pm"
        );
    }

    #[test]
    fn user_text_is_kept_on_one_line() {
        assert_eq!(one_line("Sam\r\nBcc: x@y.z  Lee"), "Sam Bcc: x@y.z Lee");
    }
}
