//! Migrations are append-only: each is tested from the schema before it, and released ones are
//! pinned so that editing one fails here instead of on a user's machine.

mod common;

use rapport_core::migrations::{migrate, migrate_to, LATEST_VERSION, MIGRATIONS};
use rusqlite::Connection;
use sha2::{Digest, Sha256};

/// sha256 of each released migration, in order. Append a line for a new migration; never change
/// one that is here.
const RELEASED: &[&str] = &[
    "928e6a34042b389e4f35f2a76b46fb93a49ec6c320fa26f522db3f77d0ccf6ec",
    "5d1eab075b00c39793096bf08a0c9a28647e19c35aeb10e637ab8b1953916d58",
    "4497df2ecd8908f289f10ecb65c7b8ffca254901048d3960cecb78904ffa8033",
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
