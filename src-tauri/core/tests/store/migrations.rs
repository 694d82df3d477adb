//! Migrations are append-only: each is tested from the schema before it, and released ones are
//! pinned so that editing one fails here instead of on a user's machine.

use rapport_core::store::migrations::{migrate, migrate_to, LATEST_VERSION, MIGRATIONS};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

use rusqlite::Connection;
use sha2::{Digest, Sha256};

/// sha256 of each released migration, in order. Append a line for a new migration; never change
/// one that is here.
const RELEASED: &[&str] = &[
    "928e6a34042b389e4f35f2a76b46fb93a49ec6c320fa26f522db3f77d0ccf6ec",
    "5d1eab075b00c39793096bf08a0c9a28647e19c35aeb10e637ab8b1953916d58",
    "4497df2ecd8908f289f10ecb65c7b8ffca254901048d3960cecb78904ffa8033",
    "1bd90faa9fc0350522cb526c2c5f8b8f9a1970d0d1c80586d843a9f5b2de2735",
    "fbd76935421d8a1eea2a72af01aa2eb992c933443cc67f79395638ffcbbeb66e",
    "f1d8596b832b726b1b5725043beca3f7f4d8abae40003faaf2801bfe73f7890f",
    "5caa1ee5c1733bdd11f31bba792c3218a16895dcb41d320ad0102af535f9b928",
    "c337ecadad7ac7382419a04abfdd7e66ad46511bc272a702c4d788e07e38bada",
    "1113b1d77c43da7f4caf8d4b2ee665323c606a702ec476fe2e1282b310658119",
    "56a4472aac8a3b392c00ff5dd2ef331ace68983a5983e349717c0bfc71fa9385",
];

fn schema(conn: &Connection) -> Vec<(String, String)> {
    let mut statement = conn
        .prepare("SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name")
        .unwrap();
    statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap()
}

#[test]
fn released_migrations_are_never_edited() {
    assert!(
        MIGRATIONS.len() >= RELEASED.len(),
        "a released migration was removed"
    );
    for (index, expected) in RELEASED.iter().enumerate() {
        let actual = format!("{:x}", Sha256::digest(MIGRATIONS[index].as_bytes()));
        assert_eq!(
            &actual,
            expected,
            "migration {} was edited after release: add a new one instead",
            index + 1
        );
    }
}

/// The migrations' `.sql` files are read as checked out: a checkout that turned their line ends
/// into CRLF would change the pinned text (and so `.gitattributes` keeps them LF).
#[test]
fn migrations_are_read_with_unix_line_endings() {
    for (index, text) in MIGRATIONS.iter().enumerate() {
        assert!(
            !text.contains('\r'),
            "migration {} has a carriage return",
            index + 1
        );
    }
}

#[test]
fn an_empty_file_migrates_to_the_latest_version() {
    let mut conn = Connection::open_in_memory().unwrap();
    assert_eq!(migrate(&mut conn).unwrap(), 0);
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, LATEST_VERSION);
    let circles: i64 = conn
        .query_row("SELECT count(*) FROM circle", [], |r| r.get(0))
        .unwrap();
    assert!(circles >= 10, "the natural-network circles are seeded");
}

#[test]
fn every_older_schema_upgrades_to_the_same_schema_as_a_fresh_store_keeping_its_data() {
    let mut fresh = Connection::open_in_memory().unwrap();
    migrate(&mut fresh).unwrap();
    for from in 1..LATEST_VERSION {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_to(&mut conn, 0, from).unwrap();
        conn.execute(
            "INSERT INTO person (display_name, created_at, updated_at) VALUES ('Kept', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')",
            [],
        )
        .unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), from);
        assert_eq!(schema(&conn), schema(&fresh), "upgrading from v{from}");
        let kept: String = conn
            .query_row("SELECT display_name FROM person", [], |r| r.get(0))
            .unwrap();
        assert_eq!(kept, "Kept");
    }
}

#[test]
fn migrating_twice_changes_nothing() {
    let mut conn = Connection::open_in_memory().unwrap();
    migrate(&mut conn).unwrap();
    let before = schema(&conn);
    assert_eq!(migrate(&mut conn).unwrap(), LATEST_VERSION);
    assert_eq!(schema(&conn), before);
}

/// A store file at version 1 in WAL mode, as the app leaves it, in a fresh temporary folder.
fn old_store_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.sqlite3");
    let mut conn = open(&path);
    migrate_to(&mut conn, 0, 1).unwrap();
    (dir, path)
}

/// A connection as a second process would open it: WAL, and waiting when the file is busy.
fn open(path: &std::path::Path) -> Connection {
    let conn = Connection::open(path).unwrap();
    let _mode: String = conn
        .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
        .unwrap();
    conn.busy_timeout(Duration::from_secs(10)).unwrap();
    conn
}

fn fresh_schema() -> Vec<(String, String)> {
    let mut fresh = Connection::open_in_memory().unwrap();
    migrate(&mut fresh).unwrap();
    schema(&fresh)
}

#[test]
fn a_second_connection_finds_the_store_already_migrated() {
    let (_dir, path) = old_store_file();
    let mut first = open(&path);
    let mut second = open(&path);
    assert_eq!(migrate(&mut first).unwrap(), 1);
    let migrated = schema(&first);
    assert_eq!(migrate(&mut second).unwrap(), LATEST_VERSION);
    assert_eq!(schema(&second), migrated);
    assert_eq!(migrated, fresh_schema());
}

#[test]
fn two_processes_opening_an_old_store_while_it_is_busy_both_succeed_and_migrate_once() {
    let (_dir, path) = old_store_file();
    // Something else is writing: both openers read the old version, then wait for the lock.
    let mut busy = open(&path);
    let writing = busy
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .unwrap();
    let openers: Vec<_> = (0..2)
        .map(|_| {
            let path = path.clone();
            thread::spawn(move || {
                let mut conn = open(&path);
                let before = migrate(&mut conn);
                before.map(|v| (v, schema(&conn)))
            })
        })
        .collect();
    thread::sleep(Duration::from_millis(300));
    writing.commit().unwrap();
    let results: Vec<_> = openers.into_iter().map(|t| t.join().unwrap()).collect();
    let fresh = fresh_schema();
    let mut befores = Vec::new();
    for result in results {
        let (before, schema) = result.expect("both openers succeed");
        assert_eq!(schema, fresh);
        befores.push(before);
    }
    befores.sort();
    assert_eq!(befores[0], 1, "one opener migrated from version 1");
    assert!(befores[1] > 1, "the other found that done: {befores:?}");
    let version: i64 = open(&path)
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, LATEST_VERSION);
}

#[test]
fn two_processes_racing_to_open_an_old_store_both_succeed() {
    for _ in 0..10 {
        let (_dir, path) = old_store_file();
        let start = Arc::new(Barrier::new(2));
        let openers: Vec<_> = (0..2)
            .map(|_| {
                let (path, start) = (path.clone(), start.clone());
                thread::spawn(move || {
                    let mut conn = open(&path);
                    start.wait();
                    migrate(&mut conn).map(|_| schema(&conn))
                })
            })
            .collect();
        let fresh = fresh_schema();
        for opener in openers {
            assert_eq!(opener.join().unwrap().expect("both openers succeed"), fresh);
        }
    }
}
