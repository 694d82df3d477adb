//! The note telling a referrer that their introduction helped.

use super::phrasing::{mid_sentence, Parts};
use super::{Draft, ThankYouMedium};

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
