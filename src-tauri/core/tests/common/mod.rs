//! Shared test set-up: a store on a manual clock.

#![allow(dead_code)]

use std::sync::Arc;

use chrono::{DateTime, Utc};
use rapport_core::clock::ManualClock;
use rapport_core::people::{Person, PersonInput};
use rapport_core::Store;

pub fn at(text: &str) -> DateTime<Utc> {
    rapport_core::time::from_db(text).unwrap()
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
