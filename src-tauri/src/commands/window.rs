//! What the window tells the app about itself.

/// The window has painted its first data (the people list and the first screen). The log keeps
/// how long that took from the start of the process: the start-up time a person feels, which
/// `scripts/perf/measure_app.py` also reads.
#[tauri::command]
pub async fn window_painted() {
    match crate::since_process_start() {
        Some(elapsed) => tracing::info!(
            elapsed_ms = elapsed.as_millis() as u64,
            "window painted its first data"
        ),
        None => tracing::info!("window painted its first data"),
    }
}
