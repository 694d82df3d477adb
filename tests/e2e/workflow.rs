//! The networking workflow walked in the real window, by keyboard where a person would type:
//! brainstorm → plan an informational interview → draft the request → a 25-minute agenda →
//! held, with advice and a referral → the thank-you is due and notified → the referral's meeting
//! → "tell the referrer". Then a pitch timed against its band. Screenshots of each screen.

use std::time::Duration;

use fantoccini::{key::Key, Locator};
use serde_json::json;

use crate::harness::{wait_until, App, Bus, Profile};

async fn click(app: &App, css: &str) {
    let element = app.wait_for_css(css).await;
    // WebKitWebDriver clicks an element's centre; one cut by the window's edge is missed.
    app.client
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })",
            vec![json!(css)],
        )
        .await
        .unwrap();
    element
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {css}: {e}"));
}

async fn click_text(app: &App, css: &str, text: &str) {
    // By DOM text: WebDriver's visible text leaves out ellipsised spans.
    let index = app
        .client
        .execute(
            "return [...document.querySelectorAll(arguments[0])].findIndex((e) => e.textContent.includes(arguments[1]))",
            vec![json!(css), json!(text)],
        )
        .await
        .unwrap();
    let index = index
        .as_i64()
        .filter(|i| *i >= 0)
        .unwrap_or_else(|| panic!("no {css} says {text:?}"));
    let elements = app.client.find_all(Locator::Css(css)).await.unwrap();
    elements[index as usize].click().await.unwrap();
}

async fn type_into(app: &App, css: &str, text: &str) {
    app.wait_for_css(css).await.send_keys(text).await.unwrap();
}

async fn open_person(app: &App, name: &str) {
    click_text(app, "#people-list .person-row", name).await;
    app.wait_for_text("#person-page h1", name).await;
}

/// Marks the open meeting held `minutes_ago` minutes ago, as a person does when they get home.
async fn mark_held(app: &App, minutes_ago: i64) {
    app.wait_for_css("#meeting").await;
    app.client
        .find(Locator::Css(".state-actions select"))
        .await
        .unwrap()
        .select_by_value("scheduled")
        .await
        .unwrap();
    click_text(app, ".state-actions button", "Set").await;
    app.wait_for_css("#meeting[data-state='scheduled'] .held-at")
        .await;
    app.client
        .execute(
            "const d = new Date(Date.now() - arguments[0] * 60000); const p = (n) => String(n).padStart(2, '0');
             document.querySelector('.held-at').value = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;",
            vec![json!(minutes_ago)],
        )
        .await
        .unwrap();
    click(app, "#next-state").await;
    app.wait_for_css("#meeting[data-state='held']").await;
}

const PITCH_120: &str = "Hi, I'm Sam, a junior at Simmons studying economics with a minor in data science. \
Last summer I worked at a community health nonprofit, where I built the spreadsheets that \
tracked our volunteer hours and turned them into a monthly report for our board. That work showed me \
how much I enjoy finding the story in numbers and explaining it to people who make decisions. I'm now \
exploring careers in health policy research and analytics, and I'm curious about how research \
teams decide which questions to pursue. I'd love to hear how you found your way into this field, what your \
work looks like day to day, and what you would recommend to someone starting out who wants to grow.";

