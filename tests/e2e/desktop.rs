//! Desktop behaviour: one running Rapport per user session.

use std::time::{Duration, Instant};

use crate::harness::{wait_until, App, Bus, Profile, INSTANCE_NAME};

#[tokio::test(flavor = "multi_thread")]
async fn a_second_launch_hands_over_to_the_running_app_and_exits() {
    let bus = Bus::start();
    let profile = Profile::new();
    let app = App::launch(&profile, &bus).await;
    profile.wait_for_ready(1);
    assert!(
        bus.has_owner(INSTANCE_NAME),
        "the running app holds its single-instance name"
    );

    let mut second = profile
        .command(&bus)
        .spawn()
        .expect("launch a second Rapport");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = second.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(20) {
            let _ = second.kill();
            panic!("the second launch kept running instead of handing over to the first");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "the second launch exited with {status}");
    assert_eq!(
        profile.log().matches("reminder loop ready").count(),
        1,
        "no second reminder loop started"
    );

    // The first one is still there and answering.
    assert_eq!(
        app.js("return document.body.dataset.peopleRendered").await,
        "true"
    );
    profile.cli(&bus, &["people", "add", "Still Works"]);
    app.quit(&bus).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn at_first_start_rapport_asks_once_to_start_at_login_hidden_in_the_tray() {
    let bus = Bus::start();
    let profile = Profile::new();
    let app = App::launch_raw(&profile, &bus).await;
    app.wait_for_css("#autostart-question").await;
    app.screenshot("autostart-question").await;
    app.wait_for_css("#autostart-question button.primary")
        .await
        .click()
        .await
        .unwrap();
    let entry = profile.home.join(".config/autostart/Rapport.desktop");
    wait_until(
        Duration::from_secs(10),
        "the login item to be written",
        || entry.exists(),
    );
    let desktop_entry = std::fs::read_to_string(&entry).unwrap();
    assert!(desktop_entry.contains("--hidden"), "{desktop_entry}");
    app.wait_for_css("body:not(:has(#autostart-question))")
        .await;

    // Settings show it on, and turning it off removes the login item.
    app.client
        .find(fantoccini::Locator::Id("show-settings"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    app.wait_for_css("#setting-autostart:checked").await;
    app.screenshot("settings").await;
    app.wait_for_css("#setting-autostart")
        .await
        .click()
        .await
        .unwrap();
    wait_until(Duration::from_secs(10), "the login item to go", || {
        !entry.exists()
    });

    // Backups can go to a folder of the user's choosing.
    let chosen = profile.home.join("Backups/Rapport");
    let field = app.wait_for_css("#backup-dir").await;
    field
        .send_keys(&chosen.display().to_string())
        .await
        .unwrap();
    app.client
        .execute(
            "document.querySelector('#backup-dir').nextElementSibling.click()",
            vec![],
        )
        .await
        .unwrap();
    app.wait_for_text("#settings", "Backups now go to").await;
    let backup: serde_json::Value =
        serde_json::from_str(&profile.cli(&bus, &["backup", "--json"])).unwrap();
    assert!(
        backup["path"]
            .as_str()
            .unwrap()
            .starts_with(&chosen.display().to_string()),
        "{backup}"
    );
    app.quit(&bus).await;

    // Asked once: the next start does not ask again.
    let app = App::launch_raw(&profile, &bus).await;
    app.wait_for_css("body[data-started='true']").await;
    assert_eq!(
        app.js("return document.getElementById('autostart-question') === null")
            .await,
        true
    );
    app.quit(&bus).await;
}
