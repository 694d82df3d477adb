//! The reminder loop. No notification API schedules for us on every desktop, so a thread of ours
//! sleeps until the next due follow-up, the Monday digest or local midnight (when the tray's
//! "today" rolls over, and next year's birthday reminders are armed) and shows it. It wakes
//! early when this process writes (a message on its channel) or another process does (a change
//! to the store's files, confirmed by `PRAGMA data_version`). The sleep is a wall-clock timer
//! that survives suspend and notices the clock being set, so with nothing due and nothing
//! written the loop does not wake at all until midnight. (A change of time zone is noticed at
//! the next wake.)
//!
//! What the loop needs from the process it runs in (a window to open, a tray to refresh, a UI
//! to tell) comes through [`Host`], so it runs the same in a Tauri window or a tray agent.

use std::path::Path;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::Duration;

use chrono::Local;
use rapport_core::store::time::next_local_midnight;
use rapport_core::Store;

use crate::notifier::{self, Activation, AppIdentity, NotifyError, OnActivation, Toast};
use crate::schedule::{next_wake, sleep_duration};
use crate::wall_timer::WallTimer;
use crate::{actions, watch, LoopLock, NotificationHealth};

/// How soon a daily backup that failed is tried again.
const BACKUP_RETRY: chrono::Duration = chrono::Duration::minutes(15);

/// Writes come in bursts (a transaction is several file writes): wait this long for the burst to
/// end before looking.
const SETTLE: Duration = Duration::from_millis(100);

/// What the loop asks of the process it runs in. Called from the loop's and the notifier's
/// threads.
pub trait Host: Send + Sync + 'static {
    /// The store changed behind what is on screen (a notice delivered, a notification acted on,
    /// another process wrote): reload it.
    fn store_changed(&self);
    /// Notifications just became unavailable (no service, or the person turned them off): say
    /// so, once.
    fn notifications_unavailable(&self, why: &NotifyError);
    /// Show today's follow-ups in the tray (or their count, when notifications cannot).
    fn refresh_tray(&self, store: &Store, notifications_unavailable: bool);
    /// Open Rapport on a follow-up, or on Today.
    fn open(&self, followup: Option<i64>);
}

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

/// Starts the loop on its own thread, and the watcher on the data directory, unless another
/// process runs the store's loop already: then returns false and starts nothing.
pub fn start(
    host: Arc<dyn Host>,
    app: AppIdentity,
    store: Arc<Store>,
    health: NotificationHealth,
    inbox: Inbox,
    data_dir: &Path,
) -> bool {
    let lock = match LoopLock::try_acquire(data_dir) {
        Ok(Some(lock)) => Some(lock),
        Ok(None) => {
            tracing::info!("the reminder loop runs in another process");
            return false;
        }
        // Without a lock file (a read-only folder) a loop still beats none.
        Err(error) => {
            tracing::warn!(%error, "cannot take the reminder loop's lock; running it anyway");
            None
        }
    };
    let watcher = watch::watch(data_dir, inbox.sender.clone(), Wake::FilesChanged);
    let timer = WallTimer::start(inbox.sender.clone(), Wake::Timer)
        .inspect_err(|error| tracing::info!(%error, "no wall-clock timer: the reminder loop wakes every minute"))
        .ok();
    let on_activation =
        activation_handler(host.clone(), store.clone(), Handle(inbox.sender.clone()));
    std::thread::Builder::new()
        .name("reminders".into())
        .spawn(move || {
            // The watcher and the lock live as long as the loop.
            let (_watcher, _lock) = (watcher, lock);
            // Whether notifications can be shown is found out afresh by each loop, before its
            // first notification (cleared any later, it could erase what that one found).
            if let Err(error) = store.set_notification_trouble(None) {
                tracing::warn!(%error, "cannot clear the last loop's notification trouble");
            }
            let notifier = notifier::system(app, on_activation);
            run(&*host, &store, &health, notifier, inbox.receiver, timer);
        })
        .expect("spawn the reminder thread");
    true
}

