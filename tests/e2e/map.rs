//! Issue 15 in the real window: a network of 3,000 people opens on bubbles (circles and the
//! largest organizations), a circle opens to its people, and a person's neighbourhood shows
//! with a warm path drawn inside it. At each step the labels drawn must be readable and must not
//! overlap, judged from their boxes on screen as cytoscape reports them (the view writes them to
//! the canvas's `data-labels`, see ui/js/views/network-labels.js). Screenshots of each step.

use serde_json::Value;

use crate::harness::{App, Bus, Profile};

/// Generates `people` (the seeded generator's 3,000-people set) into the profile's data folder.
fn generated(profile: &Profile) {
    let now = rapport_core::store::time::from_db(rapport_perf::generate::DEFAULT_NOW).unwrap();
    rapport_perf::generate::generate_store(
        &profile.data_dir,
        rapport_perf::generate::Scale::MEDIUM,
        42,
        now,
        &mut |_| {},
    )
    .expect("the store is generated");
}

async fn ready(app: &App, mode: &str) {
    app.wait_for_css(&format!("#network[data-ready='true'][data-mode='{mode}']"))
        .await;
    // Labels are placed again a moment after the view settles (after any zoom or pan).
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
}

/// The labels on screen; panics if two overlap or one is too small to read.
async fn readable_labels(app: &App, step: &str) -> Vec<Value> {
    let text = app
        .js("return document.querySelector('#network-canvas').dataset.labels || ''")
        .await;
    let snapshot: Value = serde_json::from_str(text.as_str().unwrap())
        .unwrap_or_else(|e| panic!("{step}: no label snapshot ({e})"));
    let labels = snapshot["labels"].as_array().unwrap().clone();
    let (width, height) = (
        snapshot["width"].as_f64().unwrap(),
        snapshot["height"].as_f64().unwrap(),
    );
    let b = |l: &Value, k: &str| l[k].as_f64().unwrap();
    for (i, a) in labels.iter().enumerate() {
        let px = b(a, "px");
        assert!(
            px >= 11.0,
            "{step}: {} is drawn at {px} px, too small to read",
            a["label"]
        );
        assert!(
            b(a, "x1") >= -1.0
                && b(a, "x2") <= width + 1.0
                && b(a, "y1") >= -1.0
                && b(a, "y2") <= height + 1.0,
            "{step}: {} runs off the map ({a})",
            a["label"]
        );
        for other in &labels[i + 1..] {
            let overlap = b(a, "x1") < b(other, "x2")
                && b(other, "x1") < b(a, "x2")
                && b(a, "y1") < b(other, "y2")
                && b(other, "y1") < b(a, "y2");
            assert!(
                !overlap,
                "{step}: labels overlap: {} {a} and {} {other}",
                a["label"], other["label"]
            );
        }
    }
    labels
}

fn names(labels: &[Value]) -> Vec<String> {
    labels
        .iter()
        .map(|l| l["label"].as_str().unwrap().to_string())
        .collect()
}

