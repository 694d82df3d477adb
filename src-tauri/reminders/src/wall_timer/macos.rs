//! The wall-clock timer on macOS: a dispatch timer source whose start is a `dispatch_walltime`.
//! A start from `dispatch_time`/`DISPATCH_TIME_NOW` counts `mach_absolute_time`, which stops
//! while the Mac sleeps; a walltime start counts the calendar clock (`gettimeofday`), so a
//! deadline that passed in sleep goes off on wake, and setting the clock moves it with the clock.
//! Setting the clock also sends `fired` at once (the `com.apple.system.clock_set` notification),
//! as the Linux timer does, so the loop looks again.
//!
//! No thread of its own: both handlers run on a serial dispatch queue of the timer's.

use std::ffi::{c_char, c_int, c_void};
use std::io;
use std::ptr;
use std::sync::mpsc::Sender;

use block2::RcBlock;
use chrono::{DateTime, Utc};
use dispatch2::{
    _dispatch_source_type_timer, DispatchObject, DispatchQueue, DispatchRetained, DispatchSource,
    DispatchTime,
};

// libnotify (<notify.h>, part of libSystem), which dispatch2 does not bind: only these two.
// The queue (`dispatch_queue_t`) and the handler (`notify_handler_t`, a block taking the token)
// pass as untyped pointers, which keeps the declaration clear of FFI-safety lints.
extern "C" {
    fn notify_register_dispatch(
        name: *const c_char,
        out_token: *mut c_int,
        queue: *mut c_void,
        handler: *mut c_void,
    ) -> u32;
    fn notify_cancel(token: c_int) -> u32;
}

/// `kNotifyClockSet`: posted when a process sets the clock (`settimeofday`).
const CLOCK_SET: &std::ffi::CStr = c"com.apple.system.clock_set";
/// `NOTIFY_STATUS_OK`.
const NOTIFY_OK: u32 = 0;

/// How late dispatch may run the handler, to group wake-ups with others'.
const LEEWAY_NS: u64 = 100_000_000;

/// The farthest deadline counted: `dispatch_walltime` adds the delay to the nanoseconds since
/// 1970 in an `i64`, so a deadline centuries away must not overflow it. A century is "never"
/// for a reminder.
const FARTHEST_NS: i64 = 100 * 366 * 24 * 3600 * 1_000_000_000;

pub(super) struct Timer {
    source: DispatchRetained<DispatchSource>,
    /// The clock-set registration, if libnotify took it.
    clock_set: Option<c_int>,
}

impl Timer {
    pub fn start<T: Clone + Send + 'static>(wake: Sender<T>, fired: T) -> io::Result<Timer> {
        let queue = DispatchQueue::new("org.rapport.wall-timer", None);
        // SAFETY: a timer source takes handle 0 and mask 0 (DISPATCH_TIMER_STRICT unset); the
        // type is libdispatch's own timer type.
        let source = unsafe {
            DispatchSource::new(
                (&raw const _dispatch_source_type_timer).cast_mut(),
                0,
                0,
                Some(&*queue),
            )
        };
        // Created inactive, and not armed until `arm`: the first start is "never".
        source.set_timer(DispatchTime::FOREVER, DispatchTime::FOREVER.0, 0);

        // The handler holds the source so it can cancel it once nobody listens; cancelling
        // releases the handler, and with it the source, so the two do not keep each other.
        let timer = source.retain();
        let (wake_on_timer, fired_on_timer) = (wake.clone(), fired.clone());
        let on_timer = RcBlock::new(move || {
            if wake_on_timer.send(fired_on_timer.clone()).is_err() {
                timer.cancel(); // The loop has ended.
            }
        });
        // SAFETY: the block is valid, takes no arguments, and is copied by dispatch; it only
        // touches Send values, as it runs on the queue's thread.
        unsafe { source.set_event_handler_with_block(RcBlock::as_ptr(&on_timer)) };
        source.activate();

        let clock_set = watch_clock(&queue, wake, fired);
        Ok(Timer { source, clock_set })
    }

    pub fn arm(&self, deadline: DateTime<Utc>) -> io::Result<()> {
        let now = Utc::now();
        // Past deadlines start now; too far to count in nanoseconds is past or "never".
        let delay = (deadline - now)
            .num_nanoseconds()
            .unwrap_or(if deadline > now { i64::MAX } else { 0 })
            .clamp(0, FARTHEST_NS);
        // SAFETY: a null `when` means "now on the wall clock", as documented.
        let start = unsafe { DispatchTime::walltime(ptr::null(), delay) };
        // One shot: an interval of DISPATCH_TIME_FOREVER. Setting the timer drops any firing
        // still pending from the previous deadline.
        self.source
            .set_timer(start, DispatchTime::FOREVER.0, LEEWAY_NS);
        Ok(())
    }
}

/// Sends `fired` whenever the clock is set; the token to cancel it with, if registered.
fn watch_clock<T: Clone + Send + 'static>(
    queue: &DispatchQueue,
    wake: Sender<T>,
    fired: T,
) -> Option<c_int> {
    let on_clock_set = RcBlock::new(move |_token: c_int| {
        // A failed send means the loop has ended; the registration goes with the timer.
        let _ = wake.send(fired.clone());
    });
    let mut token: c_int = 0;
    // SAFETY: a NUL-terminated name, a valid out pointer, the timer's queue; libnotify copies
    // the block and retains the queue until `notify_cancel`.
    let status = unsafe {
        notify_register_dispatch(
            CLOCK_SET.as_ptr(),
            &mut token,
            ptr::from_ref(queue).cast_mut().cast(),
            RcBlock::as_ptr(&on_clock_set).cast(),
        )
    };
    if status == NOTIFY_OK {
        Some(token)
    } else {
        // The deadline still goes off on time; only the extra look on a clock change is lost.
        tracing::warn!(status, "not told when the clock is set");
        None
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        // Cancelling stops the handlers and releases them (and the channel's senders in them).
        self.source.cancel();
        if let Some(token) = self.clock_set {
            // SAFETY: a token notify_register_dispatch returned, cancelled only here.
            unsafe { notify_cancel(token) };
        }
    }
}
