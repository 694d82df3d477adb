//! The reminder loop. The notification plugin cannot schedule on desktop, so a thread of ours
//! sleeps until the next due follow-up (or local midnight, when the tray's "today" rolls over)
//! and shows it. It wakes early when this process writes (a message on its channel) or another
//! process does (a change to the store's files, confirmed by `PRAGMA data_version`). On Linux
//! the sleep is a wall-clock timer that survives suspend and notices the clock being set, so
//! with nothing due and nothing written the loop does not wake at all until midnight; elsewhere
//! it wakes at least once a minute to catch those. (A change of time zone is noticed at the next
//! wake.)

use std::path::Path;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Local, Utc};
use notify::{RecursiveMode, Watcher};
use rapport_core::store::time::next_local_midnight;
use rapport_core::Store;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::tray;
use desktop::Desktop;
use wall_timer::WallTimer;

pub use desktop::NotificationHealth;

mod desktop;
#[cfg(target_os = "linux")]
mod desktop_notifications;
mod wall_timer;

/// Without a wall-clock timer, the longest the loop sleeps: the bound on how late it notices a
/// suspend or a clock change.
const MAX_SLEEP: Duration = Duration::from_secs(60);

/// How soon a daily backup that failed is tried again.
const BACKUP_RETRY: chrono::Duration = chrono::Duration::minutes(15);

/// Writes come in bursts (a transaction is several file writes): wait this long for the burst to
/// end before looking.
const SETTLE: Duration = Duration::from_millis(100);

/// Event the UI listens to, to reload what it shows when the store changed elsewhere.
pub const STORE_CHANGED_EVENT: &str = "store-changed";
/// Event telling the UI that notifications cannot be shown (no notification service).
pub const NOTIFICATIONS_UNAVAILABLE_EVENT: &str = "notifications-unavailable";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wake {
    /// This process wrote to the store.
    Changed,
    /// The store's files changed on disk; maybe another process wrote.
    FilesChanged,
    /// The wall clock reached the deadline the loop set (or was set).
    Timer,
}

/// Tells the loop about changes. Cheap to clone; silent when no loop runs (as in tests).
#[derive(Debug, Clone)]
pub struct Handle(Sender<Wake>);

/// The loop's end of the channel, and a sender for the file watcher.
pub struct Inbox {
    receiver: Receiver<Wake>,
    sender: Sender<Wake>,
}

pub fn channel() -> (Handle, Inbox) {
    let (sender, receiver) = mpsc::channel();
    (Handle(sender.clone()), Inbox { receiver, sender })
}

impl Handle {
    pub fn changed(&self) {
        let _ = self.0.send(Wake::Changed);
    }
}

/// When to wake next: the next due follow-up or local midnight (the tray's "today" changes
/// then), whichever comes first.
pub fn next_wake(next_due: Option<DateTime<Utc>>, next_midnight: DateTime<Utc>) -> DateTime<Utc> {
    next_due.map_or(next_midnight, |due| due.min(next_midnight))
}

/// Without a wall-clock timer: how long to sleep until `wake`, but never longer than
/// [`MAX_SLEEP`].
pub fn sleep_duration(now: DateTime<Utc>, wake: DateTime<Utc>) -> Duration {
    (wake - now)
        .to_std()
        .unwrap_or(Duration::ZERO)
        .min(MAX_SLEEP)
}

/// Starts the loop on its own thread, and the watcher on the data directory.
pub fn start<R: Runtime>(app: AppHandle<R>, store: Arc<Store>, inbox: Inbox, data_dir: &Path) {
    let watcher = watch(data_dir, inbox.sender.clone());
    let timer = WallTimer::start(inbox.sender.clone(), Wake::Timer)
        .inspect_err(|error| tracing::info!(%error, "no wall-clock timer: the reminder loop wakes every minute"))
        .ok();
    std::thread::Builder::new()
        .name("reminders".into())
        .spawn(move || {
            // The watcher lives as long as the loop.
            let _watcher = watcher;
            run(&app, &store, inbox.receiver, timer);
        })
        .expect("spawn the reminder thread");
}

fn watch(data_dir: &Path, wake: Sender<Wake>) -> Option<notify::RecommendedWatcher> {
    let database = rapport_core::store::paths::DATABASE_FILE;
    let handler = move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        let touches_store = event.paths.iter().any(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(database))
        });
        if touches_store && (event.kind.is_modify() || event.kind.is_create()) {
            let _ = wake.send(Wake::FilesChanged);
        }
    };
    let watcher = notify::recommended_watcher(handler).and_then(|mut watcher| {
        watcher.watch(data_dir, RecursiveMode::NonRecursive)?;
        Ok(watcher)
    });
    match watcher {
        Ok(watcher) => Some(watcher),
        Err(error) => {
            // Still correct without it: changes by other processes are then seen within a minute.
            tracing::warn!(%error, "cannot watch the data folder; other processes' changes are seen within a minute");
            None
        }
    }
}