/// What a click or an action on a notification does.
fn activation_handler(host: Arc<dyn Host>, store: Arc<Store>, loop_handle: Handle) -> OnActivation {
    Arc::new(move |activation| {
        if let Activation::Open { followup } = activation {
            host.open(followup);
            return;
        }
        match actions::apply(&store, activation) {
            Ok(_) => {
                tracing::info!(?activation, "acted on a notification");
                loop_handle.changed();
                host.store_changed();
            }
            Err(error) => tracing::error!(%error, ?activation, "could not act on a notification"),
        }
    })
}

/// Shows the weekly digest when this week's is due: marked sent first, so it goes out at most
/// once whatever happens while it is shown. Clicking it opens Today, where the plan is.
fn send_digest(
    host: &dyn Host,
    store: &Store,
    health: &NotificationHealth,
    notifier: &mut dyn notifier::Notifier,
) {
    let digest = match store.digest_due() {
        Ok(Some(digest)) => digest,
        Ok(None) => return,
        Err(error) => {
            tracing::error!(%error, "could not make the weekly digest");
            return;
        }
    };
    if let Err(error) = store.mark_digest_sent(&digest.week) {
        tracing::error!(%error, "could not record the weekly digest as sent");
        return;
    }
    let toast = Toast {
        title: digest.title,
        body: digest.body,
        followup: None,
    };
    match notifier.show(&toast) {
        Ok(()) => {
            health.record(Ok(()));
            tracing::info!(week = %digest.week, "weekly digest shown");
        }
        Err(why) => {
            if health.record(Err(&why)) {
                host.notifications_unavailable(&why);
            }
            tracing::warn!(%why, "could not show the weekly digest");
        }
    }
}

fn run(
    host: &dyn Host,
    store: &Store,
    health: &NotificationHealth,
    mut notifier: Box<dyn notifier::Notifier>,
    inbox: Receiver<Wake>,
    mut timer: Option<WallTimer>,
) {
    let mut at_start = true;
    let mut was_quiet = false;
    let mut armed_on = None;
    let mut data_version = store.data_version().unwrap_or_default();
    loop {
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
                // About one follow-up, clicking opens Rapport on it and Done / Snooze act
                // without opening it; a summary of several opens Today.
                let toast = Toast {
                    title: notice.title.clone(),
                    body: notice.body.clone(),
                    followup: match notice.delivers.as_slice() {
                        [(id, _)] => Some(*id),
                        _ => None,
                    },
                };
                let shown = notifier.show(&toast);
                if let Err(why) = &shown {
                    if health.record(Err(why)) {
                        tracing::warn!(%why, "no notification service: due follow-ups are shown in the app and counted in the tray");
                        host.notifications_unavailable(why);
                    }
                } else {
                    health.record(Ok(()));
                }
                shown.map_err(|error| error.to_string())
            })
        };
        match delivered {
            Ok(0) => {}
            Ok(shown) => {
                tracing::info!(shown, "notified due follow-ups");
                host.store_changed();
            }
            Err(error) => tracing::error!(%error, "could not deliver due follow-ups"),
        }
        if quiet_until.is_none() {
            send_digest(host, store, health, &mut *notifier);
        }
        // Each birthday's reminder for next year is armed once this year's day has passed.
        let today = store.now().with_timezone(&Local).date_naive();
        if armed_on != Some(today) {
            match store.arm_birthdays() {
                Ok(_) => armed_on = Some(today),
                Err(error) => tracing::error!(%error, "could not arm the birthday reminders"),
            }
        }
        host.refresh_tray(store, health.unavailable());
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
        let next_digest = store.next_digest_at().unwrap_or_else(|error| {
            tracing::error!(%error, "could not read when the weekly digest is due");
            None
        });
        // A digest held back by quiet hours goes out when they end.
        let next_digest = next_digest.map(|at| match quiet_until {
            Some(until) => at.max(until),
            // Due and still not sent (it could not be read): try again in a minute, not at once.
            None if at <= now => now + chrono::Duration::minutes(1),
            None => at,
        });
        let next_due = match (next_due, next_digest) {
            (Some(due), Some(digest)) => Some(due.min(digest)),
            (due, digest) => due.or(digest),
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
                        host.store_changed();
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
