//! How long a pitch takes to say: its words (runs of letters and digits, as a reader counts
//! them) over the user's speaking rate, against the guide's band for its kind.

use super::{elevator_200, ELEVATOR_120};
use rapport_core::guide::speech::{
    spoken_seconds, timing, validate_words_per_minute, word_count, PitchKind, Verdict,
    DEFAULT_WORDS_PER_MINUTE,
};

fn words(n: usize) -> String {
    vec!["word"; n].join(" ")
}

// Word counting

#[test]
fn words_are_runs_of_letters_and_digits() {
    assert_eq!(word_count("I study nursing"), 3);
    assert_eq!(word_count("  I   study\n\tnursing  "), 3);
    assert_eq!(word_count("Class of 2027, GPA 3"), 5);
    assert_eq!(word_count("Élodie étudie à Montréal"), 4);
}

#[test]
fn apostrophes_and_hyphens_inside_a_word_do_not_split_it() {
    assert_eq!(word_count("don't"), 1);
    assert_eq!(word_count("I’m"), 1, "a typographic apostrophe too");
    assert_eq!(word_count("career-services"), 1);
    assert_eq!(word_count("a third-year pre-med student"), 4);
    assert_eq!(word_count("the county's flu-tracking project"), 4);
}

#[test]
fn apostrophes_and_hyphens_at_the_edge_of_a_word_are_not_words() {
    assert_eq!(word_count("the students' union"), 3);
    assert_eq!(word_count("back in '19"), 3);
    assert_eq!(word_count("pre- and post-graduation"), 3);
    assert_eq!(word_count("well -- maybe"), 2);
}

#[test]
fn punctuation_alone_is_not_a_word() {
    assert_eq!(word_count(""), 0);
    assert_eq!(word_count("   \n "), 0);
    assert_eq!(word_count("... - — ! ? • ' \""), 0);
    assert_eq!(word_count("Hello... world!!!"), 2);
}

#[test]
fn a_dash_between_words_separates_them() {
    assert_eq!(word_count("skills—and drive"), 3);
    assert_eq!(word_count("2024–2026"), 2);
}

#[test]
fn a_number_with_a_point_or_thousands_comma_is_one_word() {
    assert_eq!(word_count("a 3.5 GPA"), 3);
    assert_eq!(word_count("raised $10,000 for charity"), 4);
    assert_eq!(
        word_count("red,green"),
        2,
        "a comma between letters still splits"
    );
    assert_eq!(word_count("in 2026."), 2);
}

#[test]
fn a_decomposed_accent_stays_with_its_letter() {
    assert_eq!(word_count("nai\u{0308}ve cafe\u{0301}"), 2);
}

// Timing

#[test]
fn the_guide_gives_each_kind_of_pitch_its_band() {
    assert_eq!(PitchKind::Elevator.band(), (30, 60));
    assert_eq!(PitchKind::Infomercial.band(), (90, 120));
    assert_eq!(DEFAULT_WORDS_PER_MINUTE, 140);
}

#[test]
fn spoken_time_is_words_over_rate() {
    assert_eq!(spoken_seconds(140, 140), 60.0);
    assert_eq!(spoken_seconds(70, 140), 30.0);
    assert_eq!(spoken_seconds(0, 140), 0.0);
    assert!((spoken_seconds(120, 140) - 51.428).abs() < 0.001);
    assert!(
        spoken_seconds(10, 0).is_finite(),
        "a rate of 0 never divides by zero"
    );
}

#[test]
fn a_120_word_pitch_is_a_good_elevator_speech_and_a_200_word_one_is_too_long() {
    assert_eq!(word_count(ELEVATOR_120), 120);
    let short = timing(ELEVATOR_120, PitchKind::Elevator, 140);
    assert_eq!(short.words, 120);
    assert_eq!(short.seconds, 51.4);
    assert_eq!(short.verdict, Verdict::WithinBand);

    let long_text = elevator_200();
    assert_eq!(word_count(&long_text), 200);
    let long = timing(&long_text, PitchKind::Elevator, 140);
    assert_eq!(long.seconds, 85.7);
    assert_eq!((long.band_min, long.band_max), (30, 60));
    assert_eq!(long.verdict, Verdict::TooLong);
}

#[test]
fn the_200_word_pitch_is_still_short_of_a_two_minute_infomercial_unless_said_slowly() {
    let text = elevator_200();
    assert_eq!(
        timing(&text, PitchKind::Infomercial, 140).verdict,
        Verdict::TooShort
    );
    let slow = timing(&text, PitchKind::Infomercial, 100);
    assert_eq!(slow.seconds, 120.0);
    assert_eq!(slow.verdict, Verdict::WithinBand);
}

#[test]
fn both_ends_of_the_band_are_within_it() {
    let verdict = |n: usize| timing(&words(n), PitchKind::Elevator, 140).verdict;
    assert_eq!(verdict(69), Verdict::TooShort); // 29.6 s
    assert_eq!(verdict(70), Verdict::WithinBand); // 30.0 s
    assert_eq!(verdict(140), Verdict::WithinBand); // 60.0 s
    assert_eq!(verdict(141), Verdict::TooLong); // 60.4 s
}

#[test]
fn timing_serializes_for_the_ui() {
    let json = serde_json::to_value(timing(&words(10), PitchKind::Elevator, 140)).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "words": 10, "seconds": 4.3, "bandMin": 30, "bandMax": 60, "verdict": "too_short"
        })
    );
    assert_eq!(
        serde_json::to_value(PitchKind::Infomercial).unwrap(),
        "infomercial"
    );
    assert_eq!(
        serde_json::from_value::<PitchKind>("elevator".into()).unwrap(),
        PitchKind::Elevator
    );
}

#[test]
fn a_speaking_rate_is_between_60_and_300_words_a_minute() {
    for ok in [60, 140, 300] {
        assert_eq!(validate_words_per_minute(ok).unwrap(), ok);
    }
    for bad in [0, 59, 301, u32::MAX] {
        let err = validate_words_per_minute(bad).unwrap_err();
        assert_eq!(err.code(), "invalid_input", "{bad}");
        assert_eq!(err.field(), Some("wordsPerMinute"));
    }
}
