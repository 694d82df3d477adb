//! The drafters follow the guide: a meeting request is a short paragraph that says who you are,
//! why your interests connect and why them, asks for 30 minutes and offers a few times; a
//! thank-you says what helped; and every gap or overgrown draft is named in a warning.

use rapport_core::guide::drafts::{
    draft_follow_up, draft_referrer_update, draft_request, draft_thank_you, DraftMedium,
    RequestDraftInput, ThankYouMedium, LINKEDIN_NOTE_CHARS,
};

fn request(medium: DraftMedium) -> RequestDraftInput {
    RequestDraftInput {
        my_name: "Sam Lee".into(),
        who_i_am: "a junior studying economics at Simmons".into(),
        their_name: "Ms. Hopper".into(),
        connection: "Ada Lovelace suggested I reach out".into(),
        why_them: "I would like to learn how you moved from research into urban planning".into(),
        slots: vec![
            "Tuesday, March 10 after 2 pm".into(),
            "Thursday, March 12 in the morning".into(),
        ],
        medium,
    }
}

#[test]
fn an_email_request_has_a_subject_the_ask_the_slots_and_both_names() {
    let draft = draft_request(&request(DraftMedium::Email));
    assert_eq!(
        draft.subject.as_deref(),
        Some("Informational interview request from Sam Lee")
    );
    let body = &draft.body;
    assert!(body.starts_with("Dear Ms. Hopper,\n\n"), "{body}");
    assert!(body.contains(
        "My name is Sam Lee, and I am a junior studying economics at Simmons. \
         Ada Lovelace suggested I reach out. \
         I would like to learn how you moved from research into urban planning."
    ));
    assert!(body.contains(
        "I would love to connect in person or over the phone for 30 minutes to learn more about what you do."
    ));
    assert!(body.contains(
        "I am available Tuesday, March 10 after 2 pm or Thursday, March 12 in the morning. I am also happy"
    ));
    assert!(body.ends_with("\nSam Lee"), "signed: {body}");
    assert!(draft.warnings.is_empty(), "{:?}", draft.warnings);
    assert_eq!(draft.words, body.split_whitespace().count());
}

#[test]
fn a_linkedin_request_is_short_and_has_no_subject() {
    let mut input = request(DraftMedium::LinkedIn);
    input.slots = vec!["Tue 3/10 pm".into(), "Thu 3/12 am".into()];
    input.why_them = "Your path into planning interests me".into();
    let draft = draft_request(&input);
    assert_eq!(draft.subject, None);
    assert!(draft
        .body
        .starts_with("Hi Ms. Hopper, I'm Sam Lee, a junior"));
    assert!(draft.body.contains("30 minutes"));
    assert!(draft
        .body
        .contains("Would Tue 3/10 pm or Thu 3/12 am suit you?"));
    assert!(
        draft.body.chars().count() <= LINKEDIN_NOTE_CHARS,
        "{} chars",
        draft.body.chars().count()
    );
    assert!(draft.warnings.is_empty(), "{:?}", draft.warnings);
    assert!(draft.words < draft_request(&request(DraftMedium::Email)).words);
}

#[test]
fn a_linkedin_note_over_300_characters_warns() {
    let mut input = request(DraftMedium::LinkedIn);
    input.why_them = "I have read your articles on transit-oriented development and would love to \
                      hear how you decide which neighbourhoods to study first"
        .into();
    let draft = draft_request(&input);
    assert!(draft.body.chars().count() > 300);
    assert_eq!(draft.warnings.len(), 1, "{:?}", draft.warnings);
    assert!(draft.warnings[0].contains("300"));
}

#[test]
fn a_phone_script_says_who_calls_whom_and_asks_for_the_number() {
    let draft = draft_request(&request(DraftMedium::Phone));
    let body = &draft.body;
    assert_eq!(draft.subject, None);
    assert!(body.starts_with("Hello, this is Sam Lee. May I speak with Ms. Hopper?"));
    assert!(body.contains("I am a junior studying economics at Simmons."));
    assert!(body.contains("for 30 minutes"));
    assert!(body.contains("Tuesday, March 10 after 2 pm"));
    assert!(body.contains("I will call you then. What is the best number to reach you?"));
    assert!(draft.warnings.is_empty(), "{:?}", draft.warnings);
}

