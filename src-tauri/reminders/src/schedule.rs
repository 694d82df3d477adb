//! When the reminder loop wakes next. Pure, so it is tested with fixed times.

use std::time::Duration;

use chrono::{DateTime, Utc};

/// Without a wall-clock timer, the longest the loop sleeps: the bound on how late it notices a
/// suspend or a clock change.
pub const MAX_SLEEP: Duration = Duration::from_secs(60);

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
