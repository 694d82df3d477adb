//! The thank-you note sent within 24 hours of a meeting, by email, card, LinkedIn or text.

use super::phrasing::{mid_sentence, Parts};
use super::{Draft, ThankYouMedium};

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
