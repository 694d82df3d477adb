//! Every text a pitch had is kept: an edit of the text saves the one it replaces, newest first,
//! and a restore is itself undoable.

use super::{add, input, store, version_texts};
use crate::common::at;
use chrono::Duration;
use rapport_core::guide::pitches::PitchInput;
use rapport_core::guide::speech::PitchKind;

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
