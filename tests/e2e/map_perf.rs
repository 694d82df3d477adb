//! The network map's speed at 3,000 and 30,000 people, in the real window (not a timed test:
//! ignored, run by scripts/perf.sh, which prints what it measures). For each store: time from
//! choosing Network to the map's first frame on screen (the first time, loading the graph
//! library, and again), and frame times while zooming with the wheel (60 wheel steps, one a
//! frame), on the bubbles and on a person's neighbourhood. Results also go to
//! `target/perf/map.json`.

use serde_json::{json, Value};

use crate::harness::{App, Bus, Profile};

/// Clicks `button` and resolves with the milliseconds until the map is ready and two frames
/// have gone by (the view sets `data-ready` from a frame callback after drawing).
const TIME_OPEN: &str = "const [css, done] = [arguments[0], arguments[1]];
  const t0 = performance.now();
  document.querySelector(css).click();
  const poll = () => {
    const view = document.querySelector('#network');
    if (view && view.dataset.ready === 'true' && performance.now() - t0 > 5) done(performance.now() - t0);
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);";

/// Wheel steps over the canvas, one a frame, in then out; resolves with the frame intervals.
const TIME_ZOOM: &str = "const [wheel, done] = [arguments[0], arguments[1]];
  const handler = [];
  const canvas = document.querySelector('#network-canvas');
  const box = canvas.getBoundingClientRect();
  const target = canvas.querySelector('canvas:last-of-type') || canvas;
  const frames = [];
  let last = performance.now();
  const began = last;
  let i = 0;
  const step = (now) => { try {
    frames.push(now - last);
    last = now;
    if (i === 60 || performance.now() - began > 20000) { done([frames.slice(1), handler]); return; }
    const deltaY = i < 30 ? -120 : 120;
    const t = performance.now();
    if (wheel) target.dispatchEvent(new WheelEvent('wheel', { deltaY, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true }));
    handler.push(performance.now() - t);
    i += 1;
    requestAnimationFrame(step);
  } catch (e) { done(String(e.stack || e)); } };
  requestAnimationFrame(step);";

fn quantile(values: &[f64], q: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap());
    sorted[((sorted.len() as f64 - 1.0) * q).round() as usize]
}

async fn open(app: &App, css: &str) -> f64 {
    app.client
        .execute_async(TIME_OPEN, vec![json!(css)])
        .await
        .unwrap()
        .as_f64()
        .unwrap()
}

async fn zoom(app: &App) -> Value {
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let answer = app.client.execute_async(TIME_ZOOM, vec![json!(true)]).await;
    let answer = answer.unwrap_or_else(|e| panic!("zooming: {e}"));
    let (frames, handler): (Vec<f64>, Vec<f64>) =
        serde_json::from_value(answer.clone()).unwrap_or_else(|_| panic!("zooming: {answer}"));
    let idle = app
        .client
        .execute_async(TIME_ZOOM, vec![json!(false)])
        .await
        .unwrap();
    let (idle, _): (Vec<f64>, Vec<f64>) = serde_json::from_value(idle).unwrap();
    json!({
        "median": quantile(&frames, 0.5),
        "p95": quantile(&frames, 0.95),
        "max": quantile(&frames, 1.0),
        "wheel_handler_median": quantile(&handler, 0.5),
        "idle_median": quantile(&idle, 0.5),
    })
}

async fn measure(name: &str, data_dir: &std::path::Path) -> Value {
    let bus = Bus::start();
    let profile = Profile::new();
    std::fs::create_dir_all(&profile.data_dir).unwrap();
    std::fs::copy(
        data_dir.join("rapport.sqlite3"),
        profile.data_dir.join("rapport.sqlite3"),
    )
    .unwrap();
    let app = App::launch(&profile, &bus).await;
    let _ = app.client.set_window_rect(0, 0, 1280, 800).await;
    app.wait_for_css("#show-network").await;
    let first = open(&app, "#show-network").await;
    let loaded = app
        .js("return Number(document.querySelector('#network').dataset.loadedMs)")
        .await
        .as_f64()
        .unwrap();
    let overview_zoom = zoom(&app).await;
    app.wait_for_css("#show-today").await.click().await.unwrap();
    app.wait_for_css("#today").await;
    let again = open(&app, "#show-network").await;
    // A person's neighbourhood: the first person named in the largest organization's bubble.
    let someone = app
        .client
        .execute_async(
            "const done = arguments[0];
             window.__TAURI__.core.invoke('search_people', { query: 'a' }).then((p) => done(p[0].displayName));",
            vec![],
        )
        .await
        .unwrap();
    let find = app.wait_for_css("#network-find").await;
    find.send_keys(&format!("{}\u{E007}", someone.as_str().unwrap()))
        .await
        .unwrap();
    app.wait_for_css("#network[data-ready='true'][data-mode='neighbourhood']")
        .await;
    let neighbourhood_ms: f64 = app
        .js("return Number(document.querySelector('#network').dataset.drawnMs)")
        .await
        .as_f64()
        .unwrap();
    let neighbourhood_zoom = zoom(&app).await;
    app.quit(&bus).await;
    let result = json!({
        "store": name,
        "first_frame_ms": { "first_open": first, "again": again, "neighbourhood": neighbourhood_ms },
        "data_in_ms_first_open": loaded,
        "zoom_frame_ms": { "overview": overview_zoom, "neighbourhood": neighbourhood_zoom },
    });
    println!("map at {name}: {result}");
    result
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a measurement: scripts/perf.sh runs it"]
async fn network_map_first_frame_and_zoom_frame_times_at_3000_and_30000_people() {
    let medium =
        rapport_perf::cache::store("medium", rapport_perf::generate::Scale::MEDIUM, 42).unwrap();
    let heavy =
        rapport_perf::cache::store("heavy", rapport_perf::generate::Scale::HEAVY, 42).unwrap();
    let results = vec![
        measure("3,000 people", &medium).await,
        measure("30,000 people", &heavy).await,
    ];
    let out = rapport_perf::cache::perf_dir().join("map.json");
    std::fs::write(&out, serde_json::to_string_pretty(&results).unwrap()).unwrap();
    println!("map timings: {}", out.display());
}
