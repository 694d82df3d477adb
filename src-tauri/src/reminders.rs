//! The reminder loop (`rapport_reminders`, which knows nothing of Tauri) running in the window's
//! process: this is what it asks of the app — the events the UI reloads on, the tray, the window.

use std::path::Path;
use std::sync::Arc;

use rapport_core::Store;
use rapport_reminders::{AppIdentity, Host, Inbox, NotifyError};
use tauri::{AppHandle, Emitter, Runtime};

use crate::{tray, window};

pub use rapport_reminders::{channel, Handle, NotificationHealth};

/// Event the UI listens to, to reload what it shows when the store changed elsewhere.
pub const STORE_CHANGED_EVENT: &str = "store-changed";
/// Event telling the UI that notifications cannot be shown: its payload is `"missing"` (no
/// notification service) or `"refused"` (turned off for Rapport, as macOS and Windows allow).
pub const NOTIFICATIONS_UNAVAILABLE_EVENT: &str = "notifications-unavailable";

struct TauriHost<R: Runtime>(AppHandle<R>);

impl<R: Runtime> Host for TauriHost<R> {
    fn store_changed(&self) {
        let _ = self.0.emit(STORE_CHANGED_EVENT, ());
    }

    fn notifications_unavailable(&self, why: &NotifyError) {
        // The window words it: no service on this desktop, or turned off by the person.
        let reason = if matches!(why, NotifyError::Refused(_)) {
            "refused"
        } else {
            "missing"
        };
        let _ = self.0.emit(NOTIFICATIONS_UNAVAILABLE_EVENT, reason);
    }

    fn refresh_tray(&self, store: &Store, notifications_unavailable: bool) {
        tray::refresh(&self.0, store, notifications_unavailable);
    }

    fn open(&self, followup: Option<i64>) {
        match followup {
            Some(id) => window::show_followup(&self.0, id),
            None => window::show_main(&self.0),
        }
    }
}

/// Starts the loop on its own thread, and the watcher on the data directory; false when another
/// process (the agent) runs the store's loop, and with it the tray.
pub fn start<R: Runtime>(
    app: AppHandle<R>,
    store: Arc<Store>,
    health: NotificationHealth,
    inbox: Inbox,
    data_dir: &Path,
) -> bool {
    let config = app.config();
    let identity = AppIdentity {
        name: config
            .product_name
            .clone()
            .unwrap_or_else(|| "Rapport".into()),
        identifier: config.identifier.clone(),
    };
    rapport_reminders::start(
        Arc::new(TauriHost(app)),
        identity,
        store,
        health,
        inbox,
        data_dir,
    )
}
