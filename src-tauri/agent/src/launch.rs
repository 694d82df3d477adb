//! Starting the window: the `rapport` program installed beside the agent, on the same data
//! folder. A window already open takes the request over (its single-instance rule) and the
//! process started here exits at once.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use rapport_reminders::loop_lock::{LoopLock, WINDOW_LOCK_FILE};

/// The window's argument that opens it on one follow-up (`rapport --show-followup ID`).
pub const SHOW_FOLLOWUP_ARG: &str = "--show-followup";
/// The window's argument that closes an open window (`rapport --quit`).
pub const QUIT_ARG: &str = "--quit";

/// How long Quit waits for the window to go before the agent ends anyway.
const CLOSE_AT_MOST: Duration = Duration::from_secs(10);

#[derive(Debug, Clone)]
pub struct Window {
    program: PathBuf,
    data_dir: PathBuf,
}

impl Window {
    pub fn beside_this_program(data_dir: &Path) -> Window {
        let name = if cfg!(windows) {
            "rapport.exe"
        } else {
            "rapport"
        };
        let program = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|dir| dir.join(name)))
            .unwrap_or_else(|| PathBuf::from(name));
        Window {
            program,
            data_dir: data_dir.to_path_buf(),
        }
    }

    /// Opens the window (on a follow-up, when one is given).
    pub fn open(&self, followup: Option<i64>) {
        tracing::info!(?followup, "opening the window");
        let mut command = Command::new(&self.program);
        command.arg("--data-dir").arg(&self.data_dir);
        if let Some(id) = followup {
            command.arg(SHOW_FOLLOWUP_ARG).arg(id.to_string());
        }
        match command.spawn() {
            // Reaped when it exits, so no zombie is left behind for the agent's lifetime.
            Ok(mut child) => {
                let _ = std::thread::Builder::new()
                    .name("window".into())
                    .spawn(move || child.wait());
            }
            Err(error) => {
                tracing::error!(%error, program = %self.program.display(), "cannot start the window")
            }
        }
    }

    /// Whether a window is open on this store (it holds the window lock while it runs).
    pub fn is_open(&self) -> bool {
        LoopLock::is_file_held(&self.data_dir, WINDOW_LOCK_FILE)
    }

    /// Closes the window if one is open, and waits for it to go: an open window would otherwise
    /// start a new agent when this one ends.
    pub fn close(&self) {
        if !self.is_open() {
            return;
        }
        let asked = Command::new(&self.program)
            .arg("--data-dir")
            .arg(&self.data_dir)
            .arg(QUIT_ARG)
            .status();
        if let Err(error) = asked {
            return tracing::error!(%error, "cannot ask the window to close");
        }
        let started = Instant::now();
        while self.is_open() {
            if started.elapsed() > CLOSE_AT_MOST {
                return tracing::warn!("the window did not close");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}
