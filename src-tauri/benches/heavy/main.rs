//! Rapport at heavy-user scale, measured the way the window uses it: every command is invoked
//! over IPC on Tauri's mock runtime (arguments and answers go through JSON as from the webview),
//! against a seeded store of 30,000 people (and 1,000,000 for search). Search is also run as
//! the same SQL on a plain SQLite connection, to show what the layers above SQLite cost.
//!
//! `cargo bench --bench heavy` prints median and p95 of each; `cargo test --bench heavy` runs
//! the same code on a small store as a check that it works (its numbers mean nothing).
//! `RAPPORT_BENCH_SKIP_STRESS=1` leaves out the million-people set.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use rapport_core::exchange::import::{self, ImportFormat};
use rapport_core::Store;
use rapport_perf::cache;
use rapport_perf::generate::{Scale, DEFAULT_NOW};
use rapport_perf::stats::Samples;
use rusqlite::Connection;
use serde_json::json;

const SEED: u64 = 42;

mod ipc;
mod report;
mod search;

use ipc::Ipc;
use report::Report;
use search::bench_search;

fn bench_workflow(
    report: &mut Report,
    data_dir: &Path,
    people: usize,
    organizations: usize,
    runs: usize,
) {
    let ipc = Ipc::over(data_dir);
    // Spread over everyone: ids 2.. are the generated people (1 is the user).
    let spread = |n: usize, count: usize| -> Vec<usize> {
        (0..n).map(|i| 2 + (i * 7_919) % count).collect()
    };
    let targets = spread(runs, people);
    report.add(
        "warm paths to a person, ≤ 3 hops",
        Samples::measure(&targets, |id| {
            ipc.call(
                "warm_paths",
                json!({ "target": { "type": "person", "id": id }, "maxHops": 3, "limit": 5 }),
            );
        }),
        "p95 ≤ 10 ms",
    );
    let organization_ids: Vec<usize> = (0..runs).map(|i| 1 + (i * 7_919) % organizations).collect();
    report.add(
        "warm paths to an organization, ≤ 3 hops",
        Samples::measure(&organization_ids, |id| {
            ipc.call(
                "warm_paths",
                json!({ "target": { "type": "organization", "id": id }, "maxHops": 3, "limit": 5 }),
            );
        }),
        "p95 ≤ 10 ms",
    );
    // Today as the window loads it: its follow-ups up to the end of the day (and the next
    // twenty), the overview (meetings, going cold) and open opportunities.
    let now = rapport_core::store::time::from_db(DEFAULT_NOW).unwrap();
    let until = now
        .date_naive()
        .succ_opt()
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc();
    let today = |_: &()| {
        ipc.call(
            "followups_ahead",
            json!({ "until": until, "laterLimit": 20 }),
        );
        ipc.call("today_overview", json!({}));
        ipc.call("list_opportunities", json!({ "includeClosed": false }));
        ipc.call("weekly_plan", json!({}));
    };
    report.add(
        "Today (follow-ups, overview, opportunities, this week's plan)",
        Samples::measure(&vec![(); runs / 2], today),
        "",
    );
    report.add(
        "  of which the follow-ups",
        Samples::measure(&vec![(); runs / 2], |_| {
            ipc.call(
                "followups_ahead",
                json!({ "until": until, "laterLimit": 20 }),
            );
        }),
        "",
    );
    report.add(
        "  of which the overview",
        Samples::measure(&vec![(); runs / 2], |_| {
            ipc.call("today_overview", json!({}));
        }),
        "",
    );
    // The plan is made once a week, then kept: made afresh each run (the kept week forgotten
    // through a plain connection), and then as every later open of Today reads it.
    let raw = Connection::open(data_dir.join(rapport_core::store::paths::DATABASE_FILE)).unwrap();
    report.add(
        "the weekly plan, made (the first open of a week)",
        Samples::measure(&vec![(); runs / 2], |_| {
            raw.execute("DELETE FROM plan_item", []).unwrap();
            ipc.call("weekly_plan", json!({}));
        }),
        "p95 ≤ 50 ms",
    );
    report.add(
        "the weekly plan, kept (every later open)",
        Samples::measure(&vec![(); runs / 2], |_| {
            ipc.call("weekly_plan", json!({}));
        }),
        "p95 ≤ 50 ms",
    );
    report.add(
        "the Progress screen (twelve weeks and months, goals)",
        Samples::measure(&vec![(); 20], |_| {
            ipc.call("progress_report", json!({}));
            ipc.call("list_goals", json!({}));
        }),
        "",
    );
    report.add(
        "the opportunities screen (leads, organizations, targets, meetings)",
        Samples::measure(&vec![(); 10], |_| {
            ipc.call("list_opportunities", json!({ "includeClosed": false }));
            ipc.call("list_organizations", json!({}));
            ipc.call("list_targets", json!({}));
            ipc.call("list_meetings", json!({ "personId": null }));
        }),
        "",
    );
    // What any command costs on the mock runtime: a round trip with nothing to do.
    report.add(
        "an IPC round trip doing nothing (notification_trouble)",
        Samples::measure(&vec![(); runs], |_| {
            ipc.call("notification_trouble", json!({}));
        }),
        "",
    );
    report.add(
        "a person's page (person, timeline, meetings)",
        Samples::measure(&targets, |id| {
            ipc.call("get_person", json!({ "id": id }));
            ipc.call("person_timeline", json!({ "id": id }));
            ipc.call("list_meetings", json!({ "personId": id }));
        }),
        "",
    );
    report.add(
        "the people list at start (everyone)",
        Samples::measure(&vec![(); 10], |_| {
            ipc.call(
                "list_people_summaries",
                json!({ "filter": { "includeArchived": false } }),
            );
        }),
        "",
    );
}

