//! Settings' sync card in the real window, over an account on a real Radicale with the password
//! in gnome-keyring on the test's bus: the account, the first sync's progress, the last sync, a
//! conflict explained, and "Sync now"; on the person page, what sync changed and "Send again"
//! after a delete elsewhere; and a keyring that lost the password, given it again in Settings.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::harness::{wait_until, App, Bus, Profile};
use crate::servers::{client, Kind, Server};

const PASSWORD: &str = "app password";

/// gnome-keyring's Secret Service on the test's own bus, unlocked, keeping its keyrings in
/// `home`.
fn keyring_on(bus: &Bus, home: &std::path::Path) -> std::process::Child {
    let runtime = home.join("run");
    std::fs::create_dir_all(&runtime).unwrap();
    let mut daemon = Command::new("gnome-keyring-daemon")
        .args(["--foreground", "--unlock", "--components=secrets"])
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("XDG_RUNTIME_DIR", &runtime)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("gnome-keyring-daemon runs (scripts/test.sh installs gnome-keyring)");
    daemon.stdin.take().unwrap().write_all(b"login").unwrap();
    wait_until(
        Duration::from_secs(20),
        "the Secret Service on the bus",
        || bus.has_owner("org.freedesktop.secrets"),
    );
    daemon
}

fn add_account(profile: &Profile, bus: &Bus, server: &Server) {
    let mut add = profile
        .command(bus)
        .args([
            "accounts",
            "add",
            "--url",
            &server.url(),
            "--user",
            "alice",
            "--password-stdin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    add.stdin
        .take()
        .unwrap()
        .write_all(PASSWORD.as_bytes())
        .unwrap();
    assert!(add.wait().unwrap().success(), "accounts add");
}

#[tokio::test]
async fn settings_show_the_account_its_last_sync_and_a_conflict_explained() {
    let bus = Bus::start();
    let laptop = Profile::new();
    let mut keyring = keyring_on(&bus, &laptop.home);
    let server = Server::start(Kind::Radicale);
    laptop.cli(
        &bus,
        &[
            "people",
            "add",
            "Ada Lovelace",
            "--org",
            "Analytical Engines",
            "--email",
            "ada@analytical.org",
        ],
    );
    laptop.cli(
        &bus,
        &[
            "people",
            "add",
            "Grace Hopper",
            "--email",
            "grace@navy.mil",
            "--circle",
            "Coworkers",
        ],
    );
    add_account(&laptop, &bus, &server);

    // Before the first sync the card says what it will do, and sends nothing.
    let app = App::launch(&laptop, &bus).await;
    app.js("document.getElementById('show-settings').click()")
        .await;
    app.wait_for_text(
        "#sync-card",
        "2 people will be added to the address book Rapport",
    )
    .await;
    app.screenshot("settings-sync-first").await;
    assert_eq!(
        server.requests("PUT"),
        0,
        "nothing sent before the user starts it"
    );
    // Every step of the pass's progress the bar showed, as a screen reader hears it.
    app.js(
        "window.syncProgressSaid = [];
         new MutationObserver((changes) => changes.forEach((c) => window.syncProgressSaid.push(c.target.getAttribute('aria-valuetext'))))
           .observe(document.getElementById('sync-card'), { subtree: true, attributeFilter: ['aria-valuetext'] });",
    )
    .await;
    click_button(&app, "Start the first sync").await;
    app.wait_for_text("#sync-card", "Synced: 2 cards sent")
        .await;
    let said = app.js("return window.syncProgressSaid").await;
    assert!(
        said.as_array()
            .unwrap()
            .iter()
            .any(|s| s == "Sending cards: 2 of 2"),
        "the progress bar counted the cards going up: {said}"
    );

    // Another computer and this one both change Ada's organization.
    let desktop = Profile::new();
    add_account(&desktop, &bus, &server);
    desktop.cli(&bus, &["sync"]);
    desktop.cli(
        &bus,
        &["people", "edit", "Ada Lovelace", "--org", "Royal Society"],
    );
    desktop.cli(&bus, &["sync"]);
    laptop.cli(
        &bus,
        &[
            "people",
            "edit",
            "Ada Lovelace",
            "--org",
            "University of London",
        ],
    );
    click_button(&app, "Sync now").await;
    // This pass or the agent's (a few seconds after the edit) finds the conflict; either way
    // the card explains it once the pass is done.
    app.wait_for_text("#sync-card", "Synced:").await;
    app.wait_for_text(
        "#sync-card",
        "Ada Lovelace — organization: Rapport kept “University of London”; alice on",
    )
    .await;
    app.wait_for_text("#sync-card", "had “Royal Society”").await;
    app.wait_for_css("#sync-card .last-sync").await;
    app.screenshot("settings-sync").await;

    // Ada's page says what sync changed: the conflict, with both values.
    open_person(&app, "Ada Lovelace").await;
    app.wait_for_text(
        "#person-sync",
        "organization: changed on both sides; Rapport kept “University of London” and noted “Royal Society” from alice on",
    )
    .await;
    app.screenshot("person-sync-changes").await;

    // A phone deletes Grace's card: Rapport keeps her, says so on her page, and sends her
    // again only when asked.
    let book = account_json(&laptop, &bus)["addressbook"]["url"]
        .as_str()
        .unwrap()
        .to_string();
    let grace_card = card_named(&book, "Grace Hopper").expect("Grace's card is on the server");
    client(&[
        "delete",
        grace_card["url"].as_str().unwrap(),
        "alice",
        PASSWORD,
    ]);
    sync_in_settings(&app, "1 removed elsewhere").await;
    open_person(&app, "Grace Hopper").await;
    app.wait_for_text("#person-sync", "Removed from the address book Rapport on")
        .await;
    app.screenshot("person-sync-removed").await;
    app.js("[...document.querySelectorAll('#person-sync button')].find(b => b.textContent === 'Send again').click()").await;
    app.wait_for_text(
        "#person-sync",
        "They go back to the address book at the next sync",
    )
    .await;
    sync_in_settings(&app, "Synced:").await;
    wait_until(Duration::from_secs(30), "Grace back on the server", || {
        card_named(&book, "Grace Hopper").is_some()
    });

    // The data folder moves to a computer whose keyring lacks the password: Settings says so
    // and takes it.
    let _ = keyring.kill();
    let _ = keyring.wait();
    let new_home = tempfile::tempdir().unwrap();
    keyring = keyring_on(&bus, new_home.path());
    sync_in_settings(&app, "Not synced").await;
    app.wait_for_text(
        "#sync-card .sync-error",
        "This computer’s keyring has no password for alice",
    )
    .await;
    let field = app.wait_for_css("#sync-card .sync-password input").await;
    app.screenshot("settings-sync-password").await;
    field.send_keys(PASSWORD).await.unwrap();
    click_button(&app, "Save the password").await;
    app.wait_for_text("#sync-card", "Synced:").await;
    assert!(
        app.js("return document.querySelector('#sync-card .sync-error') === null")
            .await
            .as_bool()
            .unwrap(),
        "the failure is gone once the password is back"
    );

    app.quit(&bus).await;
    let _ = keyring.kill();
    let _ = keyring.wait();
}

async fn click_button(app: &App, label: &str) {
    app.js(&format!(
        "[...document.querySelectorAll('#sync-card button')].find(b => b.textContent === {label:?}).click()"
    ))
    .await;
}

async fn open_person(app: &App, name: &str) {
    app.js(&format!(
        "[...document.querySelectorAll('#people-list .person-row')].find(r => r.textContent.includes({name:?})).click()"
    ))
    .await;
    app.wait_for_text("#person-page h1", name).await;
}

/// "Sync now" in Settings until the card says `text`; a pass the agent is running at that
/// moment makes the window's wait ("Another sync…"), and then it is asked again.
async fn sync_in_settings(app: &App, text: &str) {
    app.js("document.getElementById('show-settings').click()")
        .await;
    app.wait_for_css("#sync-card .sync-account").await;
    for _ in 0..10 {
        click_button(app, "Sync now").await;
        let deadline = std::time::Instant::now() + Duration::from_secs(15);
        while std::time::Instant::now() < deadline {
            let shown = app
                .js("return document.getElementById('sync-card').textContent")
                .await;
            let shown = shown.as_str().unwrap_or_default();
            if shown.contains(text) {
                return;
            }
            if shown.contains("Another sync") {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    app.wait_for_text("#sync-card", text).await;
}

fn account_json(profile: &Profile, bus: &Bus) -> serde_json::Value {
    let output = profile
        .command(bus)
        .args(["accounts", "list", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "accounts list");
    let accounts: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    accounts[0].clone()
}

fn card_named(book: &str, name: &str) -> Option<serde_json::Value> {
    client(&["cards", book, "alice", PASSWORD])
        .as_array()
        .unwrap()
        .iter()
        .find(|card| card["fn"] == name)
        .cloned()
}
