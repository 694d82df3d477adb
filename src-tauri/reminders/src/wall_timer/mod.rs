//! A timer on the wall clock, so the reminder loop can sleep until exactly the next thing it has
//! to do, however far away, without waking in between. Sleeping on the monotonic clock (as a
//! channel's `recv_timeout` does) stops while the computer is suspended and does not notice the
//! clock being set. Each platform has a timer that does: a timerfd on `CLOCK_REALTIME` on Linux,
//! a waitable timer with an absolute due time on Windows, a dispatch timer started from
//! `dispatch_walltime` on macOS. Where none starts, the loop wakes at least once a minute.

use std::sync::mpsc::Sender;

use chrono::{DateTime, Utc};

#[cfg(target_os = "linux")]
mod linux;
#[cfg(target_os = "macos")]
mod macos;
#[cfg(any(windows, test))]
mod ticks;
#[cfg(windows)]
mod windows;

#[cfg(target_os = "linux")]
use self::linux::Timer as Imp;
#[cfg(target_os = "macos")]
use self::macos::Timer as Imp;
#[cfg(windows)]
use self::windows::Timer as Imp;

#[cfg(not(any(target_os = "linux", windows, target_os = "macos")))]
struct Imp;

#[cfg(not(any(target_os = "linux", windows, target_os = "macos")))]
impl Imp {
    fn start<T>(_wake: Sender<T>, _fired: T) -> std::io::Result<Imp> {
        Err(std::io::ErrorKind::Unsupported.into())
    }

    fn arm(&self, _deadline: DateTime<Utc>) -> std::io::Result<()> {
        Err(std::io::ErrorKind::Unsupported.into())
    }
}

/// Sends a message on a channel when the wall clock reaches the armed deadline (or is set).
pub struct WallTimer(Imp);

impl WallTimer {
    /// Starts the timer's thread, which sends `fired` on `wake` each time it goes off. Fails
    /// where the platform has no such timer.
    pub fn start<T: Clone + Send + 'static>(wake: Sender<T>, fired: T) -> std::io::Result<Self> {
        Imp::start(wake, fired).map(WallTimer)
    }

    /// Replaces the deadline; one in the past goes off at once.
    pub fn arm(&self, deadline: DateTime<Utc>) -> std::io::Result<()> {
        self.0.arm(deadline)
    }
}

/// The same specification on every platform: runs on Linux, under Wine, and on a Mac.
#[cfg(all(test, any(target_os = "linux", windows, target_os = "macos")))]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::{Duration, Instant};

    #[test]
    fn goes_off_at_the_wall_clock_deadline_and_again_when_re_armed() {
        let (sender, receiver) = mpsc::channel();
        let timer = WallTimer::start(sender, "fired").unwrap();
        let started = Instant::now();
        timer
            .arm(Utc::now() + chrono::Duration::milliseconds(300))
            .unwrap();
        assert_eq!(receiver.recv_timeout(Duration::from_secs(5)), Ok("fired"));
        let waited = started.elapsed();
        assert!(
            waited >= Duration::from_millis(250),
            "went off early: {waited:?}"
        );
        assert!(
            receiver.recv_timeout(Duration::from_millis(300)).is_err(),
            "one deadline goes off once"
        );
        // Re-armed further away, then nearer: the nearer deadline wins.
        timer.arm(Utc::now() + chrono::Duration::hours(1)).unwrap();
        timer
            .arm(Utc::now() + chrono::Duration::milliseconds(100))
            .unwrap();
        assert_eq!(receiver.recv_timeout(Duration::from_secs(5)), Ok("fired"));
        // Armed an hour away, it stays quiet.
        timer.arm(Utc::now() + chrono::Duration::hours(1)).unwrap();
        assert!(receiver.recv_timeout(Duration::from_millis(500)).is_err());
    }

    #[test]
    fn a_deadline_in_the_past_goes_off_at_once() {
        let (sender, receiver) = mpsc::channel();
        let timer = WallTimer::start(sender, 1).unwrap();
        timer
            .arm(Utc::now() - chrono::Duration::minutes(5))
            .unwrap();
        assert_eq!(receiver.recv_timeout(Duration::from_secs(2)), Ok(1));
    }
}
