//! Sync while Rapport runs, in the process that owns the reminder loop (the agent on Linux):
//! a pass at start, a few seconds after any change sync would send (debounced), every 15
//! minutes, and sooner again after a failure (1, 2, 4… minutes, up to the 15). An account's
//! first upload waits for the user ("Sync now", `rapport sync`). With no account synced yet it
//! only listens for changes, waking nothing.

use std::path::Path;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rapport_core::Store;

/// A pass this long after the last change, so that typing a name is one pass, not ten.
pub const DEBOUNCE: Duration = Duration::from_secs(5);
/// A pass at least this often, for what changed on the server.
pub const EVERY: Duration = Duration::from_secs(15 * 60);
/// The first retry after a failed pass; each next one waits twice as long, up to `EVERY`.
const FIRST_RETRY: Duration = Duration::from_secs(60);
/// How long to sleep with nothing scheduled (a day: in practice, until a change).
const IDLE: Duration = Duration::from_secs(24 * 60 * 60);

#[derive(Clone, Copy)]
struct StoreChanged;

/// When the next pass is due after one that ended now.
fn next_after(failures: u32, now: Instant) -> Instant {
    match failures {
        0 => now + EVERY,
        n => now + (FIRST_RETRY * 2u32.saturating_pow(n - 1)).min(EVERY),
    }
}

/// Starts the sync thread. It lives as long as the process.
pub fn start(store: Arc<Store>, data_dir: &Path) {
    let (sender, changes) = mpsc::channel();
    let watcher = rapport_reminders::watch::watch(data_dir, sender, StoreChanged);
    std::thread::Builder::new()
        .name("sync".into())
        .spawn(move || {
            let _watcher = watcher;
            run(&store, &changes);
        })
        .expect("spawn the sync thread");
}

fn run(store: &Store, changes: &mpsc::Receiver<StoreChanged>) {
    let mut failures = 0u32;
    let mut next_pass = Some(Instant::now());
    let mut fingerprint = store.sync_fingerprint().ok();
    loop {
        let now = Instant::now();
        if next_pass.is_some_and(|at| at <= now) {
            let started = store.accounts().map(|a| a.iter().any(crate::started));
            next_pass = if started.unwrap_or(false) {
                match crate::sync_started(store) {
                    Ok(report) if report.all_synced() => failures = 0,
                    Ok(_) => failures += 1,
                    Err(error) => {
                        tracing::warn!(%error, "sync did not run");
                        failures += 1;
                    }
                }
                Some(next_after(failures, Instant::now()))
            } else {
                None
            };
            // What the pass itself wrote is no reason for another.
            fingerprint = store.sync_fingerprint().ok();
            continue;
        }
        let wait = next_pass.map_or(IDLE, |at| at.saturating_duration_since(now));
        match changes.recv_timeout(wait) {
            Ok(StoreChanged) => {
                // An import writes thousands of times: one look for all that came at once.
                while changes.try_recv().is_ok() {}
                let now_fingerprint = store.sync_fingerprint().ok();
                if now_fingerprint != fingerprint {
                    fingerprint = now_fingerprint;
                    // A few seconds after the change, or sooner if a pass is due sooner.
                    let soon = Instant::now() + DEBOUNCE;
                    next_pass = Some(match next_pass {
                        Some(at) if at < soon => at,
                        _ => soon,
                    });
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                // No watcher: passes still come every 15 minutes.
                std::thread::sleep(wait.min(EVERY));
                next_pass.get_or_insert_with(Instant::now);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_failures_the_retries_wait_1_2_4_8_then_15_minutes() {
        let now = Instant::now();
        let minutes = |failures| (next_after(failures, now) - now).as_secs() / 60;
        assert_eq!([1, 2, 3, 4, 5, 9].map(minutes), [1, 2, 4, 8, 15, 15]);
        assert_eq!(minutes(0), 15, "after a good pass, the next in 15 minutes");
    }
}
