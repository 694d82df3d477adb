//! The contact graph: typed links, who you know at an organization, mutual contacts, and
//! warm-introduction paths ranked and explained.

mod links;
mod ranking;
mod warm_paths;
mod who_you_know;

use crate::common::{at, clock_at, memory_store};
use chrono::{DateTime, Duration, Utc};
use rapport_core::followups::interactions::{InteractionInput, InteractionKind};
use rapport_core::network::graph::{PathTarget, WarmPath, MAX_PATHS};
use rapport_core::network::people::{PersonInput, PersonRef};
use rapport_core::Store;

const NOW: &str = "2026-03-01T12:00:00Z";

fn store() -> Store {
    memory_store(&clock_at(NOW))
}

fn works_at(store: &Store, name: &str, organization: &str, title: Option<&str>) -> i64 {
    store
        .add_person(PersonInput {
            organization: Some(organization.into()),
            title: title.map(Into::into),
            ..PersonInput::named(name)
        })
        .unwrap()
        .id
}

fn met(store: &Store, person_ids: &[i64], occurred_at: DateTime<Utc>) {
    store
        .log_interaction(InteractionInput {
            person_ids: person_ids.to_vec(),
            kind: InteractionKind::Meeting,
            occurred_at: Some(occurred_at),
            medium: None,
            summary: String::new(),
            notes: String::new(),
        })
        .unwrap();
}

fn days_ago(days: i64) -> DateTime<Utc> {
    at(NOW) - Duration::days(days)
}

fn me(store: &Store) -> i64 {
    store.me().unwrap().id
}

fn names(refs: &[PersonRef]) -> Vec<&str> {
    refs.iter().map(|p| p.display_name.as_str()).collect()
}

/// Each path as the names along it.
fn routes(paths: &[WarmPath]) -> Vec<Vec<&str>> {
    paths
        .iter()
        .map(|p| {
            p.steps
                .iter()
                .map(|s| s.person.display_name.as_str())
                .collect()
        })
        .collect()
}

fn to_person(store: &Store, id: i64, max_hops: u8) -> Vec<WarmPath> {
    store
        .warm_paths(PathTarget::Person(id), max_hops, MAX_PATHS)
        .unwrap()
}
