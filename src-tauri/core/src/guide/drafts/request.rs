//! The request for an informational interview: who you are, why your interests connect, 30
//! minutes, a few dates; as an email, a LinkedIn note or a phone script.

use super::phrasing::{about_me, either, introduction, one_line, sentence, Parts, Register};
use super::{Draft, DraftMedium, RequestDraftInput, LINKEDIN_NOTE_CHARS};

/// The guide's own wording for the ask, kept nearly verbatim: it is short, specific about the
/// time, and offers both ways to meet.
const THIRTY_MINUTE_ASK: &str =
    "I would love to connect in person or over the phone for 30 minutes to learn more about what you do.";

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
