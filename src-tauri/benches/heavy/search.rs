//! Search at heavy-user scale: what a person types, through the command layer and as the same
//! SQL on a bare SQLite connection, interleaved so both see the same cache.

use std::path::Path;
use std::time::Instant;

use rapport_perf::stats::Samples;
use rusqlite::Connection;
use serde_json::json;

use crate::ipc::Ipc;
use crate::report::Report;

/// What a person types into the search box: first letters, then whole words.
const QUERIES: &[(&str, &[&str])] = &[
    ("1 letter", &["a", "m", "s", "j", "k", "l"]),
    ("2 letters", &["ma", "jo", "li", "ch", "sa", "an"]),
    ("3 letters", &["mar", "joh", "lov", "gar", "eng", "ana"]),
    (
        "accents kept",
        &["mü", "josé", "zoë", "hél", "jür", "chloé"],
    ),
    (
        "whole words",
        &[
            "martinez",
            "lovelace",
            "engineer",
            "coffee",
            "hopper",
            "analytical",
        ],
    ),
];

/// The statement the core runs on `table`, returning what the list shows (id and name), on a
/// bare connection.
fn raw_sql(table: &str) -> String {
    format!(
        "SELECT p.id, p.display_name FROM {table} s JOIN person p ON p.id = s.rowid
         WHERE {table} MATCH ?1 AND p.is_me = 0 AND p.deleted_at IS NULL
         ORDER BY s.rowid DESC LIMIT ?2"
    )
}

/// The same queries as the core (whole name words, name prefixes, anywhere; with accents typed,
/// the names keeping them first in each name group), by hand on SQLite.
fn raw_search(conn: &Connection, typed: &str) -> Vec<(i64, String)> {
    let query = rapport_core::network::search::query_for(typed).unwrap();
    let max = rapport_core::network::search::MAX_RESULTS;
    let run = |table: &str, expression: &str, limit: usize| -> Vec<(i64, String)> {
        let mut statement = conn.prepare_cached(&raw_sql(table)).unwrap();
        statement
            .query_map(rusqlite::params![expression, limit as i64], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let mut found: Vec<(i64, String)> = Vec::new();
    for tier in query.tiers() {
        if found.len() >= max {
            break;
        }
        let mut more: Vec<_> = run(tier.index.table(), tier.expression, max + found.len())
            .into_iter()
            .filter(|(id, _)| !found.iter().any(|(seen, _)| seen == id))
            .take(max - found.len())
            .collect();
        if tier.alphabetical {
            more.sort_by_cached_key(|(_, name)| name.to_lowercase());
        }
        found.extend(more);
    }
    found
}

/// Search through the command layer and on raw SQLite, interleaved so both see the same cache.
pub fn bench_search(
    report: &mut Report,
    data_dir: &Path,
    label: &str,
    repeat: usize,
    target: &str,
    raw_target: &str,
) {
    let ipc = Ipc::over(data_dir);
    let raw = Connection::open(data_dir.join(rapport_core::store::paths::DATABASE_FILE)).unwrap();
    let (mut all_command, mut all_raw) = (Vec::new(), Vec::new());
    for (kind, words) in QUERIES {
        let inputs: Vec<&str> = words
            .iter()
            .copied()
            .cycle()
            .take(words.len() * repeat)
            .collect();
        let (mut command, mut plain) = (Vec::new(), Vec::new());
        for (round, typed) in inputs.iter().enumerate() {
            let started = Instant::now();
            let found = ipc.call("search_people", json!({ "query": typed }));
            let took = started.elapsed();
            let started = Instant::now();
            let rows = raw_search(&raw, typed);
            let took_raw = started.elapsed();
            assert_eq!(
                found.as_array().unwrap().len(),
                rows.len(),
                "{typed}: both find the same people"
            );
            // The first round of each query warms the caches.
            if round >= words.len() {
                command.push(took);
                plain.push(took_raw);
            }
        }
        all_command.extend(command.iter().copied());
        all_raw.extend(plain.iter().copied());
        report.add(
            format!("search {label}, {kind}, command"),
            Samples::new(command),
            target,
        );
        report.add(
            format!("search {label}, {kind}, raw SQLite"),
            Samples::new(plain),
            "",
        );
    }
    report.add(
        format!("search {label}, all, command"),
        Samples::new(all_command),
        target,
    );
    report.add(
        format!("search {label}, all, raw SQLite"),
        Samples::new(all_raw),
        raw_target,
    );
}
