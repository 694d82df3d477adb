//! Where the reminder loop's notices are shown: on Linux the notification server, over a
//! connection of ours with actions (open, Done, Snooze 1 day); elsewhere the notification plugin.
//! Also whether the desktop could show the last one.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use rapport_core::followups::reminders::Notice;
use tauri::{AppHandle, Runtime};
#[cfg(target_os = "linux")]
use tauri::{Emitter, Manager};

#[cfg(target_os = "linux")]
use super::desktop_notifications::{Message, Notifier};
#[cfg(target_os = "linux")]
use super::STORE_CHANGED_EVENT;
#[cfg(not(target_os = "linux"))]
use tauri_plugin_notification::NotificationExt;

/// Whether the desktop could show our last notification. Shared by the loop (which finds out),
/// the tray (which then shows the count of due follow-ups) and the UI (which says so once).
#[derive(Debug, Clone, Default)]
pub struct NotificationHealth(Arc<AtomicBool>);

impl NotificationHealth {
    pub fn unavailable(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    /// Records the outcome of a send; returns true when notifications just became unavailable.
    pub(super) fn record(&self, error: Option<&str>) -> bool {
        let missing = error.is_some_and(is_service_missing);
        let was = self.0.swap(missing, Ordering::Relaxed);
        missing && !was
    }
}

/// D-Bus answers `ServiceUnknown` when no notification server runs (and none can be started).
fn is_service_missing(error: &str) -> bool {
    error.contains("ServiceUnknown") || error.contains("was not provided by any")
}

/// The actions a notification about one follow-up offers, besides clicking it ("default").
#[cfg(target_os = "linux")]
const ACTION_DONE: &str = "done";
#[cfg(target_os = "linux")]
const ACTION_SNOOZE: &str = "snooze";

/// Where notices are shown: on Linux, the notification server over a connection of ours
/// (see `desktop_notifications`), made when the loop starts and again if it is lost; on other
/// platforms the notification plugin.
pub(super) struct Desktop<R: Runtime> {
    app: AppHandle<R>,
    #[cfg(target_os = "linux")]
    notifier: Option<Notifier>,
}

impl<R: Runtime> Desktop<R> {
    pub(super) fn new(app: &AppHandle<R>) -> Self {
        let mut desktop = Desktop {
            app: app.clone(),
            #[cfg(target_os = "linux")]
            notifier: None,
        };
        #[cfg(target_os = "linux")]
        if let Err(error) = desktop.connected() {
            tracing::warn!(%error, "no session bus yet; notifications will try again");
        }
        desktop
    }

    #[cfg(target_os = "linux")]
    fn connected(&mut self) -> Result<&Notifier, String> {
        if self.notifier.is_none() {
            let app = self.app.clone();
            let notifier =
                Notifier::connect(move |followup, action| on_action(&app, followup, action))
                    .map_err(|e| e.to_string())?;
            self.notifier = Some(notifier);
        }
        Ok(self.notifier.as_ref().expect("connected just now"))
    }

    #[cfg(target_os = "linux")]
    pub(super) fn show(&mut self, notice: &Notice) -> Result<(), String> {
        let app_name = self
            .app
            .config()
            .product_name
            .clone()
            .unwrap_or_else(|| "Rapport".into());
        let icon = self.app.config().identifier.clone();
        // About one follow-up, clicking opens Rapport on it and Done / Snooze act without
        // opening it; a summary of several opens Today.
        let followup = match notice.delivers.as_slice() {
            [(id, _)] => Some(*id),
            _ => None,
        };
        let open = ("default", "Open in Rapport");
        let one = [open, (ACTION_DONE, "Done"), (ACTION_SNOOZE, "Snooze 1 day")];
        let message = Message {
            app_name: &app_name,
            icon: &icon,
            summary: &notice.title,
            body: &notice.body,
            actions: if followup.is_some() { &one } else { &one[..1] },
            followup,
        };
        let shown = self.connected()?.show(&message);
        match shown {
            Ok(id) => {
                tracing::debug!(notification = id, ?followup, "notification shown");
                Ok(())
            }
            Err(error) => {
                // Connect again next time if the bus itself went away; an answer such as "no
                // notification service" keeps the connection.
                if Notifier::is_connection_lost(&error) {
                    self.notifier = None;
                }
                Err(error.to_string())
            }
        }
    }

    #[cfg(not(target_os = "linux"))]
    pub(super) fn show(&mut self, notice: &Notice) -> Result<(), String> {
        self.app
            .notification()
            .builder()
            .title(&notice.title)
            .body(&notice.body)
            .show()
            .map_err(|e| e.to_string())
    }
}

/// What a click or an action on a notification does.
#[cfg(target_os = "linux")]
fn on_action<R: Runtime>(app: &AppHandle<R>, followup: Option<i64>, action: &str) {
    let state = app.state::<crate::AppState>();
    let store = &state.store;
    let outcome = match (action, followup) {
        ("default", Some(id)) => {
            crate::window::show_followup(app, id);
            return;
        }
        ("default", None) => {
            crate::window::show_main(app);
            return;
        }
        (ACTION_DONE, Some(id)) => store.complete_followup(id).map(|_| ()),
        (ACTION_SNOOZE, Some(id)) => store
            .snooze_followup(id, store.now() + chrono::Duration::days(1))
            .map(|_| ()),
        // Closed, or an action this notification did not offer.
        _ => return,
    };
    match outcome {
        Ok(()) => {
            tracing::info!(action, ?followup, "acted on a notification");
            state.changed();
            let _ = app.emit(STORE_CHANGED_EVENT, ());
        }
        Err(error) => tracing::error!(%error, action, "could not act on a notification"),
    }
}
