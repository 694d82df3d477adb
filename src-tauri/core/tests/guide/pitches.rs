//! Pitches: the elevator speech (30-60 s) and the introduction that opens an informational
//! interview (the "two-minute infomercial", 90-120 s), timed from their word count at the user's
//! speaking rate, with every replaced text kept so it can be brought back.

use crate::common::{at, clock_at, memory_store};
use chrono::Duration;
use rapport_core::guide::pitches::{Pitch, PitchInput};
use rapport_core::guide::speech::{
    spoken_seconds, timing, validate_words_per_minute, word_count, PitchKind, Verdict,
    DEFAULT_WORDS_PER_MINUTE,
};
use rapport_core::Store;

/// A student's elevator speech of exactly 120 words.
const ELEVATOR_120: &str = "Hi, I'm Maya Chen, a third-year biology student at State University. \
    I've spent the last two summers working in a community health clinic, where I helped run \
    intake for patients who didn't speak English, and I found that I loved the part of the work \
    where science meets people. That's led me to public health, and especially to epidemiology. \
    This semester I'm taking biostatistics and volunteering with the county's flu-tracking \
    project, cleaning data and mapping cases. I'm hoping to learn how people like you got \
    started in the field, and what skills matter most in an entry-level role. Could I ask you a \
    few questions about your path sometime in the next couple of weeks, over coffee or a call?";

/// Eighty words of background that do not belong in an elevator.
const BACKGROUND_80: &str = "Before that, I grew up in a farming town, where the nearest \
    hospital was an hour's drive away, and I saw what that distance meant for my grandparents. \
    In high school I volunteered at a blood drive every spring and tutored younger students in \
    chemistry. At college I joined the Global Health Club, became its treasurer, and organized a \
    panel on rural medicine. I also work part-time at the library, which has taught me patience \
    and how to find anything.";

fn elevator_200() -> String {
    format!("{ELEVATOR_120} {BACKGROUND_80}")
}

fn words(n: usize) -> String {
    vec!["word"; n].join(" ")
}

fn input(kind: PitchKind, title: &str, text: &str) -> PitchInput {
    PitchInput {
        kind,
        title: title.into(),
        audience: String::new(),
        text: text.into(),
    }
}

fn store() -> (
    std::sync::Arc<rapport_core::store::clock::ManualClock>,
    Store,
) {
    let clock = clock_at("2026-03-01T12:00:00Z");
    let store = memory_store(&clock);
    (clock, store)
}

fn add(store: &Store, kind: PitchKind, title: &str, text: &str) -> Pitch {
    store.add_pitch(input(kind, title, text)).unwrap()
}

fn version_texts(store: &Store, pitch_id: i64) -> Vec<String> {
    store
        .pitch_versions(pitch_id)
        .unwrap()
        .into_iter()
        .map(|v| v.text)
        .collect()
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

// The store

#[test]
fn a_new_pitch_is_timed_at_the_default_rate() {
    let (_clock, store) = store();
    let pitch = store
        .add_pitch(PitchInput {
            kind: PitchKind::Elevator,
            title: "  Career fair  ".into(),
            audience: " Recruiters ".into(),
            text: format!("\n{ELEVATOR_120}\n\n"),
        })
        .unwrap();
    assert_eq!(pitch.title, "Career fair");
    assert_eq!(pitch.audience, "Recruiters");
    assert_eq!(pitch.text, ELEVATOR_120);
    assert_eq!(pitch.kind, PitchKind::Elevator);
    assert_eq!(pitch.timing.words, 120);
    assert_eq!(pitch.timing.verdict, Verdict::WithinBand);
    assert_eq!(pitch.created_at, at("2026-03-01T12:00:00Z"));
    assert_eq!(pitch.updated_at, pitch.created_at);
    assert_eq!(store.pitch(pitch.id).unwrap(), pitch);
}

#[test]
fn a_pitch_needs_a_title() {
    let (_clock, store) = store();
    for title in ["", "   "] {
        let err = store
            .add_pitch(input(PitchKind::Elevator, title, "Hi"))
            .unwrap_err();
        assert_eq!(err.code(), "invalid_input");
        assert_eq!(err.field(), Some("title"));
    }
    let pitch = add(&store, PitchKind::Elevator, "Fair", "Hi");
    let err = store
        .update_pitch(pitch.id, input(PitchKind::Elevator, " ", "Hi"))
        .unwrap_err();
    assert_eq!(err.field(), Some("title"));
    assert!(store.pitch_versions(pitch.id).unwrap().is_empty());
}

#[test]
fn a_pitch_may_start_with_no_text() {
    let (_clock, store) = store();
    let pitch = add(&store, PitchKind::Infomercial, "Draft", "");
    assert_eq!(pitch.timing.words, 0);
    assert_eq!(pitch.timing.verdict, Verdict::TooShort);
}

#[test]
fn editing_the_text_keeps_the_previous_text_as_a_version() {
    let (clock, store) = store();
    let pitch = add(&store, PitchKind::Elevator, "Fair", "First draft");
    clock.advance(Duration::hours(1));
    let edited = store
        .update_pitch(pitch.id, input(PitchKind::Elevator, "Fair", "Second draft"))
        .unwrap();
    assert_eq!(edited.text, "Second draft");
    assert_eq!(edited.updated_at, at("2026-03-01T13:00:00Z"));
    assert_eq!(edited.created_at, pitch.created_at);

    let versions = store.pitch_versions(pitch.id).unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].text, "First draft");
    assert_eq!(versions[0].words, 2);
    assert_eq!(versions[0].saved_at, at("2026-03-01T13:00:00Z"));
}

