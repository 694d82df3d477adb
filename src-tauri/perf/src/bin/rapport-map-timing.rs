//! Times the network map's queries in the core, release build, over a generated store:
//! `rapport-map-timing DATA_DIR [RUNS]` prints the median and p95 of the overview (bubbles),
//! a circle's overview, a person's neighbourhood and, for comparison, the full map.
//! scripts/perf.sh runs it on the 3,000- and 30,000-people stores.

use std::path::PathBuf;
use std::time::Instant;

use rapport_core::network::map::MapFilter;
use rapport_core::Store;

fn time(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    f();
    let mut samples: Vec<f64> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    samples.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .expect("usage: rapport-map-timing DATA_DIR [RUNS]"),
    );
    let runs: usize = args
        .next()
        .map_or(10, |r| r.parse().expect("RUNS is a number"));
    // On a copy: opening a store may write to it (settings, a first backup).
    let copy = std::env::temp_dir().join(format!("rapport-map-timing-{}", std::process::id()));
    std::fs::create_dir_all(&copy).unwrap();
    std::fs::copy(dir.join("rapport.sqlite3"), copy.join("rapport.sqlite3")).unwrap();
    let store = Store::open(&copy).expect("the store opens");
    let overview = store.network_overview(&MapFilter::default()).unwrap();
    let circle = overview.circles.first().cloned();
    let someone = store.search_people_summaries("a").unwrap()[0].id;
    let report = |what: &str, (median, p95): (f64, f64)| {
        println!("map core {what}: median {median:.1} ms, p95 {p95:.1} ms ({runs} runs)")
    };
    println!("map core store: {} people", overview.people);
    report(
        "overview",
        time(runs, || {
            drop(store.network_overview(&MapFilter::default()).unwrap())
        }),
    );
    let in_circle = MapFilter {
        circle,
        ..Default::default()
    };
    report(
        "a circle's overview",
        time(runs, || drop(store.network_overview(&in_circle).unwrap())),
    );
    report(
        "a person's neighbourhood",
        time(runs, || drop(store.person_neighbourhood(someone).unwrap())),
    );
    report(
        "the full map (everyone)",
        time(runs.min(3), || {
            drop(store.network_map(&MapFilter::default()).unwrap())
        }),
    );
}
