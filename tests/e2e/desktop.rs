//! Desktop behaviour: one running Rapport per user session.

use std::time::{Duration, Instant};

use crate::harness::{App, Bus, Profile, INSTANCE_NAME};

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
