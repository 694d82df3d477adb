//! The guide's follow-up rules for meetings, as pure functions of times and facts: the thank-you
//! after a meeting or a formal interview, the follow-up promised in it, telling the referrer. The
//! store applies them when a meeting is held or a referral is used; each follow-up a rule makes
//! carries an origin key so that applying the rule again updates it instead of adding one. The
//! keep-in-touch rule lives below, in `followups::keep_in_touch`, since any interaction restarts it.

use chrono::{DateTime, Duration, Utc};

use crate::guide::meetings::MeetingKind;

/// "Send a thank you note within 24 hours": the reminder comes a couple of hours after the
/// meeting, well inside the window, so there is still time to write it.
pub const THANK_YOU_NUDGE: Duration = Duration::hours(2);
/// After an informational interview or meeting, the thank-you is due within this.
pub const THANK_YOU_WITHIN: Duration = Duration::hours(24);
/// "After an interview, always send a follow up thank you to an employer 24-48 hours after."
pub const JOB_INTERVIEW_THANK_YOU_FROM: Duration = Duration::hours(24);
pub const JOB_INTERVIEW_THANK_YOU_BY: Duration = Duration::hours(48);

/// When a thank-you is due, and the deadline it must go out by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThankYouWindow {
    pub due_at: DateTime<Utc>,
    pub deadline: DateTime<Utc>,
}

pub fn thank_you_window(held_at: DateTime<Utc>, kind: MeetingKind) -> ThankYouWindow {
    match kind {
        MeetingKind::InformationalInterview => ThankYouWindow {
            due_at: held_at + THANK_YOU_NUDGE,
            deadline: held_at + THANK_YOU_WITHIN,
        },
        MeetingKind::JobInterview => ThankYouWindow {
            due_at: held_at + JOB_INTERVIEW_THANK_YOU_FROM,
            deadline: held_at + JOB_INTERVIEW_THANK_YOU_BY,
        },
    }
}

/// The medium for a thank-you: "follow your contact's lead"; after a formal interview, email or
/// a handwritten card even if the contact used something more casual.
pub fn thank_you_medium(contact_used: Option<&str>, kind: MeetingKind) -> &'static str {
    let used = contact_used.map(str::to_ascii_lowercase);
    match (kind, used.as_deref()) {
        (MeetingKind::JobInterview, Some("card" | "handwritten_card")) => "handwritten_card",
        (MeetingKind::JobInterview, _) => "email",
        (_, Some("linkedin")) => "linkedin",
        (_, Some("text" | "message" | "sms")) => "text",
        (_, Some("card" | "handwritten_card")) => "handwritten_card",
        _ => "email",
    }
}

/// Origin keys of rule-made follow-ups.
pub mod origin {
    pub fn thank_you(meeting_id: i64) -> String {
        format!("meeting:{meeting_id}:thank_you")
    }
    pub fn follow_up(meeting_id: i64) -> String {
        format!("meeting:{meeting_id}:follow_up")
    }
    pub fn inform_referrer(air_id: i64) -> String {
        format!("air:{air_id}:inform_referrer")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::time::from_db;

    #[test]
    fn an_informational_interview_is_thanked_within_24_hours() {
        let held = from_db("2026-03-02T15:00:00Z").unwrap();
        let window = thank_you_window(held, MeetingKind::InformationalInterview);
        assert!(window.due_at > held && window.due_at <= held + Duration::hours(24));
        assert_eq!(window.deadline, held + Duration::hours(24));
    }

    #[test]
    fn a_formal_job_interview_is_thanked_24_to_48_hours_after() {
        let held = from_db("2026-03-02T15:00:00Z").unwrap();
        let window = thank_you_window(held, MeetingKind::JobInterview);
        assert_eq!(window.due_at, held + Duration::hours(24));
        assert_eq!(window.deadline, held + Duration::hours(48));
    }

    #[test]
    fn the_thank_you_follows_the_contacts_medium_but_stays_formal_after_an_interview() {
        assert_eq!(
            thank_you_medium(Some("LinkedIn"), MeetingKind::InformationalInterview),
            "linkedin"
        );
        assert_eq!(
            thank_you_medium(Some("text"), MeetingKind::InformationalInterview),
            "text"
        );
        assert_eq!(
            thank_you_medium(None, MeetingKind::InformationalInterview),
            "email"
        );
        assert_eq!(
            thank_you_medium(Some("text"), MeetingKind::JobInterview),
            "email"
        );
        assert_eq!(
            thank_you_medium(Some("card"), MeetingKind::JobInterview),
            "handwritten_card"
        );
    }
}
