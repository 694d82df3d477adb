//! Whether the desktop could show our last notification. Shared by the loop (which finds out),
//! the tray (which then shows the count of due follow-ups) and the UI (which says so once).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::NotifyError;

#[derive(Debug, Clone, Default)]
pub struct NotificationHealth(Arc<AtomicBool>);

impl NotificationHealth {
    pub fn unavailable(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    /// Records the outcome of a send; returns true when notifications just became unavailable
    /// (so the person is told once, not at every follow-up).
    pub fn record(&self, outcome: Result<(), &NotifyError>) -> bool {
        let missing = outcome.is_err_and(NotifyError::means_unavailable);
        let was = self.0.swap(missing, Ordering::Relaxed);
        missing && !was
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
        assert!(!health.record(Err(&missing)), "told once");
        assert!(!health.record(Ok(())));
        assert!(!health.unavailable());
        assert!(health.record(Err(&NotifyError::Refused("turned off".into()))));
    }

    #[test]
    fn a_passing_failure_is_not_taken_for_a_missing_service() {
        let health = NotificationHealth::default();
        assert!(!health.record(Err(&NotifyError::Failed("timeout".into()))));
        assert!(!health.record(Err(&NotifyError::ConnectionLost("bus gone".into()))));
        assert!(!health.unavailable());
    }
}
