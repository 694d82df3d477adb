//! The agent seen from the window. Where `rapport-agent` is installed beside this program, the
//! agent owns the tray and the reminder loop and the window is only a window:
//! it starts the agent when none runs (and again if it dies while the window is open), tells the
//! UI about what other processes write, and ends when it is closed. `rapport --hidden`, the login
//! item, becomes the agent.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use rapport_core::Store;
use rapport_reminders::loop_lock::{LoopLock, WINDOW_LOCK_FILE};
use tauri::{AppHandle, Emitter, Runtime};

use crate::reminders::{NOTIFICATIONS_UNAVAILABLE_EVENT, STORE_CHANGED_EVENT};

/// Set once the window is asked to quit: an agent that ends then is not started again.
static QUITTING: AtomicBool = AtomicBool::new(false);

/// How long a started agent has to take the reminder loop before it counts as failed.
const START_AT_MOST: Duration = Duration::from_secs(10);
/// Failed starts in a row after which the window stops trying and runs the reminders itself.
const MOST_FAILED_STARTS: u32 = 3;
/// Writes come in bursts: wait this long for one to end before looking.
const SETTLE: Duration = Duration::from_millis(100);

/// The agent's program beside this one, where the agent design is in use (an install without
/// it keeps the tray and the reminder loop in the window's process).
pub fn beside_this_program() -> Option<PathBuf> {
    let name = if cfg!(windows) {
        "rapport-agent.exe"
    } else {
        "rapport-agent"
    };
    let path = std::env::current_exe().ok()?.parent()?.join(name);
    path.is_file().then_some(path)
}

/// Replaces this process with the agent, started at login (`--hidden`). Returns only on error.
pub fn become_agent(program: &Path, data_dir: &Path) -> std::io::Error {
    let mut command = Command::new(program);
    command.arg("--data-dir").arg(data_dir).arg("--hidden");
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        command.exec()
    }
    #[cfg(not(unix))]
    match command.spawn() {
        Ok(_) => std::process::exit(0),
        Err(error) => error,
    }
}

/// The window is closing for good (Quit in the tray): let the agent end.
pub fn quitting() {
    QUITTING.store(true, Ordering::SeqCst);
}

/// Marks this process as the open window for as long as it runs, so that the agent's Quit
/// knows to close it.
pub fn hold_window_lock(data_dir: &Path) {
    match LoopLock::try_acquire_file(data_dir, WINDOW_LOCK_FILE) {
        // Held until the process ends.
        Ok(Some(lock)) => std::mem::forget(lock),
        Ok(None) => tracing::warn!("another window holds the window lock"),
        Err(error) => tracing::warn!(%error, "cannot take the window lock"),
    }
}

/// Keeps one agent running while this window runs: starts one when none runs, and another if
/// it ends (killed, crashed) while the window is open. If it cannot be started, `without_agent`
/// runs once (the window then runs the reminders itself, so that nothing due goes unsaid).
pub fn supervise(
    program: PathBuf,
    data_dir: PathBuf,
    without_agent: impl FnOnce() + Send + 'static,
) {
    let spawned = std::thread::Builder::new()
        .name("agent".into())
        .spawn(move || {
            let mut failed = 0;
            loop {
                if QUITTING.load(Ordering::SeqCst) {
                    return;
                }
                if !LoopLock::is_held(&data_dir) {
                    if start(&program, &data_dir) {
                        failed = 0;
                    } else {
                        failed += 1;
                        tracing::error!(failed, "the agent did not start");
                        if failed >= MOST_FAILED_STARTS {
                            return without_agent();
                        }
                        std::thread::sleep(Duration::from_secs(failed.into()));
                        continue;
                    }
                }
                // Sleeps until the agent's loop ends, without waking.
                if let Err(error) = LoopLock::wait_until_free(&data_dir) {
                    return tracing::error!(%error, "cannot wait on the agent");
                }
                if QUITTING.load(Ordering::SeqCst) {
                    return;
                }
                tracing::warn!("the agent ended; starting another");
            }
        });
    if let Err(error) = spawned {
        tracing::error!(%error, "cannot watch over the agent");
    }
}

/// Starts an agent; true once the store's loop runs (this agent's, or one that beat it to it).
fn start(program: &Path, data_dir: &Path) -> bool {
    // Inside an AppImage the agent's program lives in a mount that goes when this window's
    // process ends: the image is started again as the login item starts it, so the agent
    // (which it becomes) has a mount of its own for as long as it runs.
    let image = std::env::var_os("APPIMAGE");
    let mut command = Command::new(image.as_deref().unwrap_or(program.as_os_str()));
    command.arg("--data-dir").arg(data_dir);
    if image.is_some() {
        command.arg("--hidden");
    }
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(error) => {
            tracing::error!(%error, program = %program.display(), "cannot start the agent");
            return false;
        }
    };
    let started = Instant::now();
    let running = loop {
        if LoopLock::is_held(data_dir) {
            break true;
        }
        if let Ok(Some(_)) = child.try_wait() {
            return LoopLock::is_held(data_dir);
        }
        if started.elapsed() > START_AT_MOST {
            break false;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    // Reaped when it ends, so that no zombie stays behind while the window is open.
    let _ = std::thread::Builder::new()
        .name("agent-wait".into())
        .spawn(move || child.wait());
    running
}

/// Tells the UI when another process (the agent, the CLI, a second computer's sync) wrote to
/// the store, and when the agent found that notifications cannot be shown.
pub fn watch_store<R: Runtime>(app: AppHandle<R>, store: Arc<Store>, data_dir: &Path) {
    let (changes, changed) = mpsc::channel();
    let Some(watcher) = rapport_reminders::watch::watch(data_dir, changes, ()) else {
        return;
    };
    let spawned = std::thread::Builder::new()
        .name("store-watch".into())
        .spawn(move || {
            let _watcher = watcher;
            let mut version = store.data_version().unwrap_or_default();
            let mut trouble = store.notification_trouble().ok().flatten();
            while changed.recv().is_ok() {
                std::thread::sleep(SETTLE);
                while changed.try_recv().is_ok() {}
                // This window's own writes leave the version as it is.
                let now = store.data_version().unwrap_or_default();
                if now == version {
                    continue;
                }
                version = now;
                let _ = app.emit(STORE_CHANGED_EVENT, ());
                let found = store.notification_trouble().ok().flatten();
                if found != trouble {
                    if let Some(reason) = &found {
                        let _ = app.emit(NOTIFICATIONS_UNAVAILABLE_EVENT, reason);
                    }
                    trouble = found;
                }
            }
        });
    if let Err(error) = spawned {
        tracing::error!(%error, "cannot watch the store");
    }
}

// The tries need a program that ends at once: `false`, on Unix.
#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn an_agent_that_cannot_start_is_tried_a_few_times_then_the_window_does_without() {
        let data = tempfile::tempdir().unwrap();
        let (gave_up, given_up) = mpsc::channel();
        // A program that ends at once without taking the loop, as a broken agent would.
        supervise("false".into(), data.path().to_path_buf(), move || {
            gave_up.send(()).unwrap()
        });
        given_up
            .recv_timeout(Duration::from_secs(30))
            .expect("the window does without an agent after its tries");
        assert!(
            !LoopLock::is_held(data.path()),
            "no loop was taken by the tries"
        );
    }
}