async fn crumbs(app: &App) -> String {
    app.js("return [...document.querySelectorAll('#network-crumbs li')].map((li) => li.textContent.replace('›', '').trim()).join(' › ')")
        .await
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_network_of_3000_opens_on_bubbles_then_a_circle_then_a_neighbourhood_with_a_warm_path() {
    let bus = Bus::start();
    let profile = Profile::new();
    generated(&profile);
    let app = App::launch(&profile, &bus).await;
    let _ = app.client.set_window_rect(0, 0, 1280, 800).await;

    app.wait_for_css("#show-network")
        .await
        .click()
        .await
        .unwrap();
    ready(&app, "overview").await;
    app.screenshot("network-aggregated").await;
    let labels = readable_labels(&app, "the overview").await;
    let bubbles = app
        .js("return document.querySelectorAll('#network-bubbles tr[data-kind]').length")
        .await
        .as_u64()
        .unwrap() as usize;
    assert_eq!(
        labels.len(),
        bubbles + 1,
        "every bubble and you labelled: {:?}",
        names(&labels)
    );
    assert!(
        names(&labels)
            .iter()
            .any(|l| l.starts_with("You · 3,000 people")),
        "{:?}",
        names(&labels)
    );
    assert_eq!(crumbs(&app).await, "Network");
    let violations = crate::accessibility::serious_violations(&app).await;
    assert!(
        violations.is_empty(),
        "the bubbles and their table: {violations:#?}"
    );

    // The smallest of the circles you are least close to (met online, at events, on LinkedIn:
    // those are the people reached through someone else), opened from the table (the keyboard's
    // way to the bubbles).
    let circle = app
        .js("const all = [...document.querySelectorAll('#network-bubbles tr[data-kind=circle]')];
             const distant = all.filter((r) => ['Online', 'Events & career fairs', 'LinkedIn'].includes(r.querySelector('button').textContent));
             const rows = distant.length ? distant : all;
             rows.sort((a, b) => Number(a.cells[1].textContent.replace(/,/g, '')) - Number(b.cells[1].textContent.replace(/,/g, '')));
             rows[0].querySelector('button').click();
             return rows[0].querySelector('button').textContent;")
        .await
        .as_str()
        .unwrap()
        .to_string();
    ready(&app, "map").await;
    app.screenshot("network-circle").await;
    assert_eq!(crumbs(&app).await, format!("Network › {circle}"));
    let labels = readable_labels(&app, "a circle").await;
    assert!(
        labels.len() >= 15,
        "a circle shows enough names to read: {:?}",
        names(&labels)
    );

    // Someone in it whom you reach through someone else, chosen by name.
    let person = app
        .client
        .execute_async(
            "const done = arguments[0];
             const ids = JSON.parse(document.querySelector('#network-canvas').dataset.labels).labels
               .filter((l) => l.id.startsWith('p')).map((l) => ({ id: Number(l.id.slice(1)), label: l.label }));
             (async () => {
               for (const p of ids) {
                 const paths = await window.__TAURI__.core.invoke('warm_paths', { target: { type: 'person', id: p.id }, maxHops: 3, limit: 1 });
                 if (paths.length && paths[0].hops >= 2) return p.label;
               }
               return null;
             })().then(done);",
            vec![],
        )
        .await
        .unwrap();
    let person = person.as_str().expect("someone two hops away").to_string();
    let find = app.wait_for_css("#network-find").await;
    find.send_keys(&format!("{person}\u{E007}")).await.unwrap();
    ready(&app, "neighbourhood").await;
    app.screenshot("network-neighbourhood").await;
    assert_eq!(crumbs(&app).await, format!("Network › {circle} › {person}"));
    app.wait_for_css("#warm-paths li").await;
    let violations = crate::accessibility::serious_violations(&app).await;
    assert!(violations.is_empty(), "a neighbourhood: {violations:#?}");
    let drawn = app
        .js("return document.querySelector('#network-canvas').dataset.path")
        .await;
    let drawn = drawn.as_str().unwrap().to_string();
    let chain: Vec<&str> = drawn.split(" → ").collect();
    assert!(
        chain.len() >= 3 && chain[0] == "You" && chain.last() == Some(&person.as_str()),
        "the path is drawn with the people on it: {drawn}"
    );
    let labels = names(&readable_labels(&app, "a neighbourhood").await);
    for on_path in &chain {
        assert!(
            labels.iter().any(|l| l == on_path),
            "{on_path} on the path is labelled: {labels:?}"
        );
    }

    // Back through the breadcrumb to the bubbles.
    app.js("document.querySelector('#network-crumbs button').click()")
        .await;
    ready(&app, "overview").await;
    assert_eq!(crumbs(&app).await, "Network");
    app.quit(&bus).await;
}
