//! What the reminder loop asks of the agent: a tray to refresh and a window to open. There is
//! no UI in this process to reload or to tell; the window watches the store itself.

use rapport_core::Store;
use rapport_reminders::{tray_menu, Host, NotifyError};

use crate::launch::Window;
use crate::tray::TrayUpdates;

pub struct AgentHost {
    tray: TrayUpdates,
    window: Window,
}

impl AgentHost {
    pub fn new(tray: TrayUpdates, window: Window) -> Self {
        AgentHost { tray, window }
    }
}

impl Host for AgentHost {
    fn store_changed(&self) {}

    fn notifications_unavailable(&self, _why: &NotifyError) {
        // The loop has logged it; the tray's next refresh carries the count of what is due.
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