fn run<R: Runtime>(
    app: &AppHandle<R>,
    store: &Store,
    inbox: Receiver<Wake>,
    mut timer: Option<WallTimer>,
) {
    let mut desktop = Desktop::new(app);
    let mut at_start = true;
    let mut was_quiet = false;
    let mut data_version = store.data_version().unwrap_or_default();
    loop {
        let health = app.state::<crate::AppState>().notifications.clone();
        // In the user's quiet hours nothing is shown; what came due waits for their end.
        let quiet_until = store
            .quiet_until(store.now(), &Local)
            .unwrap_or_else(|error| {
                tracing::error!(%error, "could not read the quiet hours");
                None
            });
        let delivered = if quiet_until.is_some() {
            was_quiet = true;
            Ok(0)
        } else {
            // What came due during quiet hours is summarised like what was missed before a start.
            let summarise = at_start || std::mem::take(&mut was_quiet);
            store.deliver_due(summarise, |notice| {
            let result = desktop.show(notice);
            if health.record(result.as_ref().err().map(String::as_str)) {
                tracing::warn!("no notification service: due follow-ups are shown in the app and counted in the tray");
                let _ = app.emit(NOTIFICATIONS_UNAVAILABLE_EVENT, ());
            }
            result
            })
        };
        match delivered {
            Ok(0) => {}
            Ok(shown) => {
                tracing::info!(shown, "notified due follow-ups");
                let _ = app.emit(STORE_CHANGED_EVENT, ());
            }
            Err(error) => tracing::error!(%error, "could not deliver due follow-ups"),
        }
        tray::refresh(app, store, health.unavailable());
        // Cheap when today's copy exists; the loop wakes at midnight for the next one. One that
        // failed (an unplugged backup drive) is tried again a quarter of an hour later.
        let backup_retry = match store.daily_backup() {
            Ok(_) => None,
            Err(error) => {
                tracing::error!(%error, "could not make today's backup");
                Some(store.now() + BACKUP_RETRY)
            }
        };
        if at_start {
            tracing::info!("reminder loop ready");
            at_start = false;
        }

        let now = store.now();
        let next_due = store.next_undelivered_due().unwrap_or_else(|error| {
            tracing::error!(%error, "could not read the next due time");
            None
        });
        // During quiet hours, what is due waits for them to end.
        let next_due = match (quiet_until, next_due) {
            (Some(until), Some(due)) => Some(due.max(until)),
            (_, due) => due,
        };
        let wake_at = next_wake(next_due, next_local_midnight(now, &Local));
        let wake_at = backup_retry.map_or(wake_at, |retry| retry.min(wake_at));
        if let Some(armed) = &timer {
            if let Err(error) = armed.arm(wake_at) {
                tracing::warn!(%error, "cannot arm the wall-clock timer: the reminder loop wakes every minute");
                timer = None;
            }
        }
        tracing::debug!(%wake_at, ?next_due, "reminder loop sleeping");
        let woken = if timer.is_some() {
            inbox.recv().map_err(|_| RecvTimeoutError::Disconnected)
        } else {
            inbox.recv_timeout(sleep_duration(now, wake_at))
        };

        let reason = match woken {
            Ok(Wake::Timer) => "timer",
            Ok(wake) => {
                // Let the burst settle, then take everything queued as one wake.
                std::thread::sleep(SETTLE);
                let mut wakes = vec![wake];
                wakes.extend(inbox.try_iter());
                if wakes.contains(&Wake::Changed) {
                    "change"
                } else {
                    let version = store.data_version().unwrap_or_default();
                    if version == data_version {
                        // The echo on disk of a write of ours, already handled.
                        "own change on disk"
                    } else {
                        data_version = version;
                        let _ = app.emit(STORE_CHANGED_EVENT, ());
                        "external change"
                    }
                }
            }
            Err(RecvTimeoutError::Timeout) => "timer",
            Err(RecvTimeoutError::Disconnected) => return,
        };
        tracing::debug!(reason, "reminder loop woke");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rapport_core::store::time::from_db;

    fn at(text: &str) -> DateTime<Utc> {
        from_db(text).unwrap()
    }

    #[test]
    fn wakes_for_the_next_due_follow_up_however_far_away() {
        let midnight = at("2026-03-02T00:00:00Z");
        assert_eq!(
            next_wake(Some(at("2026-03-01T10:00:30Z")), midnight),
            at("2026-03-01T10:00:30Z")
        );
        assert_eq!(
            next_wake(Some(at("2026-03-01T18:00:00Z")), midnight),
            at("2026-03-01T18:00:00Z")
        );
    }

    #[test]
    fn with_nothing_due_wakes_only_at_midnight_to_roll_the_tray_over() {
        let midnight = at("2026-03-02T00:00:00Z");
        assert_eq!(next_wake(None, midnight), midnight);
        assert_eq!(
            next_wake(Some(at("2026-03-05T09:00:00Z")), midnight),
            midnight
        );
    }

    #[test]
    fn without_a_wall_clock_timer_never_sleeps_longer_than_a_minute() {
        let now = at("2026-03-01T10:00:00Z");
        assert_eq!(
            sleep_duration(now, at("2026-03-01T10:00:30Z")),
            Duration::from_secs(30)
        );
        assert_eq!(sleep_duration(now, at("2026-03-01T18:00:00Z")), MAX_SLEEP);
        // Overdue: no sleep at all.
        assert_eq!(
            sleep_duration(now, at("2026-03-01T09:00:00Z")),
            Duration::ZERO
        );
    }
}
