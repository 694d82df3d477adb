//! The follow-up planned after a meeting: thanks again, what the user has done since, and an
//! offer to help in return.

use super::phrasing::{mid_sentence, Parts};
use super::{Draft, DraftMedium};

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
