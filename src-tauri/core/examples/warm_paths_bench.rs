//! Warm paths at issue 5's scale: 30,000 people, 240,000 links between them, and 3,000 of your
//! own. Prints median and p95. Run with
//! `cargo run --release -p rapport-core --example warm_paths_bench`.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use rapport_core::clock::ManualClock;
use rapport_core::graph::PathTarget;
use rapport_core::Store;

const NOW: &str = "2026-03-01T12:00:00Z";

fn days_ago(days: i64) -> DateTime<Utc> {
    rapport_core::time::from_db(NOW).unwrap() - Duration::days(days)
}

fn clock_at(text: &str) -> Arc<ManualClock> {
    Arc::new(ManualClock::at(rapport_core::time::from_db(text).unwrap()))
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    let (people, links, organizations) = (30_000_i64, 240_000, 1_000_i64);
    let mut seed: u64 = 42;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n
    };
    {
        let mut conn =
            rusqlite::Connection::open(dir.path().join(rapport_core::paths::DATABASE_FILE))
                .unwrap();
        let tx = conn.transaction().unwrap();
        let kinds = [
            "introduced_by",
            "referred_by",
            "knows",
            "mentor",
            "family",
            "colleague",
        ];
        for o in 1..=organizations {
            tx.execute(
                "INSERT INTO organization (id, name, created_at) VALUES (?1, ?2, ?3)",
                rusqlite::params![o, format!("Org {o}"), NOW],
            )
            .unwrap();
        }
        for p in 0..people {
            tx.execute(
                "INSERT INTO person (display_name, circle_id, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?3)",
                rusqlite::params![format!("Person {p}"), (next(10) + 1) as i64, NOW],
            )
            .unwrap();
            let id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO role (person_id, organization_id) VALUES (?1, ?2)",
                rusqlite::params![id, (next(organizations as u64) + 1) as i64],
            )
            .unwrap();
            if next(4) == 0 {
                tx.execute(
                    "INSERT INTO interaction (kind, occurred_at, created_at) VALUES ('call', ?1, ?1)",
                    [rapport_core::time::to_db(days_ago(next(700) as i64))],
                )
                .unwrap();
                tx.execute(
                    "INSERT INTO interaction_participant (interaction_id, person_id) VALUES (?1, ?2)",
                    [tx.last_insert_rowid(), id],
                )
                .unwrap();
            }
        }
        for _ in 0..links {
            let a = next(people as u64) as i64 + 2;
            let b = next(people as u64) as i64 + 2;
            if a != b {
                tx.execute(
                    "INSERT INTO link (from_person_id, to_person_id, kind, created_at)
                     VALUES (?1, ?2, ?3, ?4)",
                    rusqlite::params![a, b, kinds[next(6) as usize], NOW],
                )
                .unwrap();
            }
        }
        // You are linked to 3,000 of them, as after importing your connections.
        tx.execute(
            "INSERT INTO link (from_person_id, to_person_id, kind, created_at)
             SELECT 1, id, 'knows', ?1 FROM person WHERE id BETWEEN 2 AND 3001",
            [NOW],
        )
        .unwrap();
        tx.commit().unwrap();
    }
    let store = Store::open_with_clock(dir.path(), clock_at(NOW)).unwrap();
    for (label, organization) in [("people", false), ("organizations", true)] {
        let mut times = Vec::new();
        for _ in 0..200 {
            let target = if organization {
                PathTarget::Organization(next(organizations as u64) as i64 + 1)
            } else {
                PathTarget::Person(next(people as u64) as i64 + 2)
            };
            let started = std::time::Instant::now();
            let paths = store.warm_paths(target, 3, 10).unwrap();
            times.push(started.elapsed());
            assert!(!paths.is_empty());
        }
        times.sort();
        println!(
            "{label}: p50 {:?}, p95 {:?}, max {:?}",
            times[times.len() / 2],
            times[times.len() * 95 / 100],
            times[times.len() - 1]
        );
    }
}
