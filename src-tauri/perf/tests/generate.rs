//! The generator: a seed always gives the same data, in the amounts asked for, as the app would
//! hold it.

use std::path::Path;

use rapport_core::Store;
use rapport_perf::connections::write_connections_csv;
use rapport_perf::generate::{generate_store, Scale, DEFAULT_NOW};
use rusqlite::Connection;

const SMALL: Scale = Scale {
    people: 300,
    organizations: 40,
    interactions: 3_000,
    links: 2_400,
    followups: 300,
    my_connections: 30,
};

fn counts(dir: &Path) -> Vec<i64> {
    let conn = Connection::open(dir.join(rapport_core::store::paths::DATABASE_FILE)).unwrap();
    [
        "person",
        "organization",
        "interaction",
        "link",
        "followup",
        "search_index",
    ]
    .iter()
    .map(|table| {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    })
    .collect()
}

fn names_in(dir: &Path) -> Vec<String> {
    let conn = Connection::open(dir.join(rapport_core::store::paths::DATABASE_FILE)).unwrap();
    let mut statement = conn
        .prepare("SELECT display_name || '|' || coalesce(email, '') FROM person ORDER BY id")
        .unwrap();
    statement
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn a_seed_gives_the_same_store_and_the_requested_amounts() {
    let now = rapport_core::store::time::from_db(DEFAULT_NOW).unwrap();
    let (first, second) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    generate_store(first.path(), SMALL, 7, now, &mut |_| {}).unwrap();
    generate_store(second.path(), SMALL, 7, now, &mut |_| {}).unwrap();
    // The user, plus everyone generated; links include the user's own connections.
    assert_eq!(counts(first.path()), vec![301, 40, 3_000, 2_430, 300, 301]);
    assert_eq!(names_in(first.path()), names_in(second.path()));
    let other = tempfile::tempdir().unwrap();
    generate_store(other.path(), SMALL, 8, now, &mut |_| {}).unwrap();
    assert_ne!(names_in(first.path()), names_in(other.path()));
}

#[test]
fn the_generated_store_is_searchable_through_the_core() {
    let now = rapport_core::store::time::from_db(DEFAULT_NOW).unwrap();
    let dir = tempfile::tempdir().unwrap();
    generate_store(dir.path(), SMALL, 7, now, &mut |_| {}).unwrap();
    let store = Store::open(dir.path()).unwrap();
    let someone = store.person(150).unwrap();
    let email = someone.email.clone().expect("a generated e-mail");
    let found = store.search_people(&email).unwrap();
    assert_eq!(found.iter().map(|p| p.id).collect::<Vec<_>>(), vec![150]);
    let by_family = store
        .search_people(someone.family_name.as_deref().unwrap())
        .unwrap();
    assert!(by_family.iter().any(|p| p.id == 150));
}

#[test]
fn the_connections_file_imports_as_linkedin_with_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Connections.csv");
    write_connections_csv(&path, 500, 7).unwrap();
    let again = dir.path().join("again.csv");
    write_connections_csv(&again, 500, 7).unwrap();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        std::fs::read(&again).unwrap()
    );
    let bytes = std::fs::read(&path).unwrap();
    let parsed = rapport_core::exchange::import::parse(
        rapport_core::exchange::import::ImportFormat::Linkedin,
        &bytes,
    )
    .unwrap();
    assert_eq!(parsed.contacts.len(), 500);
    assert!(parsed.skipped.is_empty());
}
