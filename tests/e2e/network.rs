//! Issue 4 in the real window: a LinkedIn export imported through the import screen (its
//! preview first), then a warm path opened on the network map. Screenshots of each screen.

use fantoccini::Locator;

use crate::harness::{fixture, App, Bus, Profile};

async fn click(app: &App, css: &str) {
    app.wait_for_css(css)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {css}: {e}"));
}

/// The number an import summary shows for `label` (its `data-count`).
async fn count(app: &App, label: &str) -> i64 {
    let script = format!(
        "const dt = [...document.querySelectorAll('.import-counts dt')].find((d) => d.textContent.startsWith({label:?}));
         return dt ? Number(dt.nextElementSibling.dataset.count) : -1;"
    );
    app.js(&script).await.as_i64().unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_linkedin_export_is_previewed_imported_and_a_warm_path_opened_on_the_map() {
    let bus = Bus::start();
    let profile = Profile::new();
    // An address book from before: Grace mentors Katherine, Mary is her colleague.
    profile.cli(
        &bus,
        &["import", "vcard", &fixture("vcard/network-4.0.vcf")],
    );
    let app = App::launch(&profile, &bus).await;

    click(&app, "#show-data").await;
    let file = app.wait_for_css("#import-file").await;
    file.send_keys(&fixture("linkedin/Connections.csv"))
        .await
        .unwrap();
    app.wait_for_css("#import-confirm").await;
    app.wait_for_text(
        ".import-status h3",
        "Preview of Connections.csv: 5 contacts",
    )
    .await;
    // Katherine is known by her email and Grace by name and organization: nobody twice.
    assert_eq!(count(&app, "New people").await, 3);
    assert_eq!(count(&app, "Already here, with something new").await, 2);
    assert_eq!(count(&app, "Skipped").await, 1);
    app.screenshot("import-preview").await;
    let stored = app
        .client
        .execute_async(
            "const done = arguments[0]; window.__TAURI__.core.invoke('list_people', { filter: {} }).then((p) => done(p.length));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(stored, 3, "the preview wrote nothing");

    click(&app, "#import-confirm").await;
    app.wait_for_text("#import-done", "Imported: 3 new people, 2 updated")
        .await;
    app.wait_for_text("#people-heading", "People · 6").await;
    app.screenshot("import-done").await;

    click(&app, "#show-network").await;
    app.wait_for_css("#network[data-ready='true']").await;
    app.screenshot("network-map").await;
    let find = app.wait_for_css("#network-find").await;
    find.send_keys("Katherine Johnson\u{E007}").await.unwrap();
    app.wait_for_css("#warm-paths li").await;
    let paths = app
        .client
        .find_all(Locator::Css("#warm-paths .path-row"))
        .await
        .unwrap();
    assert_eq!(
        paths.len(),
        3,
        "direct, through her mentor, through her colleague"
    );
    app.wait_for_text("#warm-paths", "You → Grace Hopper").await;
    let through_grace = app
        .js("return [...document.querySelectorAll('#warm-paths .path-row')].findIndex((b) => b.textContent.includes('Grace Hopper'))")
        .await
        .as_i64()
        .unwrap();
    app.client
        .find_all(Locator::Css("#warm-paths .path-row"))
        .await
        .unwrap()[through_grace as usize]
        .click()
        .await
        .unwrap();
    let drawn = app
        .js("return document.querySelector('#network-canvas').dataset.path")
        .await;
    assert_eq!(drawn, "You → Grace Hopper → Katherine Johnson");
    app.screenshot("network-warm-path").await;
    app.quit(&bus).await;
}
