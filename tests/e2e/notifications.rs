//! (b)-(d) Follow-ups become native notifications: exactly once, across restarts, with no busy
//! polling. Every `Notify` call is counted on the test's own session bus.

use std::time::{Duration, Instant};

use chrono::{SecondsFormat, Utc};

use crate::harness::{wait_until, App, Bus, Profile};

/// The loop's debug log lines that count as wakes, after its `nth` "ready".
fn wakes_after_ready(log: &str, nth: usize) -> usize {
    let start = log
        .match_indices("reminder loop ready")
        .nth(nth - 1)
        .map(|(i, _)| i)
        .expect("ready logged");
    log[start..].matches("reminder loop woke").count()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_follow_up_added_from_the_cli_is_notified_once_on_time_and_not_again_after_a_restart() {
    let bus = Bus::start();
    let profile = Profile::new();
    let app = App::launch(&profile, &bus).await;
    profile.wait_for_ready(1);

    profile.cli(&bus, &["people", "add", "Ada Lovelace"]);
    let due = Utc::now() + chrono::Duration::seconds(5);
    let due_text = due.to_rfc3339_opts(SecondsFormat::Secs, true);
    profile.cli(
        &bus,
        &[
            "followups",
            "add",
            "--person",
            "Ada Lovelace",
            "--title",
            "Thank Ada for the chat",
            "--due",
            &due_text,
        ],
    );

    wait_until(Duration::from_secs(30), "a Notify call", || {
        bus.notify_calls() >= 1
    });
    let late = Utc::now() - due;
    assert!(
        late < chrono::Duration::seconds(10),
        "notified {late} after its due time"
    );
    assert!(
        bus.monitor_text().contains("Thank Ada for the chat"),
        "{}",
        bus.monitor_text()
    );
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(bus.notify_calls(), 1, "exactly one notification");
    app.screenshot("05-today-after-notification").await;
    app.quit(&bus).await;

    let app = App::launch(&profile, &bus).await;
    profile.wait_for_ready(2);
    std::thread::sleep(Duration::from_secs(10));
    assert_eq!(bus.notify_calls(), 1, "a restart does not notify it again");
    app.quit(&bus).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_follow_up_that_came_due_while_the_app_was_stopped_is_notified_once_at_the_next_start() {
    let bus = Bus::start();
    let profile = Profile::new();
    profile.cli(&bus, &["people", "add", "Grace Hopper"]);
    profile.cli(
        &bus,
        &[
            "followups",
            "add",
            "--person",
            "Grace",
            "--title",
            "Send Grace the COBOL article",
            "--due",
            "+1s",
        ],
    );
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(bus.notify_calls(), 0);

    let started = Instant::now();
    let app = App::launch(&profile, &bus).await;
    profile.wait_for_ready(1);
    wait_until(
        Duration::from_secs(10),
        "the missed follow-up's notification",
        || bus.notify_calls() >= 1,
    );
    assert!(bus.monitor_text().contains("Send Grace the COBOL article"));
    std::thread::sleep(Duration::from_secs(5));
    assert_eq!(
        bus.notify_calls(),
        1,
        "once, not once per wake (started {:?} ago)",
        started.elapsed()
    );
    app.quit(&bus).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn with_nothing_due_the_loop_wakes_at_most_twice_in_two_minutes() {
    let bus = Bus::start();
    let profile = Profile::new();
    // Something pending but far away: the loop must not poll for it.
    profile.cli(&bus, &["people", "add", "Tom Rivera"]);
    profile.cli(
        &bus,
        &[
            "followups",
            "add",
            "--person",
            "Tom",
            "--title",
            "Birthday call",
            "--due",
            "+30d",
        ],
    );
    let app = App::launch(&profile, &bus).await;
    profile.wait_for_ready(1);
    std::thread::sleep(Duration::from_secs(120));
    let log = profile.log();
    let wakes = wakes_after_ready(&log, 1);
    assert!(wakes <= 2, "{wakes} wakes in two minutes:\n{log}");
    assert!(
        log.contains("reminder loop sleeping"),
        "the loop logs at debug level"
    );
    assert_eq!(bus.notify_calls(), 0);
    app.quit(&bus).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_notification_service_rapport_says_so_once_and_follow_ups_stay_due_and_visible() {
    let dir = tempfile::tempdir().unwrap();
    let bus = Bus::without_notification_server(dir.path());
    let profile = Profile::new();
    profile.cli(&bus, &["people", "add", "Ada Lovelace"]);
    for title in ["Thank Ada for the chat", "Send Ada the article"] {
        profile.add_followup(&bus, "Ada Lovelace", title, "2020-01-01 09:00");
    }
    let app = App::launch(&profile, &bus).await;
    profile.wait_for_ready(1);
    wait_until(Duration::from_secs(10), "a Notify call to fail", || {
        bus.notify_calls() >= 1
    });

    app.wait_for_css("#notice-banner:not([hidden])").await;
    app.wait_for_text("#notice-banner", "no notification service")
        .await;
    app.wait_for_text("#today", "Thank Ada for the chat").await;
    app.wait_for_text("#today", "Send Ada the article").await;
    app.screenshot("no-notification-service").await;
    assert!(
        profile.log().contains("no notification service"),
        "{}",
        profile.log()
    );
    assert_eq!(
        profile.log().matches("no notification service").count(),
        1,
        "said once"
    );

    // The app is alive and the follow-ups are still due, for the window and the CLI alike.
    let due = profile.cli(&bus, &["followups", "due", "--json"]);
    let due: serde_json::Value = serde_json::from_str(&due).unwrap();
    assert_eq!(due.as_array().unwrap().len(), 2);
    app.js("document.getElementById('notice-dismiss').click()")
        .await;
    app.wait_for_css("#notice-banner[hidden]").await;
    app.quit(&bus).await;
}

/// The id the notification server gave the notification about `title` (the app logs it).
fn notification_id(profile: &Profile, followup_id: i64) -> u32 {
    let needle = format!("followup=Some({followup_id})");
    let mut id = None;
    wait_until(
        Duration::from_secs(15),
        "the notification to be shown",
        || {
            id = profile
                .log()
                .lines()
                .find(|line| line.contains("notification shown") && line.contains(&needle))
                .and_then(|line| line.split("notification=").nth(1))
                .and_then(|rest| rest.split_whitespace().next())
                .and_then(|n| n.parse().ok());
            id.is_some()
        },
    );
    id.unwrap()
}

/// Does what the notification server does when the user clicks an action.
fn invoke_action(bus: &Bus, notification: u32, action: &str) {
    let status = std::process::Command::new("dbus-send")
        .args([
            &format!("--bus={}", bus.address),
            "--type=signal",
            "/org/freedesktop/Notifications",
            "org.freedesktop.Notifications.ActionInvoked",
            &format!("uint32:{notification}"),
            &format!("string:{action}"),
        ])
        .status()
        .unwrap();
    assert!(status.success());
}

fn due_titles(profile: &Profile, bus: &Bus) -> Vec<String> {
    let due: serde_json::Value =
        serde_json::from_str(&profile.cli(bus, &["followups", "due", "--json"])).unwrap();
    due.as_array()
        .unwrap()
        .iter()
        .map(|f| f["title"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_notification_opens_rapport_on_its_follow_up_and_its_done_and_snooze_actions_work() {
    let bus = Bus::start();
    let profile = Profile::new();
    profile.cli(&bus, &["people", "add", "Ada Lovelace"]);
    let mut ids = Vec::new();
    for title in ["Thank Ada", "Send Ada the article", "Call Ada back"] {
        let added = profile.add_followup(&bus, "Ada Lovelace", title, "+3s");
        ids.push(added["id"].as_i64().unwrap());
    }
    let app = App::launch(&profile, &bus).await;
    app.wait_for_css("#show-pitches")
        .await
        .click()
        .await
        .unwrap();
    app.wait_for_css("#pitches").await;

    let done = notification_id(&profile, ids[0]);
    let snoozed = notification_id(&profile, ids[1]);
    let opened = notification_id(&profile, ids[2]);
    invoke_action(&bus, done, "done");
    invoke_action(&bus, snoozed, "snooze");
    wait_until(Duration::from_secs(10), "the actions to be taken", || {
        due_titles(&profile, &bus) == ["Call Ada back"]
    });
    let pending: serde_json::Value =
        serde_json::from_str(&profile.cli(&bus, &["followups", "due", "--json"])).unwrap();
    assert_eq!(pending.as_array().unwrap().len(), 1);

    // Clicking the third opens Rapport on it, from another screen.
    invoke_action(&bus, opened, "default");
    app.wait_for_text(".followup.highlight", "Call Ada back")
        .await;
    app.screenshot("notification-opened").await;
    app.quit(&bus).await;
}
