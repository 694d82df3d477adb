//! The wall-clock timer on Windows: a waitable timer set to an absolute due time (a positive
//! FILETIME). Windows keeps absolute timers on the system clock: one whose time passed while the
//! computer slept goes off on resume, and setting the clock moves it with the clock. A thread
//! waits on it, and on an event that ends the thread when the timer is dropped.
//!
//! Unlike the Linux timerfd, setting the clock does not itself wake the loop (Windows announces
//! that only to windows, as `WM_TIMECHANGE`); the armed deadline still goes off at its wall
//! time, which is what the loop needs.

use std::io;
use std::ptr;
use std::sync::mpsc::Sender;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use windows_sys::Win32::Foundation::{
    CloseHandle, FALSE, HANDLE, TRUE, WAIT_FAILED, WAIT_OBJECT_0,
};
use windows_sys::Win32::System::Threading::{
    CreateEventW, CreateWaitableTimerExW, SetEvent, SetWaitableTimer, WaitForMultipleObjects,
    INFINITE, TIMER_ALL_ACCESS,
};

use super::ticks::filetime_ticks;

pub(super) struct Timer(Arc<Handles>);

/// The timer and the event that stops its thread, closed when both the `Timer` and the thread
/// are done with them.
struct Handles {
    timer: HANDLE,
    stop: HANDLE,
}

// SAFETY: kernel handles are process-wide values; waiting on, setting and closing them from any
// thread is what they are for. They are closed once, in `drop`, when nothing else holds them.
unsafe impl Send for Handles {}
unsafe impl Sync for Handles {}

impl Drop for Handles {
    fn drop(&mut self) {
        // SAFETY: both handles were opened by `Timer::start` and are closed only here.
        unsafe {
            CloseHandle(self.timer);
            CloseHandle(self.stop);
        }
    }
}

/// A handle from a creating call, or the error it left.
fn created(handle: HANDLE) -> io::Result<HANDLE> {
    if handle.is_null() {
        Err(io::Error::last_os_error())
    } else {
        Ok(handle)
    }
}

impl Timer {
    pub fn start<T: Clone + Send + 'static>(wake: Sender<T>, fired: T) -> io::Result<Timer> {
        // SAFETY: no security attributes or names (null is allowed for both); each handle is
        // checked before use and owned by `Handles` from here on.
        let handles = unsafe {
            // A synchronization (auto-reset) timer: releasing the waiting thread resets it, so
            // one deadline sends `fired` once. A manual-reset one would stay signalled and spin.
            let timer = created(CreateWaitableTimerExW(
                ptr::null(),
                ptr::null(),
                0,
                TIMER_ALL_ACCESS,
            ))?;
            // Manual-reset and initially clear: once set, it stays set for the thread to see.
            let stop = match created(CreateEventW(ptr::null(), TRUE, FALSE, ptr::null())) {
                Ok(stop) => stop,
                Err(error) => {
                    CloseHandle(timer);
                    return Err(error);
                }
            };
            Arc::new(Handles { timer, stop })
        };
        let waiter = handles.clone();
        std::thread::Builder::new()
            .name("wall-timer".into())
            .spawn(move || {
                // The stop event first: if both are signalled, stopping wins.
                let waited = [waiter.stop, waiter.timer];
                loop {
                    // SAFETY: both handles stay open while `waiter` is held.
                    let woke = unsafe {
                        WaitForMultipleObjects(
                            waited.len() as u32,
                            waited.as_ptr(),
                            FALSE,
                            INFINITE,
                        )
                    };
                    match woke {
                        WAIT_OBJECT_0 => return, // The timer was dropped.
                        w if w == WAIT_OBJECT_0 + 1 => {
                            if wake.send(fired.clone()).is_err() {
                                return; // The loop has ended.
                            }
                        }
                        WAIT_FAILED => {
                            let error = io::Error::last_os_error();
                            tracing::error!(%error, "the wall-clock timer failed");
                            return;
                        }
                        other => {
                            tracing::error!(other, "the wall-clock timer woke for no reason");
                            return;
                        }
                    }
                }
            })?;
        Ok(Timer(handles))
    }

    pub fn arm(&self, deadline: DateTime<Utc>) -> io::Result<()> {
        // Positive: an absolute time on the wall clock (negative would be relative to now).
        let due = filetime_ticks(deadline);
        // SAFETY: the timer handle is open while `self` is; `due` outlives the call; no
        // completion routine. Not resuming a sleeping computer: the deadline goes off on wake.
        let set = unsafe { SetWaitableTimer(self.0.timer, &due, 0, None, ptr::null(), FALSE) };
        if set == 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        // SAFETY: the event is open while `self.0` is held. The thread then returns and lets go
        // of its share of the handles (and of the channel).
        unsafe {
            SetEvent(self.0.stop);
        }
    }
}

/// What only this timer does; the specification every platform's timer meets is in `mod.rs`.
#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::{self, RecvTimeoutError};
    use std::time::Duration;

    #[test]
    fn a_deadline_in_the_past_even_before_1601_goes_off_at_once() {
        let (sender, receiver) = mpsc::channel();
        let timer = Timer::start(sender, 1).unwrap();
        timer
            .arm(Utc::now() - chrono::Duration::minutes(5))
            .unwrap();
        assert_eq!(receiver.recv_timeout(Duration::from_secs(2)), Ok(1));
        timer.arm(DateTime::<Utc>::MIN_UTC).unwrap();
        assert_eq!(receiver.recv_timeout(Duration::from_secs(2)), Ok(1));
    }

    #[test]
    fn dropping_the_timer_ends_its_thread_which_lets_go_of_the_channel() {
        let (sender, receiver) = mpsc::channel::<()>();
        let timer = Timer::start(sender, ()).unwrap();
        timer.arm(Utc::now() + chrono::Duration::hours(1)).unwrap();
        drop(timer);
        assert_eq!(
            receiver.recv_timeout(Duration::from_secs(5)),
            Err(RecvTimeoutError::Disconnected)
        );
    }
}
