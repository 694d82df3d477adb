//! Whether the desktop could show our last notification. Shared by the loop (which finds out),
//! the tray (which then shows the count of due follow-ups) and the UI (which says so once).

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;

use crate::NotifyError;

#[derive(Debug, Clone, Default)]
pub struct NotificationHealth(Arc<AtomicU8>);

const AVAILABLE: u8 = 0;
const MISSING: u8 = 1;
const REFUSED: u8 = 2;

impl NotificationHealth {
    pub fn unavailable(&self) -> bool {
        self.0.load(Ordering::Relaxed) != AVAILABLE
    }

    /// Why notifications cannot be shown, as the window words it: `"missing"` (no service on
    /// this desktop) or `"refused"` (turned off for Rapport); none while they can.
    pub fn trouble(&self) -> Option<&'static str> {
        match self.0.load(Ordering::Relaxed) {
            MISSING => Some("missing"),
            REFUSED => Some("refused"),
            _ => None,
        }
    }

    /// Records the outcome of a send; returns true when notifications just became unavailable
    /// (so the person is told once, not at every follow-up).
    pub fn record(&self, outcome: Result<(), &NotifyError>) -> bool {
        let state = match outcome {
            Err(NotifyError::Refused(_)) => REFUSED,
            Err(error) if error.means_unavailable() => MISSING,
            _ => AVAILABLE,
        };
        let was = self.0.swap(state, Ordering::Relaxed);
        state != AVAILABLE && was == AVAILABLE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_once_that_notifications_became_unavailable_and_again_after_they_came_back() {
        let health = NotificationHealth::default();
        let missing = NotifyError::ServiceMissing("org.freedesktop.Notifications".into());
        assert!(health.record(Err(&missing)));
        assert!(health.unavailable());
        assert_eq!(health.trouble(), Some("missing"));
        assert!(!health.record(Err(&missing)), "told once");
        assert!(!health.record(Ok(())));
        assert!(!health.unavailable());
        assert!(health.record(Err(&NotifyError::Refused("turned off".into()))));
        assert_eq!(health.trouble(), Some("refused"));
    }

    #[test]
    fn a_passing_failure_is_not_taken_for_a_missing_service() {
        let health = NotificationHealth::default();
        assert!(!health.record(Err(&NotifyError::Failed("timeout".into()))));
        assert!(!health.record(Err(&NotifyError::ConnectionLost("bus gone".into()))));
        assert!(!health.unavailable());
    }
}
