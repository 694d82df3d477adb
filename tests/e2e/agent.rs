//! Two processes: the agent (tray, reminders) from login to shutdown, the window only while it
//! is open. Processes are told apart by their environment (each test's own data folder), and
//! the tray is read as the panel reads it, over D-Bus.

use std::path::Path;
use std::time::Duration;

use crate::harness::{wait_until, App, Bus, Profile, INSTANCE_NAME};

/// The names of the running processes started on `data_dir` (they inherit its variable).
fn processes_on(data_dir: &Path) -> Vec<String> {
    let needle = format!("RAPPORT_DATA_DIR={}", data_dir.display());
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let dir = entry.path();
        let Ok(environ) = std::fs::read(dir.join("environ")) else {
            continue;
        };
        let ours = environ
            .split(|b| *b == 0)
            .any(|var| var == needle.as_bytes());
        if ours {
            if let Ok(comm) = std::fs::read_to_string(dir.join("comm")) {
                found.push(comm.trim().to_string());
            }
        }
    }
    found.sort();
    found
}

/// Rapport's own processes: the window, the agent, WebKit's web and network processes.
fn rapport_processes(data_dir: &Path) -> Vec<String> {
    // `comm` is cut at 15 characters: WebKitWebProces, WebKitNetworkPr. (WebKitWebDriver is
    // the test's, not Rapport's.)
    processes_on(data_dir)
        .into_iter()
        .filter(|name| {
            name.starts_with("rapport")
                || name.starts_with("WebKitWebProc")
                || name.starts_with("WebKitNetwork")
        })
        .collect()
}

/// Waits until Rapport's processes on the profile are `expected`; panics with those running.
fn wait_for_processes(profile: &Profile, expected: &[&str]) {
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let running = rapport_processes(&profile.data_dir);
        if running == expected {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "Rapport's processes are {running:?}, not {expected:?}; all on the profile: {:?}\n{}",
            processes_on(&profile.data_dir),
            profile.log()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_agent_notifies_once_with_the_window_open_or_closed_and_its_tray_follows_the_window() {
    let bus = Bus::start();
    let profile = Profile::new();
    profile.cli(&bus, &["people", "add", "Ada Lovelace"]);
    let app = App::launch(&profile, &bus).await;
    profile.wait_for_ready(1);
    let tray = bus.panel.tray();
    bus.panel
        .wait_for_label(&tray, "Nothing due today", Duration::from_secs(10));
    assert_eq!(bus.panel.trays(), 1, "one tray icon, the agent's");

    // Due while the window is open: notified once, by the agent alone.
    let added = profile.add_followup(&bus, "Ada Lovelace", "Thank Ada for the chat", "+3s");
    let id = added["id"].as_i64().unwrap();
    wait_until(Duration::from_secs(20), "the notification", || {
        bus.notify_calls() >= 1
    });
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(bus.notify_calls(), 1, "notified once with the window open");
    bus.panel.wait_for_label(
        &tray,
        "overdue · Thank Ada for the chat — Ada Lovelace",
        Duration::from_secs(10),
    );

    // Done in the window: the tray's menu follows.
    let done_button = format!("li.followup[data-followup-id='{id}'] .followup-actions button");
    app.wait_for_css(&done_button).await.click().await.unwrap();
    bus.panel
        .wait_for_label(&tray, "Nothing due today", Duration::from_secs(10));

    // Closing the window leaves the agent alone: no window, no WebKit process.
    app.client.close_window().await.unwrap();
    wait_until(
        Duration::from_secs(15),
        "the window's process to end",
        || !bus.has_owner(INSTANCE_NAME),
    );
    wait_for_processes(&profile, &["rapport-agent"]);

    // Due while the window is closed: notified once, by the agent.
    profile.add_followup(&bus, "Ada Lovelace", "Send Ada the article", "+2s");
    wait_until(Duration::from_secs(20), "the second notification", || {
        bus.notify_calls() >= 2
    });
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(bus.notify_calls(), 2, "each follow-up notified once");
    assert!(bus.monitor_text().contains("Send Ada the article"));

    // Quit in the tray ends the agent; nothing of Rapport is left.
    bus.panel.click(&tray, "Quit Rapport");
    wait_for_processes(&profile, &[]);
    assert_eq!(
        profile.log().matches("reminder loop ready").count(),
        1,
        "one reminder loop all along"
    );
    drop(app);
}

#[tokio::test(flavor = "multi_thread")]
async fn quit_in_the_tray_closes_an_open_window_too() {
    let bus = Bus::start();
    let profile = Profile::new();
    let app = App::launch(&profile, &bus).await;
    profile.wait_for_ready(1);
    let tray = bus.panel.tray();
    bus.panel
        .wait_for_label(&tray, "Quit Rapport", Duration::from_secs(10));
    bus.panel.click(&tray, "Quit Rapport");
    wait_for_processes(&profile, &[]);
    drop(app);
}
