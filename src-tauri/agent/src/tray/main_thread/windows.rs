//! The message loop on Windows. Work from other threads comes through a message-only window:
//! its messages, unlike a thread's own, still arrive while the tray's menu runs its modal loop.

use std::cell::RefCell;
use std::io;
use std::ptr::{null, null_mut};
use std::sync::mpsc::{self, Receiver, Sender};

use windows_sys::Win32::Foundation::{
    GetLastError, ERROR_CLASS_ALREADY_EXISTS, HWND, LPARAM, LRESULT, WPARAM,
};
use windows_sys::Win32::System::LibraryLoader::GetModuleHandleW;
use windows_sys::Win32::UI::WindowsAndMessaging::{
    CreateWindowExW, DefWindowProcW, DispatchMessageW, GetMessageW, PostMessageW, PostQuitMessage,
    RegisterClassW, TranslateMessage, HWND_MESSAGE, MSG, WM_APP, WNDCLASSW,
};

type Job = Box<dyn FnOnce() + Send>;

/// The window message that says jobs are waiting.
const RUN_JOBS: u32 = WM_APP + 1;

thread_local! {
    /// The jobs posted to the main thread, taken there.
    static JOBS: RefCell<Option<Receiver<Job>>> = const { RefCell::new(None) };
}

/// Posts work to the main thread.
#[derive(Clone)]
pub struct MainThread {
    jobs: Sender<Job>,
    /// The message-only window, as a number: a window handle may be used from any thread, but
    /// `HWND` is a raw pointer, which is not `Send`.
    window: usize,
}

impl MainThread {
    /// Makes the message-only window; on the main thread, before [`run`].
    pub fn new() -> Result<MainThread, String> {
        let class_name: Vec<u16> = "RapportAgentMainThread\0".encode_utf16().collect();
        // SAFETY: the class and window are plain Win32 objects of this process; the class's name
        // outlives both calls, and the window procedure is an `extern "system"` function.
        let window = unsafe {
            let instance = GetModuleHandleW(null());
            let class = WNDCLASSW {
                lpfnWndProc: Some(window_procedure),
                hInstance: instance,
                lpszClassName: class_name.as_ptr(),
                ..std::mem::zeroed()
            };
            // Registered once per process (a test makes several loops).
            if RegisterClassW(&class) == 0 && GetLastError() != ERROR_CLASS_ALREADY_EXISTS {
                return Err(format!(
                    "cannot register the agent's window class: {}",
                    io::Error::last_os_error()
                ));
            }
            CreateWindowExW(
                0,
                class_name.as_ptr(),
                null(),
                0,
                0,
                0,
                0,
                0,
                HWND_MESSAGE,
                null_mut(),
                instance,
                null(),
            )
        };
        if window.is_null() {
            return Err(format!(
                "cannot make the agent's message window: {}",
                io::Error::last_os_error()
            ));
        }
        let (jobs, receiver) = mpsc::channel();
        JOBS.with(|waiting| *waiting.borrow_mut() = Some(receiver));
        Ok(MainThread {
            jobs,
            window: window as usize,
        })
    }

    pub fn post(&self, job: impl FnOnce() + Send + 'static) {
        if self.jobs.send(Box::new(job)).is_ok() {
            // SAFETY: posting to a window of this process from any thread is what PostMessageW
            // is for; a window already gone makes it fail, and the job is then never run.
            unsafe { PostMessageW(self.window as HWND, RUN_JOBS, 0, 0) };
        }
    }
}

unsafe extern "system" fn window_procedure(
    window: HWND,
    message: u32,
    wparam: WPARAM,
    lparam: LPARAM,
) -> LRESULT {
    if message == RUN_JOBS {
        run_jobs();
        return 0;
    }
    // SAFETY: the default handling of a message this window does not handle itself.
    unsafe { DefWindowProcW(window, message, wparam, lparam) }
}

/// Runs every job waiting, one at a time (a job may post another, or show a menu).
fn run_jobs() {
    loop {
        let job = JOBS.with(|waiting| {
            waiting
                .borrow()
                .as_ref()
                .and_then(|jobs| jobs.try_recv().ok())
        });
        match job {
            Some(job) => job(),
            None => return,
        }
    }
}

/// Runs the message loop until [`quit`].
pub fn run() {
    // SAFETY: the standard message loop of the thread that made the tray and the window.
    unsafe {
        let mut message: MSG = std::mem::zeroed();
        while GetMessageW(&mut message, null_mut(), 0, 0) > 0 {
            TranslateMessage(&message);
            DispatchMessageW(&message);
        }
    }
}

/// Ends [`run`]; on the main thread.
pub fn quit() {
    // SAFETY: posts WM_QUIT to this thread's own queue.
    unsafe { PostQuitMessage(0) };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::RecvTimeoutError;
    use std::thread::ThreadId;
    use std::time::Duration;

    /// Runs a loop on a thread of its own, as the agent's main thread does, and gives its id
    /// and a way to post to it.
    fn a_loop() -> (MainThread, ThreadId, Receiver<()>) {
        let (made, main) = mpsc::channel();
        let (ended, end) = mpsc::channel();
        std::thread::spawn(move || {
            made.send((MainThread::new().unwrap(), std::thread::current().id()))
                .unwrap();
            run();
            let _ = ended.send(());
        });
        let (main, id) = main.recv_timeout(Duration::from_secs(10)).unwrap();
        (main, id, end)
    }

    #[test]
    fn work_posted_from_other_threads_runs_on_the_loop_s_thread_in_order_until_quit() {
        let (main, loop_thread, ended) = a_loop();
        let (ran, order) = mpsc::channel();
        let poster = main.clone();
        std::thread::spawn(move || {
            for n in 0..5 {
                let ran = ran.clone();
                poster.post(move || ran.send((n, std::thread::current().id())).unwrap());
            }
            poster.post(quit);
        });
        let got: Vec<_> = (0..5)
            .map(|_| order.recv_timeout(Duration::from_secs(10)).unwrap())
            .collect();
        assert_eq!(got, (0..5).map(|n| (n, loop_thread)).collect::<Vec<_>>());
        ended
            .recv_timeout(Duration::from_secs(10))
            .expect("the loop ends when asked to");
    }

    #[test]
    fn work_posted_by_a_job_runs_too() {
        let (main, _, ended) = a_loop();
        let (ran, done) = mpsc::channel();
        let again = main.clone();
        main.post(move || {
            again.post(move || {
                ran.send(()).unwrap();
                quit();
            })
        });
        done.recv_timeout(Duration::from_secs(10))
            .expect("the job posted from the loop ran");
        assert_ne!(
            ended.recv_timeout(Duration::from_secs(10)),
            Err(RecvTimeoutError::Timeout)
        );
    }
}
