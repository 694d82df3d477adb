//! The CLI's output in a Windows console. The release binary is a GUI program
//! (`windows_subsystem = "windows"`, so opening the app shows no console window), and such a
//! program prints nothing to the console it was started from unless it attaches to it. Attached,
//! `rapport people list` in cmd or PowerShell prints there. Standard handles already redirected
//! to a file or a pipe stay as they are: attaching fills in only those that were empty.

use std::ffi::OsString;

/// Whether this invocation wants the console it was started from: anything but opening the
/// app (no arguments) or starting in the tray at login (`--hidden`) — a subcommand, `--help`,
/// `--version`, or a usage error to explain.
pub fn wants_console(args: impl IntoIterator<Item = OsString>) -> bool {
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            args.next(); // its folder
        } else if arg != crate::HIDDEN_ARG
            && !arg
                .to_str()
                .is_some_and(|arg| arg.starts_with("--data-dir="))
        {
            return true;
        }
    }
    false
}

/// Attaches to the console of the process that started this one (cmd, PowerShell), if any and if
/// this invocation prints; started from Explorer or the Start menu there is none and nothing
/// happens.
#[cfg(windows)]
pub fn attach_if_wanted() {
    use windows_sys::Win32::System::Console::{AttachConsole, ATTACH_PARENT_PROCESS};
    if wants_console(std::env::args_os()) {
        // SAFETY: no pointers; fails harmlessly when there is no parent console.
        unsafe { AttachConsole(ATTACH_PARENT_PROCESS) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wants(args: &[&str]) -> bool {
        wants_console(
            std::iter::once("rapport.exe")
                .chain(args.iter().copied())
                .map(OsString::from),
        )
    }

    #[test]
    fn a_subcommand_help_or_version_prints_in_the_console_it_was_typed_in() {
        assert!(wants(&["people", "list"]));
        assert!(wants(&[
            "--data-dir",
            "C:\\Users\\José Núñez\\Rapport",
            "export",
            "csv"
        ]));
        assert!(wants(&["--help"]));
        assert!(wants(&["--version"]));
        assert!(wants(&["--no-such-flag"]));
    }

    #[test]
    fn opening_the_app_or_starting_in_the_tray_takes_no_console() {
        assert!(!wants(&[]));
        assert!(!wants(&["--hidden"]));
        assert!(!wants(&["--data-dir=C:\\Rapport data"]));
        assert!(!wants(&[
            "--data-dir",
            "C:\\Users\\José Núñez\\Rapport data"
        ]));
        assert!(!wants(&["--hidden", "--data-dir"]));
    }
}
