//! Issue 6: axe-core (pinned, in tests/e2e/vendor/) run inside the real webview on each main
//! screen (Today with its weekly plan, Progress and the pitch builder among them); no serious or
//! critical violation may remain.

use serde_json::{json, Value};

use crate::harness::{fixture, App, Bus, Profile};

const AXE: &str = include_str!("vendor/axe-core/axe.min.js");

/// Runs axe on the page as it is and returns its serious and critical violations, described.
pub(crate) async fn serious_violations(app: &App) -> Vec<String> {
    app.client.execute(AXE, vec![]).await.expect("axe loads");
    let result = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] })
               .then((r) => done(r.violations), (e) => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));",
            vec![],
        )
        .await
        .expect("axe runs");
    result
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .map(|v| {
            let targets: Vec<String> = v["nodes"]
                .as_array()
                .into_iter()
                .flatten()
                .take(3)
                .map(|n| n["target"].to_string())
                .collect();
            format!(
                "{} ({}): {} at {}",
                v["id"],
                v["impact"],
                v["help"],
                targets.join(", ")
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_main_screens_have_no_serious_accessibility_violations() {
    let bus = Bus::start();
    let profile = Profile::new();
    profile.cli(
        &bus,
        &["import", "vcard", &fixture("vcard/network-4.0.vcf")],
    );
    profile.cli(
        &bus,
        &["import", "linkedin", &fixture("linkedin/Connections.csv")],
    );
    profile.add_followup(&bus, "Ada Lovelace", "Thank Ada", "+1d");
    let app = App::launch(&profile, &bus).await;

    let screens: [(&str, &str, &str); 12] = [
        ("Today", "#show-today", "#today"),
        ("a person", "#people-list .person-row", "#person-page"),
        ("a new person", "#add-person", "#person-form"),
        ("Brainstorm", "#show-brainstorm", "#brainstorm"),
        ("Interviews", "#show-meetings", "#meetings"),
        ("Pitches", "#show-pitches", "#pitches"),
        ("the pitch builder", "#build-pitch", "#pitch-builder"),
        ("Progress", "#show-progress", "#progress #goals"),
        ("Opportunities", "#show-opportunities", "#opportunities"),
        ("Network", "#show-network", "#network[data-ready='true']"),
        ("Import & export", "#show-data", "#data"),
        ("Settings", "#show-settings", "#settings"),
    ];
    let mut found = Vec::new();
    for (name, open, ready) in screens {
        app.wait_for_css(open).await.click().await.unwrap();
        app.wait_for_css(ready).await;
        for violation in serious_violations(&app).await {
            found.push(format!("{name}: {violation}"));
        }
    }
    // And the palette, open over the page.
    app.js("document.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true }))")
        .await;
    app.wait_for_css("#palette-input").await;
    for violation in serious_violations(&app).await {
        found.push(format!("palette: {violation}"));
    }
    let summary: Value = json!(found);
    assert!(
        found.is_empty(),
        "serious accessibility violations:\n{summary:#}"
    );
    app.quit(&bus).await;
}
