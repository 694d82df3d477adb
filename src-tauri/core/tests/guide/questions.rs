//! The question bank: a seed worth asking from, in the order of a conversation, that never asks
//! for a job; and the user's own questions beside it, with nothing built in ever lost.

use crate::common::{clock_at, memory_store};
use rapport_core::guide::questions::{Question, QuestionTheme};
use rapport_core::Store;

fn store() -> Store {
    memory_store(&clock_at("2026-03-01T12:00:00Z"))
}

fn of_theme(questions: &[Question], theme: QuestionTheme) -> Vec<&str> {
    questions
        .iter()
        .filter(|q| q.theme == theme)
        .map(|q| q.text.as_str())
        .collect()
}

#[test]
fn the_seed_has_plenty_of_questions_in_every_theme() {
    let questions = store().questions().unwrap();
    assert!(
        questions.len() >= 48,
        "only {} questions seeded",
        questions.len()
    );
    for theme in QuestionTheme::ALL {
        assert!(
            of_theme(&questions, theme).len() >= 8,
            "{} has too few questions",
            theme.label()
        );
    }
    assert!(questions.iter().all(|q| q.builtin));
}

#[test]
fn questions_come_theme_by_theme_in_conversation_order() {
    let questions = store().questions().unwrap();
    let mut themes: Vec<QuestionTheme> = questions.iter().map(|q| q.theme).collect();
    themes.dedup();
    assert_eq!(
        themes,
        QuestionTheme::ALL,
        "each theme is one block, in order"
    );
    assert_eq!(
        questions[0].text,
        "How did you get started in this field, and what drew you to it?"
    );
}

#[test]
fn the_last_referrals_question_is_who_else_should_i_talk_to() {
    let questions = store().questions().unwrap();
    let referrals = of_theme(&questions, QuestionTheme::Referrals);
    assert_eq!(referrals.last(), Some(&"Who else should I talk to?"));
    assert!(
        referrals.iter().any(|q| q.contains("mention your name")),
        "asks permission to use their name"
    );
    assert!(
        referrals
            .iter()
            .any(|q| q.contains("professional associations")),
        "asks about professional associations"
    );
}

#[test]
fn no_seeded_question_asks_for_a_job() {
    // An informational interview is for advice, information and referrals, never a job request.
    let asking_for_a_job = [
        "hiring",
        "hire ",
        "opening",
        "vacanc",
        "open position",
        "open role",
        "apply for",
        "job offer",
        "job for me",
        "a job at",
        "resume",
        "résumé",
    ];
    for question in store().questions().unwrap() {
        let text = question.text.to_lowercase();
        for phrase in asking_for_a_job {
            assert!(
                !text.contains(phrase),
                "“{}” reads as a job request ({phrase})",
                question.text
            );
        }
        assert!(
            question.text.ends_with('?'),
            "“{}” is not a question",
            question.text
        );
    }
}

#[test]
fn seeded_questions_are_unique() {
    let questions = store().questions().unwrap();
    let mut texts: Vec<&str> = questions.iter().map(|q| q.text.as_str()).collect();
    texts.sort();
    let count = texts.len();
    texts.dedup();
    assert_eq!(texts.len(), count);
}

#[test]
fn themes_have_labels_and_snake_case_names() {
    let labels: Vec<&str> = QuestionTheme::ALL.iter().map(|t| t.label()).collect();
    assert_eq!(
        labels,
        [
            "Career path",
            "Day-to-day work",
            "The industry",
            "Advice for me",
            "Referrals"
        ]
    );
    assert_eq!(
        serde_json::to_string(&QuestionTheme::DayToDay).unwrap(),
        "\"day_to_day\""
    );
    let question = &store().questions().unwrap()[0];
    let json = serde_json::to_value(question).unwrap();
    assert_eq!(json["theme"], "career_path");
    assert_eq!(json["builtin"], true);
}

#[test]
fn a_new_question_goes_to_the_end_of_its_theme() {
    let store = store();
    let added = store
        .add_question(
            QuestionTheme::Industry,
            "  How is climate policy changing the work?  ",
        )
        .unwrap();
    assert_eq!(added.text, "How is climate policy changing the work?");
    assert!(!added.builtin);
    let questions = store.questions().unwrap();
    let industry = of_theme(&questions, QuestionTheme::Industry);
    assert_eq!(
        industry.last(),
        Some(&"How is climate policy changing the work?")
    );
    let position = questions.iter().position(|q| q.id == added.id).unwrap();
    assert_eq!(
        questions[position + 1].theme,
        QuestionTheme::Advice,
        "the industry block ends with it"
    );
}