/// Median of `runs` imports of the file into a new store, against `sqlite3 .import` of the
/// same file into a bare table. Returns (rows per second, ratio).
fn bench_import(report: &mut Report, csv: &Path, rows: usize, runs: usize) -> (f64, f64) {
    let mut times = Vec::new();
    for _ in 0..runs {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let started = Instant::now();
        let bytes = import::read_file(csv).unwrap();
        let parsed = import::parse(ImportFormat::Linkedin, &bytes).unwrap();
        let summary = store
            .import(ImportFormat::Linkedin, &parsed, &mut |_| {})
            .unwrap();
        times.push(started.elapsed());
        assert_eq!(summary.new, rows, "every row is a new person");
    }
    let ours = Samples::new(times);
    let mut times = Vec::new();
    for _ in 0..runs {
        let dir = tempfile::tempdir().unwrap();
        let database = dir.path().join("bare.sqlite3");
        let started = Instant::now();
        // The preamble (three lines) is skipped; the header then names the bare table's columns.
        let output = Command::new("sqlite3")
            .arg(&database)
            .arg(format!(
                ".import --csv --skip 3 {} connections",
                csv.display()
            ))
            .output()
            .expect("sqlite3 (the SQLite shell) is installed");
        times.push(started.elapsed());
        assert!(
            output.status.success(),
            "sqlite3 .import: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let count: usize = Connection::open(&database)
            .unwrap()
            .query_row("SELECT count(*) FROM connections", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, rows, "sqlite3 imported every row");
    }
    let sqlite = Samples::new(times);
    let ratio = ours.median().as_secs_f64() / sqlite.median().as_secs_f64();
    let per_second = rows as f64 / ours.median().as_secs_f64();
    report.add(
        format!("import {rows}-row Connections.csv (parse, dedupe, index)"),
        ours,
        "≤ 2 s",
    );
    report.add(format!("sqlite3 .import of the same file"), sqlite, "");
    (per_second, ratio)
}

fn main() {
    // `cargo bench` passes --bench; `cargo test` does not, and then a small store is enough.
    let full = std::env::args().any(|arg| arg == "--bench");
    let skip_stress = !full || std::env::var_os("RAPPORT_BENCH_SKIP_STRESS").is_some();
    let (scale, name, rows, runs, repeat) = if full {
        (Scale::HEAVY, "heavy", 30_000, 300, 30)
    } else {
        let small = Scale {
            people: 600,
            organizations: 60,
            interactions: 6_000,
            links: 4_800,
            followups: 600,
            my_connections: 60,
        };
        (small, "small", 600, 20, 3)
    };
    eprintln!("Rapport benchmarks ({name}: {} people)", scale.people);
    let data_dir = cache::store(name, scale, SEED).expect("generate the store");
    let mut report = Report(Vec::new());
    bench_search(
        &mut report,
        &data_dir,
        &format!("{}", scale.people),
        repeat,
        "p95 ≤ 10 ms, ≤ 2× raw",
        "",
    );
    bench_workflow(
        &mut report,
        &data_dir,
        scale.people,
        scale.organizations,
        runs,
    );
    let csv = cache::connections_csv(rows, SEED).expect("generate the CSV");
    let (per_second, ratio) = bench_import(&mut report, &csv, rows, if full { 5 } else { 2 });
    let label = format!("{}", scale.people);
    let search_ratio = report
        .p95(&format!("search {label}, all, command"))
        .as_secs_f64()
        / report
            .p95(&format!("search {label}, all, raw SQLite"))
            .as_secs_f64();
    let mut extra = vec![
        (
            format!("search {label}: command p95 ÷ raw p95"),
            format!("{search_ratio:.2}×"),
            "≤ 2×".to_string(),
        ),
        (
            "import rows per second".into(),
            format!("{per_second:.0}"),
            String::new(),
        ),
        (
            "import ÷ sqlite3 .import (medians)".into(),
            format!("{ratio:.2}×"),
            "≤ 3×".to_string(),
        ),
    ];
    if !skip_stress {
        let stress =
            cache::store("stress", Scale::STRESS, SEED).expect("generate the stress store");
        bench_search(&mut report, &stress, "1M", 10, "p95 ≤ 50 ms", "");
        let stress_ratio = report.p95("search 1M, all, command").as_secs_f64()
            / report.p95("search 1M, all, raw SQLite").as_secs_f64();
        extra.push((
            "search 1M: command p95 ÷ raw p95".into(),
            format!("{stress_ratio:.2}×"),
            String::new(),
        ));
    }
    report.print(&extra);
    if full {
        let path = cache::perf_dir().join("bench.json");
        report.save(&path, &extra);
        eprintln!("results saved to {}", path.display());
    }
}
