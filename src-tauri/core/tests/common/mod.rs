//! Shared test set-up: a store on a manual clock.

#![allow(dead_code)]

pub mod faces;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use rapport_core::exchange::import::{self, ImportFormat, Parsed};
use rapport_core::followups::interactions::{InteractionInput, InteractionKind};
use rapport_core::followups::{Followup, FollowupKind};
use rapport_core::guide::meetings::{MeetingKind, MeetingState, NewMeeting};
use rapport_core::network::links::{LinkInput, LinkKind};
use rapport_core::network::people::{Person, PersonInput};
use rapport_core::store::clock::ManualClock;
use rapport_core::Store;

pub fn at(text: &str) -> DateTime<Utc> {
    rapport_core::store::time::from_db(text).unwrap()
}

pub fn clock_at(text: &str) -> Arc<ManualClock> {
    Arc::new(ManualClock::at(at(text)))
}

pub fn memory_store(clock: &Arc<ManualClock>) -> Store {
    Store::open_in_memory(clock.clone()).unwrap()
}

pub fn add(store: &Store, name: &str) -> Person {
    store.add_person(PersonInput::named(name)).unwrap()
}

/// A file of the shared test corpus, `tests/fixtures/` at the top of the repository.
pub fn fixture(name: &str) -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

/// Reads a fixture as `format`; it must be readable.
pub fn read_fixture(format: ImportFormat, name: &str) -> Parsed {
    let bytes = import::read_file(&fixture(name)).unwrap();
    import::parse(format, &bytes).unwrap()
}

/// Links `from --kind--> to` with no note or date; returns the link's id.
pub fn link(store: &Store, from: i64, to: i64, kind: LinkKind) -> i64 {
    store
        .add_link(LinkInput {
            from_person_id: from,
            to_person_id: to,
            kind,
            note: String::new(),
            happened_on: None,
        })
        .unwrap()
        .id
}

/// An informational interview with `person`, planned (an idea).
pub fn interview(store: &Store, person: i64) -> i64 {
    store
        .plan_meeting(NewMeeting {
            person_id: person,
            kind: MeetingKind::InformationalInterview,
            title: String::new(),
        })
        .unwrap()
        .id
}

/// An informational interview with `person`, held at `when` (None: now).
pub fn held_interview(store: &Store, person: i64, when: Option<&str>) -> i64 {
    let id = interview(store, person);
    store
        .set_meeting_state(id, MeetingState::Held, when.map(at))
        .unwrap();
    id
}

/// Logs an interaction of `kind` with `people` at `when`.
pub fn log_with(store: &Store, people: &[i64], kind: InteractionKind, when: &str) {
    store
        .log_interaction(InteractionInput {
            person_ids: people.to_vec(),
            kind,
            occurred_at: Some(at(when)),
            medium: None,
            summary: String::new(),
            notes: String::new(),
        })
        .unwrap();
}

/// The pending follow-ups of one kind.
pub fn of_kind(store: &Store, kind: FollowupKind) -> Vec<Followup> {
    store
        .pending_followups()
        .unwrap()
        .into_iter()
        .filter(|f| f.kind == kind)
        .collect()
}