#[test]
fn an_added_referrals_question_follows_who_else_should_i_talk_to() {
    // The seed ends referrals with it; the user's own order is theirs to choose.
    let store = store();
    store
        .add_question(QuestionTheme::Referrals, "Could you introduce me to Ada?")
        .unwrap();
    let questions = store.questions().unwrap();
    let referrals = of_theme(&questions, QuestionTheme::Referrals);
    assert_eq!(
        &referrals[referrals.len() - 2..],
        [
            "Who else should I talk to?",
            "Could you introduce me to Ada?"
        ]
    );
}

#[test]
fn an_empty_question_is_refused_naming_the_text() {
    let store = store();
    let error = store
        .add_question(QuestionTheme::Advice, "   ")
        .unwrap_err();
    assert_eq!(error.code(), "invalid_input");
    assert_eq!(error.field(), Some("text"));
    let own = store
        .add_question(QuestionTheme::Advice, "What should I read?")
        .unwrap();
    assert_eq!(
        store.update_question(own.id, "").unwrap_err().field(),
        Some("text")
    );
    assert_eq!(
        store
            .add_question(QuestionTheme::Advice, &"why ".repeat(200))
            .unwrap_err()
            .field(),
        Some("text")
    );
}

#[test]
fn the_users_own_question_is_edited_in_place() {
    let store = store();
    let own = store
        .add_question(QuestionTheme::Advice, "What should I read?")
        .unwrap();
    let edited = store
        .update_question(own.id, "Which books should I read first?")
        .unwrap();
    assert_eq!(edited.id, own.id);
    assert_eq!(edited.text, "Which books should I read first?");
    let questions = store.questions().unwrap();
    assert!(questions
        .iter()
        .any(|q| q.id == own.id && q.text == "Which books should I read first?"));
}

#[test]
fn editing_a_builtin_question_keeps_its_place_and_its_original() {
    let store = store();
    let before = store.questions().unwrap();
    let original = before[1].clone();
    let edited = store
        .update_question(original.id, "How did you go from college to this role?")
        .unwrap();
    assert_ne!(
        edited.id, original.id,
        "the built-in text is never rewritten"
    );
    assert!(!edited.builtin);
    assert_eq!(edited.theme, original.theme);

    let after = store.questions().unwrap();
    assert_eq!(after.len(), before.len());
    assert_eq!(
        after[1].id, edited.id,
        "the edit takes the original's place"
    );
    assert!(after.iter().all(|q| q.id != original.id));

    assert_eq!(store.restore_builtin_questions().unwrap(), 1);
    let restored = store.questions().unwrap();
    assert_eq!(
        restored[1], original,
        "the original wording comes back first"
    );
    assert_eq!(
        restored[2].id, edited.id,
        "and the user's edit stays beside it"
    );
}

#[test]
fn archived_questions_are_hidden_and_builtins_can_be_restored() {
    let store = store();
    let questions = store.questions().unwrap();
    let builtin = questions[0].clone();
    let own = store
        .add_question(QuestionTheme::CareerPath, "Why this city?")
        .unwrap();

    store.archive_question(builtin.id).unwrap();
    store.archive_question(own.id).unwrap();
    store.archive_question(own.id).unwrap();
    let visible = store.questions().unwrap();
    assert_eq!(visible.len(), questions.len() - 1);
    assert!(visible.iter().all(|q| q.id != builtin.id && q.id != own.id));

    assert_eq!(store.restore_builtin_questions().unwrap(), 1);
    let visible = store.questions().unwrap();
    assert_eq!(visible[0], builtin, "back in its place");
    assert!(
        visible.iter().all(|q| q.id != own.id),
        "the user's own archived question stays archived"
    );
    assert_eq!(
        store.restore_builtin_questions().unwrap(),
        0,
        "nothing left to restore"
    );
}

#[test]
fn unknown_questions_are_not_found() {
    let store = store();
    assert_eq!(
        store.archive_question(999_999).unwrap_err().code(),
        "not_found"
    );
    assert_eq!(
        store.update_question(999_999, "Why?").unwrap_err().code(),
        "not_found"
    );
}
