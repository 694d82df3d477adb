//! A timer on the wall clock, so the reminder loop can sleep until exactly the next thing it has
//! to do, however far away, without waking in between. Sleeping on the monotonic clock (as a
//! channel's `recv_timeout` does) stops while the computer is suspended and does not notice the
//! clock being set; on Linux a timerfd on `CLOCK_REALTIME` with an absolute deadline fires on
//! time after a resume, and `TFD_TIMER_CANCEL_ON_SET` wakes it when the clock is set. Elsewhere
//! there is no such timer and the loop falls back to waking at least once a minute.

use std::sync::mpsc::Sender;

use chrono::{DateTime, Utc};

#[cfg(target_os = "linux")]
mod imp {
    use std::os::fd::OwnedFd;
    use std::sync::mpsc::Sender;
    use std::sync::Arc;

    use chrono::{DateTime, Utc};
    use rustix::io::Errno;
    use rustix::time::{
        timerfd_create, timerfd_settime, Itimerspec, TimerfdClockId, TimerfdFlags,
        TimerfdTimerFlags, Timespec,
    };

    pub struct Timer(Arc<OwnedFd>);

    impl Timer {
        pub fn start<T: Clone + Send + 'static>(
            wake: Sender<T>,
            fired: T,
        ) -> std::io::Result<Timer> {
            let fd = Arc::new(timerfd_create(
                TimerfdClockId::Realtime,
                TimerfdFlags::CLOEXEC,
            )?);
            let reader = fd.clone();
            std::thread::Builder::new()
                .name("wall-timer".into())
                .spawn(move || {
                    let mut expirations = [0u8; 8];
                    loop {
                        match rustix::io::read(&*reader, &mut expirations) {
                            // The deadline passed, or the clock was set (ECANCELED): either way
                            // the loop looks again and re-arms.
                            Ok(_) | Err(Errno::CANCELED) => {
                                if wake.send(fired.clone()).is_err() {
                                    return; // The loop has ended.
                                }
                            }
                            Err(Errno::INTR) => {}
                            Err(error) => {
                                tracing::error!(%error, "the wall-clock timer failed");
                                return;
                            }
                        }
                    }
                })?;
            Ok(Timer(fd))
        }

        pub fn arm(&self, deadline: DateTime<Utc>) -> std::io::Result<()> {
            // An all-zero value would disarm the timer; a deadline in the past fires at once.
            let value = Timespec {
                tv_sec: deadline.timestamp().max(1),
                tv_nsec: i64::from(deadline.timestamp_subsec_nanos()),
            };
            let spec = Itimerspec {
                it_interval: Timespec {
                    tv_sec: 0,
                    tv_nsec: 0,
                },
                it_value: value,
            };
            timerfd_settime(
                &*self.0,
                TimerfdTimerFlags::ABSTIME | TimerfdTimerFlags::CANCEL_ON_SET,
                &spec,
            )?;
            Ok(())
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod imp {
    use std::sync::mpsc::Sender;

    use chrono::{DateTime, Utc};

    pub struct Timer;

    impl Timer {
        pub fn start<T>(_wake: Sender<T>, _fired: T) -> std::io::Result<Timer> {
            Err(std::io::ErrorKind::Unsupported.into())
        }

        pub fn arm(&self, _deadline: DateTime<Utc>) -> std::io::Result<()> {
            Err(std::io::ErrorKind::Unsupported.into())
        }
    }
}

/// Sends a message on a channel when the wall clock reaches the armed deadline (or is set).
pub struct WallTimer(imp::Timer);

impl WallTimer {
    /// Starts the timer's thread, which sends `fired` on `wake` each time it goes off. Fails
    /// where the platform has no such timer.
    pub fn start<T: Clone + Send + 'static>(wake: Sender<T>, fired: T) -> std::io::Result<Self> {
        imp::Timer::start(wake, fired).map(WallTimer)
    }

    /// Replaces the deadline; one in the past goes off at once.
    pub fn arm(&self, deadline: DateTime<Utc>) -> std::io::Result<()> {
        self.0.arm(deadline)
    }
}

#[cfg(all(test, target_os = "linux"))]
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