#[test]
fn editing_anything_but_the_text_keeps_no_version() {
    let (_clock, store) = store();
    let pitch = add(&store, PitchKind::Elevator, "Fair", "Same words");
    let edited = store
        .update_pitch(
            pitch.id,
            PitchInput {
                kind: PitchKind::Infomercial,
                title: "Interview opener".into(),
                audience: "Alumni".into(),
                text: "Same words  \n".into(),
            },
        )
        .unwrap();
    assert_eq!(edited.kind, PitchKind::Infomercial);
    assert_eq!(edited.title, "Interview opener");
    assert_eq!(edited.audience, "Alumni");
    assert_eq!((edited.timing.band_min, edited.timing.band_max), (90, 120));
    assert!(store.pitch_versions(pitch.id).unwrap().is_empty());
}

#[test]
fn versions_are_listed_newest_first() {
    let (clock, store) = store();
    let pitch = add(&store, PitchKind::Elevator, "Fair", "one");
    for text in ["two", "three", "four"] {
        clock.advance(Duration::minutes(5));
        store
            .update_pitch(pitch.id, input(PitchKind::Elevator, "Fair", text))
            .unwrap();
    }
    assert_eq!(version_texts(&store, pitch.id), ["three", "two", "one"]);
}

#[test]
fn versions_saved_in_the_same_second_are_still_newest_first() {
    let (_clock, store) = store();
    let pitch = add(&store, PitchKind::Elevator, "Fair", "one");
    for text in ["two", "three"] {
        store
            .update_pitch(pitch.id, input(PitchKind::Elevator, "Fair", text))
            .unwrap();
    }
    assert_eq!(version_texts(&store, pitch.id), ["two", "one"]);
}

#[test]
fn restoring_a_version_keeps_the_current_text_so_the_restore_can_be_undone() {
    let (clock, store) = store();
    let pitch = add(&store, PitchKind::Elevator, "Fair", "one");
    store
        .update_pitch(pitch.id, input(PitchKind::Elevator, "Fair", "two"))
        .unwrap();
    let one = store.pitch_versions(pitch.id).unwrap()[0].id;

    clock.advance(Duration::minutes(1));
    let restored = store.restore_pitch_version(pitch.id, one).unwrap();
    assert_eq!(restored.text, "one");
    assert_eq!(restored.updated_at, at("2026-03-01T12:01:00Z"));
    assert_eq!(version_texts(&store, pitch.id), ["two", "one"]);

    // Undo: bring back the text the restore replaced.
    let two = store.pitch_versions(pitch.id).unwrap()[0].id;
    let undone = store.restore_pitch_version(pitch.id, two).unwrap();
    assert_eq!(undone.text, "two");
    assert_eq!(version_texts(&store, pitch.id), ["one", "two", "one"]);
}