#[test]
fn every_empty_part_is_named_and_left_visible() {
    let draft = draft_request(&RequestDraftInput::default());
    let warnings = draft.warnings.join("\n");
    for part in [
        "your name",
        "who you are",
        "name of the person",
        "why your interests connect",
        "why you want to learn from them",
        "dates and times",
    ] {
        assert!(
            warnings.contains(part),
            "no warning about {part}: {warnings}"
        );
    }
    assert!(draft.body.contains("[who you are]"));
    assert_eq!(
        draft.subject.as_deref(),
        Some("Informational interview request")
    );
}

#[test]
fn one_missing_part_gives_one_warning() {
    let mut input = request(DraftMedium::Email);
    input.why_them = "   ".into();
    let draft = draft_request(&input);
    assert_eq!(
        draft.warnings,
        ["Add why you want to learn from them."],
        "names just the missing part"
    );
}

#[test]
fn a_request_that_outgrows_a_short_paragraph_warns() {
    let mut input = request(DraftMedium::Email);
    input.why_them = "I am curious about your work ".repeat(25);
    let draft = draft_request(&input);
    assert_eq!(draft.warnings.len(), 1, "{:?}", draft.warnings);
    assert!(draft.warnings[0].contains("short paragraph"));
    assert!(draft.warnings[0].contains("120"));
}

#[test]
fn typed_punctuation_and_line_breaks_do_not_double_up() {
    let mut input = request(DraftMedium::Email);
    input.my_name = "Sam\nLee".into();
    input.connection = "ada suggested I reach out.".into();
    input.who_i_am = "I'm a junior at Simmons.".into();
    let draft = draft_request(&input);
    assert_eq!(
        draft.subject.as_deref(),
        Some("Informational interview request from Sam Lee")
    );
    assert!(draft.body.contains(
        "My name is Sam Lee. I'm a junior at Simmons. Ada suggested I reach out. I would"
    ));
}

#[test]
fn a_thank_you_mentions_what_helped_in_every_medium() {
    for medium in [
        ThankYouMedium::Email,
        ThankYouMedium::HandwrittenCard,
        ThankYouMedium::LinkedIn,
        ThankYouMedium::Text,
    ] {
        let draft = draft_thank_you(
            "Grace",
            "Sam",
            "Your advice to join the regional planning association.",
            medium,
            false,
        );
        assert!(
            draft.body.contains(
                "I especially appreciated your advice to join the regional planning association"
            ),
            "{medium:?}: {}",
            draft.body
        );
        assert!(draft.body.contains("Grace") && draft.body.contains("Sam"));
        assert!(
            draft.warnings.is_empty(),
            "{medium:?}: {:?}",
            draft.warnings
        );
        assert_eq!(draft.subject.is_some(), medium == ThankYouMedium::Email);
    }
}

#[test]
fn a_card_is_short_and_a_text_is_one_or_two_sentences() {
    let card = draft_thank_you(
        "Grace",
        "Sam",
        "your story",
        ThankYouMedium::HandwrittenCard,
        false,
    );
    let email = draft_thank_you("Grace", "Sam", "your story", ThankYouMedium::Email, false);
    assert!(card.words < email.words);
    assert!(card.body.contains("Warmly,"));
    let text = draft_thank_you("Grace", "Sam", "your story", ThankYouMedium::Text, false);
    let sentences = text.body.matches(['.', '!', '?']).count();
    assert!(sentences <= 2, "{}", text.body);
}