#[tokio::test(flavor = "multi_thread")]
async fn the_main_networking_path_from_brainstorm_to_telling_the_referrer() {
    let bus = Bus::start();
    let profile = Profile::new();
    let app = App::launch(&profile, &bus).await;
    profile.wait_for_ready(1);

    // Brainstorm five names by keyboard: Enter after each, Enter on an empty line for the next circle.
    click(&app, "#show-brainstorm").await;
    let input = app.wait_for_css("#brainstorm-name").await;
    let enter = char::from(Key::Enter);
    for name in [
        "Tom Rivera",
        "Aunt Lucía",
        "",
        "Sam Lee",
        "",
        "",
        "Ada Lovelace",
        "Grace Hopper",
    ] {
        input.send_keys(&format!("{name}{enter}")).await.unwrap();
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    app.wait_for_text(".progress-text", "5 of 50 names").await;
    input.send_keys("ada lovelace").await.unwrap();
    app.wait_for_text("#brainstorm-warning", "Already listed: Ada Lovelace")
        .await;
    app.screenshot("10-brainstorm").await;
    input.clear().await.unwrap();

    // Plan an informational interview with Ada and draft the request.
    open_person(&app, "Ada Lovelace").await;
    click(&app, "#plan-interview").await;
    app.wait_for_css("#meeting[data-state='idea']").await;
    type_into(&app, "#request-drafter input[name='myName']", "Sam Student").await;
    type_into(
        &app,
        "#request-drafter input[name='whoIAm']",
        "a junior studying economics at Simmons",
    )
    .await;
    type_into(
        &app,
        "#request-drafter input[name='connection']",
        "we met at the alumni panel",
    )
    .await;
    type_into(
        &app,
        "#request-drafter input[name='whyThem']",
        "your path from mathematics into engineering",
    )
    .await;
    type_into(
        &app,
        "#request-drafter textarea[name='slots']",
        &format!(
            "Tuesday afternoon{}Thursday morning",
            char::from(Key::Enter)
        ),
    )
    .await;
    click(&app, "#request-drafter button[type='submit']").await;
    app.wait_for_text("#request-draft", "30 minutes").await;
    app.wait_for_text("#request-draft", "Tuesday afternoon")
        .await;

    // A 25-minute agenda from the outline, saved, then run mode.
    click_text(&app, "#agenda-builder button", "25-minute outline").await;
    app.wait_for_text(".agenda-total", "25 minutes").await;
    click(&app, "#save-agenda").await;
    app.wait_for_text("#toast", "Agenda saved.").await;
    app.js("document.getElementById('main').scrollTop = 0")
        .await;
    app.screenshot("11-interview").await;
    click(&app, "#run-agenda").await;
    app.wait_for_text("#run-mode .run-title", "Thanks and my introduction")
        .await;
    click(&app, "#run-next").await;
    app.wait_for_text("#run-mode .run-title", "Their career path")
        .await;
    app.screenshot("12-agenda-run").await;
    click_text(&app, "#run-mode button", "Exit run mode").await;

    // Two AIR items, one a referral to someone new.
    app.wait_for_css("#air-form").await;
    type_into(
        &app,
        "#air-form input[name='text']",
        "Learn SQL before the summer",
    )
    .await;
    click(&app, "#air-form button[type='submit']").await;
    app.wait_for_text(".air-list", "Learn SQL").await;
    app.client
        .find(Locator::Css("#air-form select[name='kind']"))
        .await
        .unwrap()
        .select_by_value("referral")
        .await
        .unwrap();
    type_into(
        &app,
        "#air-form input[name='referredName']",
        "Charles Babbage",
    )
    .await;
    type_into(
        &app,
        "#air-form input[name='text']",
        "Runs the engine museum",
    )
    .await;
    click(&app, "#air-form button[type='submit']").await;
    app.wait_for_text(".air-list", "Charles Babbage").await;

    // Held two hours ago: the thank-you (due two hours after, within 24 hours) is due now and notified.
    mark_held(&app, 121).await;
    let held_at = chrono::Utc::now() - chrono::Duration::minutes(121);
    let due: serde_json::Value =
        serde_json::from_str(&profile.cli(&bus, &["followups", "due", "--json"])).unwrap();
    let thank_you = due
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "thank_you")
        .expect("a thank-you follow-up");
    let due_at: chrono::DateTime<chrono::Utc> =
        thank_you["dueAt"].as_str().unwrap().parse().unwrap();
    let after = due_at - held_at;
    assert!(
        after > chrono::Duration::zero() && after <= chrono::Duration::hours(24),
        "thank-you due {after} after the meeting"
    );
    wait_until(
        Duration::from_secs(20),
        "the thank-you notification",
        || bus.monitor_text().contains("Thank Ada Lovelace"),
    );
    click(&app, "#show-today").await;
    app.wait_for_text("#today", "Thank Ada Lovelace").await;
    // Its note, drafted in her medium, signed with the name given to the request drafter.
    click_text(
        &app,
        "#today .thank-you-drafter summary",
        "Draft the thank-you",
    )
    .await;
    type_into(
        &app,
        ".thank-you-drafter[open] input",
        "your advice to learn SQL before the summer",
    )
    .await;
    click_text(&app, ".thank-you-drafter[open] button", "Draft").await;
    app.wait_for_text(".thank-you-drafter[open] pre.draft", "learn SQL")
        .await;
    app.wait_for_text(".thank-you-drafter[open] pre.draft", "Sam Student")
        .await;

    // The referral is used: a meeting with Charles is held, so Ada should hear it helped.
    open_person(&app, "Charles Babbage").await;
    click(&app, "#plan-interview").await;
    mark_held(&app, 0).await;
    click(&app, "#show-today").await;
    app.wait_for_text(
        "#today",
        "Tell Ada Lovelace the referral to Charles Babbage helped",
    )
    .await;
    app.screenshot("13-today").await;

    // Ada mentions an unadvertised opening: a lead tied to her, followed to "applied".
    click(&app, "#show-opportunities").await;
    type_into(
        &app,
        "#opportunity-form input[name='role']",
        "Research intern",
    )
    .await;
    type_into(
        &app,
        "#opportunity-form input[name='organization']",
        "Analytical Engines",
    )
    .await;
    // Who told you: typed, then picked from the matches.
    type_into(&app, "#opportunity-form .picker input", "Ada").await;
    app.wait_for_text("#opportunity-form [role='option']", "Ada Lovelace")
        .await;
    click_text(&app, "#opportunity-form [role='option']", "Ada Lovelace").await;
    click(&app, "#opportunity-form button[type='submit']").await;
    app.wait_for_text(
        "#opportunities .opportunity",
        "Research intern · Analytical Engines",
    )
    .await;
    app.client
        .find(Locator::Css("#opportunities .opportunity select"))
        .await
        .unwrap()
        .select_by_value("applied")
        .await
        .unwrap();
    // The history line, not the select's option: it shows once the list has re-rendered.
    app.wait_for_text("#opportunities .opportunity .followup-meta", "→ Applied")
        .await;
    app.client
        .find(Locator::Css("#targets select"))
        .await
        .unwrap()
        .select_by_label("Analytical Engines")
        .await
        .unwrap();
    click_text(&app, "#targets button", "Target").await;
    app.wait_for_text("#targets .targets", "Analytical Engines")
        .await;
    app.screenshot("15-opportunities").await;
    click(&app, "#show-today").await;
    app.wait_for_text("#today", "Research intern · Analytical Engines")
        .await;

    // A 120-word elevator speech is about 51 seconds at 140 words a minute: inside 30-60 s.
    click(&app, "#show-pitches").await;
    type_into(&app, "#pitch-editor input[name='title']", "Alumni panel").await;
    type_into(&app, "#pitch-editor textarea[name='text']", PITCH_120).await;
    app.wait_for_css("#pitch-timing[data-verdict='within_band']")
        .await;
    app.wait_for_text("#pitch-timing", "120 words · about 51 s")
        .await;
    click(&app, "#pitch-editor button[type='submit']").await;
    app.wait_for_text(".pitch-list", "Alumni panel").await;
    app.wait_for_text("#pitches h2", "Edit pitch").await;
    app.screenshot("14-pitch").await;
    // 200 words is flagged as too long for an elevator speech.
    let eighty_more = " and more".repeat(40);
    type_into(&app, "#pitch-editor textarea[name='text']", &eighty_more).await;
    app.wait_for_css("#pitch-timing[data-verdict='too_long']")
        .await;
    app.wait_for_text("#pitch-timing", "200 words").await;
    app.quit(&bus).await;
}
