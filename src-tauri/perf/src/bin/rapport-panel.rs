//! A desktop panel for the measurement scripts: serves the StatusNotifierWatcher on the session
//! bus and clicks the tray's menu as a panel does, so `scripts/perf/measure_app.py` opens the
//! window the way a user does (the tray's "Open"). The same panel as the end-to-end tests'.
//!
//!     rapport-panel        then, one command a line on stdin:
//!       tray N             waits for a tray to register after N had; prints its bus name
//!       click TRAY LABEL   clicks the item; prints "clicked"

#[cfg(target_os = "linux")]
#[path = "../../../../tests/e2e/panel.rs"]
#[allow(dead_code)] // the tests use more of the panel than the scripts do
mod panel;

#[cfg(target_os = "linux")]
fn main() {
    use std::io::{BufRead, Write};
    use std::time::{Duration, Instant};

    let address = std::env::var("DBUS_SESSION_BUS_ADDRESS")
        .expect("rapport-panel needs DBUS_SESSION_BUS_ADDRESS");
    let panel = panel::Panel::start(&address);
    let mut out = std::io::stdout().lock();
    writeln!(out, "ready").unwrap();
    out.flush().unwrap();
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("read a command");
        let mut words = line.splitn(3, ' ');
        let reply = match (words.next(), words.next(), words.next()) {
            (Some("tray"), Some(before), None) => {
                let before: usize = before.parse().expect("tray N: a count");
                let deadline = Instant::now() + Duration::from_secs(60);
                while panel.trays() <= before {
                    assert!(Instant::now() < deadline, "no new tray registered");
                    std::thread::sleep(Duration::from_millis(5));
                }
                panel.tray()
            }
            (Some("click"), Some(tray), Some(label)) => {
                panel.click(tray, label);
                "clicked".to_string()
            }
            _ => panic!("unknown command {line:?}"),
        };
        writeln!(out, "{reply}").unwrap();
        out.flush().unwrap();
    }
}

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("rapport-panel serves a Linux desktop's tray protocol");
    std::process::exit(2);
}
