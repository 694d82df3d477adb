//! What the window tells the app about itself.

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tauri::{AppHandle, Runtime};

/// The window has painted its first data (the people list), or with `screen` "today", Today
/// with its plan of the week. The log keeps how long that took from the start of the process,
/// the start-up time a person feels (which `scripts/perf/measure_app.py` also reads), and, for
/// finding where it went, when the page reached each of its `marks` (milliseconds since the Unix
/// epoch, from the page's clock).
#[tauri::command]
pub async fn window_painted<R: Runtime>(
    app: AppHandle<R>,
    marks: Option<BTreeMap<String, f64>>,
    screen: Option<String>,
) {
    let what = match screen.as_deref() {
        Some("today") => "window painted Today",
        _ => {
            // Now that the window shows its data, the tray (see `run`).
            let on_main = app.clone();
            let _ = app.run_on_main_thread(move || crate::tray::create_once(&on_main));
            "window painted its first data"
        }
    };
    let Some(elapsed) = crate::since_process_start() else {
        return tracing::info!("{what}");
    };
    let started = SystemTime::now()
        .checked_sub(elapsed)
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .unwrap_or(Duration::ZERO)
        .as_secs_f64()
        * 1000.0;
    let marks: Vec<String> = marks
        .unwrap_or_default()
        .into_iter()
        .map(|(name, at)| format!("{name} {:.0}", at - started))
        .collect();
    tracing::info!(
        elapsed_ms = elapsed.as_millis() as u64,
        marks = %marks.join(", "),
        "{what}"
    );
}
