//! A Python virtual environment with pinned packages, made once under target/ and made again
//! only when its requirements file changes: the independent parsers the exports are checked with,
//! and the servers and client of the sync tests.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

/// The interpreter of the environment `name` (under `CARGO_TARGET_TMPDIR`) with `requirements`
/// installed.
pub fn python_with(name: &str, requirements: &Path) -> PathBuf {
    // Tests of one binary ask at once: one of them makes it.
    static MAKING: Mutex<()> = Mutex::new(());
    let _one_at_a_time = MAKING.lock().unwrap_or_else(|e| e.into_inner());
    let venv = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    // A venv keeps its interpreter in Scripts\ on Windows (GitHub's runner), bin/ elsewhere.
    let python = if cfg!(windows) {
        venv.join("Scripts").join("python.exe")
    } else {
        venv.join("bin").join("python")
    };
    let stamp = venv.join("requirements.txt");
    if python.exists() && std::fs::read(&stamp).ok() == std::fs::read(requirements).ok() {
        return python;
    }
    let made = Command::new(if cfg!(windows) { "python" } else { "python3" })
        .args(["-m", "venv"])
        .arg(&venv)
        .status();
    assert!(
        made.is_ok_and(|s| s.success()),
        "python3 -m venv failed: install python3 and python3-venv (scripts/test.sh does)"
    );
    let installed = Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
        ])
        .arg(requirements)
        .status()
        .expect("pip runs");
    assert!(
        installed.success(),
        "pip could not install {}",
        requirements.display()
    );
    std::fs::copy(requirements, &stamp).unwrap();
    python
}
