//! Drafts of the messages the guide asks a student to send: the request for an informational
//! interview, the thank-you note, the planned follow-up, the note telling a referrer that
//! their introduction helped, and the note telling someone close what you are exploring. Pure functions: a draft is a starting point the user edits, so
//! nothing here is stored.
//!
//! Every draft is plain text. Each piece of the user's text is collapsed onto one line (so a
//! name can never break a subject line or a `mailto:` link); a UI must still show drafts as text,
//! never as markup. A missing part is left as a visible `[placeholder]` and named in `warnings`,
//! so an unfinished draft cannot pass for a finished one.

use serde::{Deserialize, Serialize};

mod exploring;
mod follow_up;
mod phrasing;
mod referrer;
mod request;
mod thank_you;

pub use exploring::draft_exploring;
pub use follow_up::draft_follow_up;
pub use referrer::draft_referrer_update;
pub use request::draft_request;
pub use thank_you::draft_thank_you;

/// The guide: "in no more than a short paragraph". Past this, the paragraph is no longer short
/// (and, read aloud on the phone, runs near a minute).
pub const MAX_PARAGRAPH_WORDS: usize = 120;

/// LinkedIn limits the note sent with a connection request to 300 characters.
pub const LINKEDIN_NOTE_CHARS: usize = 300;

/// A text message is one or two sentences; two phone-screen messages at most.
pub const TEXT_MESSAGE_CHARS: usize = 320;

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