#[test]
fn restoring_the_text_the_pitch_already_has_adds_no_version() {
    let (_clock, store) = store();
    let pitch = add(&store, PitchKind::Elevator, "Fair", "one");
    store
        .update_pitch(pitch.id, input(PitchKind::Elevator, "Fair", "two"))
        .unwrap();
    store
        .update_pitch(pitch.id, input(PitchKind::Elevator, "Fair", "one"))
        .unwrap();
    let old_one = store.pitch_versions(pitch.id).unwrap()[1].id;
    assert_eq!(
        store.restore_pitch_version(pitch.id, old_one).unwrap().text,
        "one"
    );
    assert_eq!(version_texts(&store, pitch.id), ["two", "one"]);
}

#[test]
fn a_version_is_restored_only_into_its_own_pitch() {
    let (_clock, store) = store();
    let a = add(&store, PitchKind::Elevator, "A", "a1");
    store
        .update_pitch(a.id, input(PitchKind::Elevator, "A", "a2"))
        .unwrap();
    let b = add(&store, PitchKind::Elevator, "B", "b1");
    let a1 = store.pitch_versions(a.id).unwrap()[0].id;
    let err = store.restore_pitch_version(b.id, a1).unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert_eq!(store.pitch(b.id).unwrap().text, "b1");
    assert!(store.pitch_versions(b.id).unwrap().is_empty());
}

#[test]
fn duplicating_tailors_a_copy_to_another_audience() {
    let (clock, store) = store();
    let original = store
        .add_pitch(PitchInput {
            kind: PitchKind::Infomercial,
            title: "Interview opener".into(),
            audience: "Alumni in nursing".into(),
            text: "draft".into(),
        })
        .unwrap();
    store
        .update_pitch(
            original.id,
            PitchInput {
                kind: PitchKind::Infomercial,
                title: "Interview opener".into(),
                audience: "Alumni in nursing".into(),
                text: ELEVATOR_120.into(),
            },
        )
        .unwrap();
    clock.advance(Duration::days(1));

    let copy = store
        .duplicate_pitch(original.id, "  Hospital recruiters ")
        .unwrap();
    assert_ne!(copy.id, original.id);
    assert_eq!(copy.kind, PitchKind::Infomercial);
    assert_eq!(copy.title, "Interview opener — for Hospital recruiters");
    assert_eq!(copy.audience, "Hospital recruiters");
    assert_eq!(copy.text, ELEVATOR_120);
    assert_eq!(copy.created_at, at("2026-03-02T12:00:00Z"));
    assert!(
        store.pitch_versions(copy.id).unwrap().is_empty(),
        "the history stays with the original"
    );
    assert_eq!(version_texts(&store, original.id), ["draft"]);
    assert_eq!(
        store.pitch(original.id).unwrap().audience,
        "Alumni in nursing"
    );

    let again = store.duplicate_pitch(copy.id, "Nurse managers").unwrap();
    assert_eq!(again.title, "Interview opener — for Nurse managers");
}

#[test]
fn a_copy_must_say_who_it_is_for() {
    let (_clock, store) = store();
    let pitch = add(&store, PitchKind::Elevator, "Fair", "Hi");
    let err = store.duplicate_pitch(pitch.id, "  ").unwrap_err();
    assert_eq!(err.field(), Some("audience"));
    assert_eq!(store.pitches().unwrap().len(), 1);
}

#[test]
fn pitches_are_listed_elevator_speeches_first_then_by_title() {
    let (_clock, store) = store();
    add(&store, PitchKind::Infomercial, "alumni opener", "");
    add(&store, PitchKind::Elevator, "Networking night", "");
    add(&store, PitchKind::Infomercial, "Faculty opener", "");
    add(&store, PitchKind::Elevator, "career fair", "");
    let titles: Vec<String> = store
        .pitches()
        .unwrap()
        .into_iter()
        .map(|p| p.title)
        .collect();
    assert_eq!(
        titles,
        [
            "career fair",
            "Networking night",
            "alumni opener",
            "Faculty opener"
        ]
    );
}

