//! One reminder loop per store, whichever processes run: the loop holds an exclusive lock on a
//! file in the data folder for as long as it runs. The operating system releases it when the
//! process ends however it ends (kill -9 included), so a crashed loop never blocks the next.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::Path;

/// In the data folder, beside the store.
pub const LOCK_FILE: &str = "reminders.lock";

/// Held while this process runs the store's reminder loop.
#[derive(Debug)]
pub struct LoopLock(#[allow(dead_code)] File);

impl LoopLock {
    /// Takes the lock, or `None` when another process holds it (its loop runs).
    pub fn try_acquire(data_dir: &Path) -> io::Result<Option<LoopLock>> {
        std::fs::create_dir_all(data_dir)?;
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(data_dir.join(LOCK_FILE))?;
        match file.try_lock() {
            Ok(()) => Ok(Some(LoopLock(file))),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(error)) => Err(error),
        }
    }

    /// Whether some process runs the store's reminder loop now (this one included).
    pub fn is_held(data_dir: &Path) -> bool {
        let Ok(file) = File::open(data_dir.join(LOCK_FILE)) else {
            return false;
        };
        match file.try_lock_shared() {
            Ok(()) => false,
            Err(TryLockError::WouldBlock) => true,
            Err(TryLockError::Error(_)) => false,
        }
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
    fn another_store_has_its_own_loop() {
        let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let _first = LoopLock::try_acquire(one.path()).unwrap().unwrap();
        assert!(LoopLock::try_acquire(two.path()).unwrap().is_some());
    }
}
