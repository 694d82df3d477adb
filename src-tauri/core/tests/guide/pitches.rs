//! Pitches: the elevator speech (30-60 s) and the introduction that opens an informational
//! interview (the "two-minute infomercial", 90-120 s), timed from their word count at the user's
//! speaking rate, with every replaced text kept so it can be brought back.

use crate::common::{at, clock_at, memory_store};
use chrono::Duration;
use rapport_core::guide::pitches::{Pitch, PitchInput};
use rapport_core::guide::speech::{PitchKind, Verdict};
use rapport_core::Store;

mod timing;
mod versions;

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