#[test]
fn deleting_a_pitch_deletes_its_versions() {
    let (_clock, store) = store();
    let pitch = add(&store, PitchKind::Elevator, "Fair", "one");
    store
        .update_pitch(pitch.id, input(PitchKind::Elevator, "Fair", "two"))
        .unwrap();
    let kept = add(&store, PitchKind::Elevator, "Other", "x");
    let deleted = store.delete_pitch(pitch.id).unwrap();
    assert_eq!(deleted.title, "Fair");
    assert_eq!(store.pitch(pitch.id).unwrap_err().code(), "not_found");
    assert_eq!(
        store.pitch_versions(pitch.id).unwrap_err().code(),
        "not_found"
    );
    assert_eq!(store.pitches().unwrap(), [store.pitch(kept.id).unwrap()]);
}

#[test]
fn an_unknown_pitch_is_not_found() {
    let (_clock, store) = store();
    let missing = 404;
    assert_eq!(store.pitch(missing).unwrap_err().code(), "not_found");
    assert_eq!(
        store
            .update_pitch(missing, input(PitchKind::Elevator, "X", "y"))
            .unwrap_err()
            .code(),
        "not_found"
    );
    assert_eq!(store.delete_pitch(missing).unwrap_err().code(), "not_found");
    assert_eq!(
        store.pitch_versions(missing).unwrap_err().code(),
        "not_found"
    );
    assert_eq!(
        store.restore_pitch_version(missing, 1).unwrap_err().code(),
        "not_found"
    );
    assert_eq!(
        store.duplicate_pitch(missing, "Anyone").unwrap_err().code(),
        "not_found"
    );
}

#[test]
fn the_speaking_rate_defaults_to_140_and_retimes_every_pitch() {
    let (_clock, store) = store();
    assert_eq!(store.speaking_rate().unwrap(), 140);
    let long = add(&store, PitchKind::Elevator, "Fair", &elevator_200());
    assert_eq!(long.timing.verdict, Verdict::TooLong);

    assert_eq!(store.set_speaking_rate(210).unwrap(), 210);
    assert_eq!(store.speaking_rate().unwrap(), 210);
    let retimed = store.pitch(long.id).unwrap();
    assert_eq!(retimed.timing.seconds, 57.1);
    assert_eq!(retimed.timing.verdict, Verdict::WithinBand);
    assert_eq!(store.pitches().unwrap()[0].timing, retimed.timing);
}

#[test]
fn a_speaking_rate_out_of_range_is_refused_and_the_old_one_kept() {
    let (_clock, store) = store();
    store.set_speaking_rate(120).unwrap();
    for bad in [0, 59, 301] {
        let err = store.set_speaking_rate(bad).unwrap_err();
        assert_eq!(err.code(), "invalid_input");
        assert_eq!(err.field(), Some("wordsPerMinute"));
    }
    assert_eq!(store.speaking_rate().unwrap(), 120);
}

#[test]
fn pitches_versions_and_the_speaking_rate_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let clock = clock_at("2026-03-01T12:00:00Z");
    let id = {
        let store = Store::open_with_clock(dir.path(), clock.clone()).unwrap();
        store.set_speaking_rate(100).unwrap();
        let pitch = add(&store, PitchKind::Infomercial, "Opener", "one");
        store
            .update_pitch(pitch.id, input(PitchKind::Infomercial, "Opener", "two"))
            .unwrap();
        pitch.id
    };
    let store = Store::open_with_clock(dir.path(), clock).unwrap();
    assert_eq!(store.speaking_rate().unwrap(), 100);
    assert_eq!(store.pitch(id).unwrap().text, "two");
    assert_eq!(version_texts(&store, id), ["one"]);
}

#[test]
fn a_pitch_serializes_for_the_ui() {
    let (_clock, store) = store();
    let pitch = add(&store, PitchKind::Elevator, "Fair", ELEVATOR_120);
    let json = serde_json::to_value(&pitch).unwrap();
    assert_eq!(json["kind"], "elevator");
    assert_eq!(json["audience"], "");
    assert_eq!(json["timing"]["verdict"], "within_band");
    assert_eq!(json["createdAt"], "2026-03-01T12:00:00Z");
    assert!(json.get("updatedAt").is_some());

    let input: PitchInput =
        serde_json::from_value(serde_json::json!({"kind": "infomercial", "title": "Opener"}))
            .unwrap();
    assert_eq!(input.audience, "");
    assert_eq!(input.text, "");
}
