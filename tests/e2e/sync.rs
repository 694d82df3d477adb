//! Settings' sync card in the real window, over an account on a real Radicale with the password
//! in gnome-keyring on the test's bus: the account, the last sync, a conflict explained, and
//! "Sync now".

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::harness::{wait_until, App, Bus, Profile};
use crate::servers::{Kind, Server};

const PASSWORD: &str = "app password";

/// gnome-keyring's Secret Service on the test's own bus, unlocked.
fn keyring_on(bus: &Bus, profile: &Profile) -> std::process::Child {
    let runtime = profile.home.join("run");
    std::fs::create_dir_all(&runtime).unwrap();
    let mut daemon = Command::new("gnome-keyring-daemon")
        .args(["--foreground", "--unlock", "--components=secrets"])
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .env("HOME", &profile.home)
        .env("XDG_DATA_HOME", profile.home.join(".local/share"))
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
    let mut keyring = keyring_on(&bus, &laptop);
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
    app.js("[...document.querySelectorAll('#sync-card button')].find(b => b.textContent === 'Start the first sync').click()").await;
    app.wait_for_text("#sync-card", "Synced: 2 cards sent")
        .await;

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
    app.js("[...document.querySelectorAll('#sync-card button')].find(b => b.textContent === 'Sync now').click()").await;
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

    app.quit(&bus).await;
    let _ = keyring.kill();
    let _ = keyring.wait();
}
