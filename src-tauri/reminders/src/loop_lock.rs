//! One reminder loop per store, whichever processes run: the loop holds an exclusive lock on a
//! file in the data folder for as long as it runs. The operating system releases it when the
//! process ends however it ends (kill -9 included), so a crashed loop never blocks the next.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::Path;

/// In the data folder, beside the store.
pub const LOCK_FILE: &str = "reminders.lock";
/// Held by the window's process while it runs, so that the agent knows whether one is open.
pub const WINDOW_LOCK_FILE: &str = "window.lock";

/// Tries at taking a lock before it counts as held by another process, this long apart.
const PROBE_RETRIES: u32 = 5;
const PROBE_RETRY_AFTER: std::time::Duration = std::time::Duration::from_millis(10);

/// Held while this process runs the store's reminder loop.
#[derive(Debug)]
pub struct LoopLock(#[allow(dead_code)] File);

impl LoopLock {
    /// Takes the lock, or `None` when another process holds it (its loop runs).
    pub fn try_acquire(data_dir: &Path) -> io::Result<Option<LoopLock>> {
        Self::try_acquire_file(data_dir, LOCK_FILE)
    }

    /// The same rule for another of the data folder's lock files ([`WINDOW_LOCK_FILE`]).
    pub fn try_acquire_file(data_dir: &Path, name: &str) -> io::Result<Option<LoopLock>> {
        std::fs::create_dir_all(data_dir)?;
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(data_dir.join(name))?;
        // A few tries: another process asking whether the lock is held (`is_file_held`) holds
        // it shared for an instant, and must not make a starting loop think one runs.
        let mut tries = 1;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Some(LoopLock(file))),
                Err(TryLockError::WouldBlock) if tries < PROBE_RETRIES => {
                    tries += 1;
                    std::thread::sleep(PROBE_RETRY_AFTER);
                }
                Err(TryLockError::WouldBlock) => return Ok(None),
                Err(TryLockError::Error(error)) => return Err(error),
            }
        }
    }

    /// Whether some process runs the store's reminder loop now (this one included).
    pub fn is_held(data_dir: &Path) -> bool {
        Self::is_file_held(data_dir, LOCK_FILE)
    }

    /// Whether some process holds that lock file of the data folder.
    pub fn is_file_held(data_dir: &Path, name: &str) -> bool {
        let Ok(file) = File::open(data_dir.join(name)) else {
            return false;
        };
        match file.try_lock_shared() {
            Ok(()) => false,
            Err(TryLockError::WouldBlock) => true,
            Err(TryLockError::Error(_)) => false,
        }
    }

    /// Blocks until no process runs the store's loop (returns at once when none does).
    pub fn wait_until_free(data_dir: &Path) -> io::Result<()> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(data_dir.join(LOCK_FILE))?;
        // Shared, and let go at once by closing the file: it only waits for the loop's
        // exclusive lock to go. Closing rather than `unlock`, which Windows under Wine refuses
        // with a lock violation for a whole-file shared lock.
        file.lock_shared()?;
        drop(file);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_loop_over_the_same_store_is_refused_until_the_first_ends() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!LoopLock::is_held(dir.path()), "no loop has run yet");
        let first = LoopLock::try_acquire(dir.path())
            .unwrap()
            .expect("the first loop runs");
        assert!(LoopLock::is_held(dir.path()));
        assert!(
            LoopLock::try_acquire(dir.path()).unwrap().is_none(),
            "a second loop is refused"
        );
        drop(first);
        assert!(!LoopLock::is_held(dir.path()));
        assert!(LoopLock::try_acquire(dir.path()).unwrap().is_some());
    }

    #[test]
    fn waiting_for_the_loop_to_end_returns_when_its_process_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        LoopLock::wait_until_free(dir.path()).unwrap();
        let held = LoopLock::try_acquire(dir.path()).unwrap().unwrap();
        let path = dir.path().to_path_buf();
        let waiter = std::thread::spawn(move || LoopLock::wait_until_free(&path));
        std::thread::sleep(std::time::Duration::from_millis(200));
        assert!(!waiter.is_finished(), "waits while the loop runs");
        drop(held);
        waiter.join().unwrap().unwrap();
    }

    #[test]
    fn another_store_has_its_own_loop() {
        let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let _first = LoopLock::try_acquire(one.path()).unwrap().unwrap();
        assert!(LoopLock::try_acquire(two.path()).unwrap().is_some());
    }
}
