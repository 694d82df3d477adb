//! What the reminder loop asks of the agent: a tray to refresh and a window to open. There is
//! no UI in this process to reload; the window watches the store, and reads there why
//! notifications cannot be shown.

use std::sync::Arc;

use rapport_core::Store;
use rapport_reminders::{tray_menu, Host, NotifyError};

use crate::launch::Window;
use crate::tray::TrayUpdates;

pub struct AgentHost {
    tray: TrayUpdates,
    window: Window,
    store: Arc<Store>,
}

impl AgentHost {
    pub fn new(tray: TrayUpdates, window: Window, store: Arc<Store>) -> Self {
        AgentHost {
            tray,
            window,
            store,
        }
    }
}

impl Host for AgentHost {
    fn store_changed(&self) {}

    /// Told to the window through the store (it says so once; the tray's next refresh carries
    /// the count of what is due).
    fn notifications_unavailable(&self, why: &NotifyError) {
        let reason = if matches!(why, NotifyError::Refused(_)) {
            "refused"
        } else {
            "missing"
        };
        if let Err(error) = self.store.set_notification_trouble(Some(reason)) {
            tracing::error!(%error, "cannot record that notifications are unavailable");
        }
    }

    fn refresh_tray(&self, store: &Store, notifications_unavailable: bool) {
        match tray_menu::read(store, notifications_unavailable) {
            Ok(view) => self.tray.show(view),
            Err(error) => tracing::error!(%error, "cannot read today's follow-ups for the tray"),
        }
    }

    fn open(&self, followup: Option<i64>) {
        self.window.open(followup);
    }
}