#[test]
fn after_a_formal_interview_a_text_or_linkedin_thank_you_warns() {
    for medium in [ThankYouMedium::Text, ThankYouMedium::LinkedIn] {
        let draft = draft_thank_you("Mr. Babbage", "Sam Lee", "the team tour", medium, true);
        assert_eq!(draft.warnings.len(), 1, "{medium:?}");
        assert!(draft.warnings[0].contains("email or as a handwritten card"));
    }
    for medium in [ThankYouMedium::Email, ThankYouMedium::HandwrittenCard] {
        let draft = draft_thank_you("Mr. Babbage", "Sam Lee", "the team tour", medium, true);
        assert!(draft.warnings.is_empty(), "{medium:?}");
    }
    let formal = draft_thank_you(
        "Mr. Babbage",
        "Sam Lee",
        "the team tour",
        ThankYouMedium::Email,
        true,
    );
    assert!(formal.body.contains("Sincerely,\nSam Lee"));
}

#[test]
fn a_thank_you_without_what_helped_asks_for_it() {
    let draft = draft_thank_you("Grace", "Sam", "", ThankYouMedium::Email, false);
    assert!(draft.body.contains("[what was particularly helpful]"));
    assert_eq!(
        draft.warnings,
        ["Mention what was particularly helpful from your meeting."]
    );
}

#[test]
fn a_long_text_message_warns() {
    let draft = draft_thank_you(
        "Grace",
        "Sam",
        &"how you explained zoning hearings and ".repeat(10),
        ThankYouMedium::Text,
        false,
    );
    assert_eq!(draft.warnings.len(), 1);
    assert!(draft.warnings[0].contains("one or two sentences"));
}

#[test]
fn a_follow_up_reports_progress_and_offers_help_back() {
    let email = draft_follow_up(
        "Grace",
        "Sam",
        "I joined the student chapter of the planning association",
        DraftMedium::Email,
    );
    assert_eq!(email.subject.as_deref(), Some("An update since we spoke"));
    assert!(email
        .body
        .contains("Since we spoke, I joined the student chapter of the planning association."));
    assert!(email.body.contains("anything I can do to help"));
    assert!(email.warnings.is_empty());

    let call = draft_follow_up("Grace", "Sam", "I took your advice", DraftMedium::Phone);
    assert!(call.body.starts_with("Hi Grace, this is Sam."));
    assert_eq!(call.subject, None);

    let empty = draft_follow_up("Grace", "Sam", "", DraftMedium::LinkedIn);
    assert_eq!(empty.warnings.len(), 1);
    assert!(empty.warnings[0].contains("what you have done since"));
}

#[test]
fn a_referrer_hears_that_the_introduction_helped() {
    let draft = draft_referrer_update(
        "Ada",
        "Sam",
        "Grace Hopper",
        "She walked me through how a planning department works with developers.",
        ThankYouMedium::Email,
    );
    assert_eq!(
        draft.subject.as_deref(),
        Some("Thank you for introducing me to Grace Hopper")
    );
    assert!(draft.body.starts_with("Dear Ada,"));
    assert!(draft.body.contains(
        "I spoke with Grace Hopper, and it helped a great deal: she walked me through how a \
         planning department works with developers. Thank you"
    ));
    assert!(draft.warnings.is_empty());

    let text = draft_referrer_update("Ada", "Sam", "Grace", "", ThankYouMedium::Text);
    assert_eq!(text.warnings, ["Say how the conversation helped."]);
}

#[test]
fn mediums_serialize_as_the_ui_names_them() {
    assert_eq!(
        serde_json::to_string(&DraftMedium::LinkedIn).unwrap(),
        "\"linkedin\""
    );
    assert_eq!(
        serde_json::to_string(&ThankYouMedium::HandwrittenCard).unwrap(),
        "\"handwritten_card\""
    );
    let input: RequestDraftInput = serde_json::from_str(
        r#"{"myName":"Sam","theirName":"Grace","slots":["Mon"],"medium":"phone"}"#,
    )
    .unwrap();
    assert_eq!(input.medium, DraftMedium::Phone);
    assert_eq!(input.who_i_am, "");
}
