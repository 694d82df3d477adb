//! The agent over a real session bus of its own, with what a desktop puts there: a panel's
//! StatusNotifierWatcher and a notification server, both served by this test over D-Bus. The
//! tray is read as the panel reads it (the menu's `GetLayout`), and the store is written from
//! this process, as the window and the CLI do.
#![cfg(target_os = "linux")]

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rapport_core::followups::FollowupInput;
use rapport_core::network::people::PersonInput;
use rapport_core::Store;
use rapport_reminders::LoopLock;
use zbus::blocking::Connection;
use zbus::zvariant::OwnedValue;

#[path = "../../../tests/e2e/panel.rs"]
mod panel;
use panel::Panel;

/// A dbus-daemon of the test's own, killed with it.
struct Bus {
    daemon: Child,
    address: String,
}

impl Bus {
    fn start() -> Bus {
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address"])
            .stdout(Stdio::piped())
            .spawn()
            .expect("dbus-daemon must be installed (package dbus)");
        let mut address = String::new();
        BufReader::new(daemon.stdout.take().unwrap())
            .read_line(&mut address)
            .unwrap();
        Bus {
            daemon,
            address: address.trim().to_string(),
        }
    }
}

impl Drop for Bus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

/// A notification server that keeps what it was asked to show.
#[derive(Default, Clone)]
struct Notifications(Arc<Mutex<Vec<String>>>);

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Notifications {
    #[allow(clippy::too_many_arguments)]
    fn notify(
        &self,
        _app_name: String,
        _replaces_id: u32,
        _app_icon: String,
        summary: String,
        body: String,
        _actions: Vec<String>,
        _hints: HashMap<String, OwnedValue>,
        _expire_timeout: i32,
    ) -> u32 {
        let mut shown = self.0.lock().unwrap();
        shown.push(format!("{summary}: {body}"));
        shown.len() as u32
    }

    fn get_capabilities(&self) -> Vec<String> {
        vec!["actions".into(), "body".into()]
    }

    fn close_notification(&self, _id: u32) {}
}

/// The desktop on the bus: a panel with a tray area, and a notification server.
struct Desktop {
    bus: Bus,
    panel: Panel,
    _server: Connection,
    notifications: Notifications,
}

impl Desktop {
    fn start() -> Desktop {
        let bus = Bus::start();
        let notifications = Notifications::default();
        let server = zbus::blocking::connection::Builder::address(bus.address.as_str())
            .unwrap()
            .name("org.freedesktop.Notifications")
            .unwrap()
            .serve_at("/org/freedesktop/Notifications", notifications.clone())
            .unwrap()
            .build()
            .unwrap();
        Desktop {
            panel: Panel::start(&bus.address),
            bus,
            _server: server,
            notifications,
        }
    }

    fn agent(&self, data_dir: &Path) -> Child {
        agent_on(&self.bus, data_dir, &[])
    }

    fn shown(&self) -> Vec<String> {
        self.notifications.0.lock().unwrap().clone()
    }
}

fn agent_on(bus: &Bus, data_dir: &Path, arguments: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_rapport-agent"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(arguments)
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .env("RAPPORT_LOG", "debug")
        .env("HOME", data_dir)
        .stderr(Stdio::null())
        .spawn()
        .expect("start rapport-agent")
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn log(data_dir: &Path) -> String {
    std::fs::read_dir(data_dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".log"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
        .collect()
}

fn exited_within(child: &mut Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

#[test]
fn the_tray_lists_what_is_due_notifies_it_once_and_follows_what_the_window_does() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let mut agent = desktop.agent(data.path());
    let tray = desktop.panel.tray();
    desktop
        .panel
        .wait_for_label(&tray, "Nothing due today", Duration::from_secs(20));
    let labels = desktop.panel.labels(&tray);
    assert_eq!(labels.first().map(String::as_str), Some("Open Rapport"));
    assert_eq!(labels.last().map(String::as_str), Some("Quit Rapport"));
    assert!(
        labels.contains(&"Reach-outs 0 of 5 this week".to_string()),
        "{labels:?}"
    );

    // The window (another process) adds a follow-up due in two seconds.
    let ada = store
        .add_person(PersonInput::named("Ada Lovelace"))
        .unwrap();
    let followup = store
        .add_followup(FollowupInput {
            person_id: Some(ada.id),
            kind: None,
            title: "Thank Ada for the chat".into(),
            due_at: chrono::Utc::now() + chrono::Duration::seconds(2),
        })
        .unwrap();
    wait_until("the follow-up's notification", || {
        !desktop.shown().is_empty()
    });
    std::thread::sleep(Duration::from_secs(2));
    let shown = desktop.shown();
    assert_eq!(shown.len(), 1, "notified once: {shown:?}");
    assert!(shown[0].contains("Thank Ada for the chat"), "{shown:?}");
    desktop
        .panel
        .wait_for_label(&tray, "1 follow-up due today", Duration::from_secs(20));
    assert!(
        desktop
            .panel
            .labels(&tray)
            .contains(&"overdue · Thank Ada for the chat — Ada Lovelace".to_string()),
        "{:?}",
        desktop.panel.labels(&tray)
    );

    // Done in the window: the tray follows.
    store.complete_followup(followup.id).unwrap();
    desktop
        .panel
        .wait_for_label(&tray, "Nothing due today", Duration::from_secs(20));
    assert_eq!(desktop.shown().len(), 1, "nothing notified twice");

    desktop.panel.click(&tray, "Quit Rapport");
    let status = exited_within(&mut agent, Duration::from_secs(10)).expect("Quit ends the agent");
    assert!(status.success(), "{status}");
    assert!(
        !LoopLock::is_held(data.path()),
        "the reminder loop ended with it"
    );
    assert_eq!(log(data.path()).matches("reminder loop ready").count(), 1);
}

#[test]
fn a_second_agent_over_the_same_store_leaves_the_first_one_the_loop_and_exits() {
    let desktop = Desktop::start();
    let data = tempfile::tempdir().unwrap();
    let mut first = desktop.agent(data.path());
    desktop.panel.tray();
    wait_until("the first loop", || {
        log(data.path()).contains("reminder loop ready")
    });

    let mut second = desktop.agent(data.path());
    let status = exited_within(&mut second, Duration::from_secs(10))
        .expect("the second agent exits by itself");
    assert!(status.success(), "{status}");
    assert_eq!(log(data.path()).matches("reminder loop ready").count(), 1);
    assert_eq!(desktop.panel.trays(), 1, "one tray icon");
    assert!(
        first.try_wait().unwrap().is_none(),
        "the first agent runs on"
    );
    let _ = first.kill();
    let _ = first.wait();
}

#[test]
fn an_agent_started_at_login_before_the_panel_shows_its_tray_once_the_panel_starts() {
    let bus = Bus::start();
    let data = tempfile::tempdir().unwrap();
    let mut agent = agent_on(&bus, data.path(), &["--hidden"]);
    wait_until("the agent to find no tray area yet", || {
        log(data.path()).contains("no tray area on the panel")
    });

    let panel = Panel::start(&bus.address);
    let tray = panel.tray();
    panel.wait_for_label(&tray, "Nothing due today", Duration::from_secs(20));
    assert_eq!(panel.trays(), 1, "one tray icon");
    assert!(
        !log(data.path()).contains("opening the window"),
        "no window opened: the tray came"
    );
    let _ = agent.kill();
    let _ = agent.wait();
}
