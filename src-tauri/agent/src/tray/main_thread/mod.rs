//! The main thread's event loop, which the Windows and macOS trays need (their icons and menus
//! are served by it), and a way for other threads to run work on it.

#[cfg(target_os = "macos")]
mod macos;
#[cfg(windows)]
mod windows;

#[cfg(target_os = "macos")]
pub use macos::{quit, run, MainThread};
#[cfg(windows)]
pub use windows::{quit, run, MainThread};
