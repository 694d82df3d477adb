//! The wall-clock timer on Linux: a timerfd on `CLOCK_REALTIME` with an absolute deadline fires
//! on time after a resume, and `TFD_TIMER_CANCEL_ON_SET` wakes it when the clock is set.

use std::os::fd::OwnedFd;
use std::sync::mpsc::Sender;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use rustix::io::Errno;
use rustix::time::{
    timerfd_create, timerfd_settime, Itimerspec, TimerfdClockId, TimerfdFlags, TimerfdTimerFlags,
    Timespec,
};

pub(super) struct Timer(Arc<OwnedFd>);

impl Timer {
    pub fn start<T: Clone + Send + 'static>(wake: Sender<T>, fired: T) -> std::io::Result<Timer> {
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
