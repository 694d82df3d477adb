//! Issue 6: the app driven by keyboard alone — the palette, a new person, a follow-up with
//! them, and Today — with no pointer event at all.

use fantoccini::key::Key;

use crate::harness::{App, Bus, Profile};

/// Sends keys to whatever has focus, as a person typing does.
async fn press(app: &App, keys: &str) {
    app.client
        .active_element()
        .await
        .unwrap()
        .send_keys(keys)
        .await
        .unwrap_or_else(|e| panic!("typing {keys:?}: {e}"));
}

async fn ctrl(app: &App, key: &str) {
    press(app, &format!("{}{key}{}", Key::Control, Key::Null)).await;
}

/// Opens the palette, types, waits until the chosen entry is `expected`, and runs it.
async fn palette(app: &App, typed: &str, expected: &str) {
    ctrl(app, "k").await;
    app.wait_for_css("#palette-input:focus").await;
    press(app, typed).await;
    app.wait_for_text("#palette-list [aria-selected='true']", expected)
        .await;
    press(app, &Key::Enter.to_string()).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_palette_a_person_a_follow_up_and_today_by_keyboard_alone() {
    let bus = Bus::start();
    let profile = Profile::new();
    let app = App::launch(&profile, &bus).await;
    app.js("window.pointerEvents = 0; for (const type of ['pointerdown', 'mousedown', 'wheel']) document.addEventListener(type, () => { window.pointerEvents += 1; }, true);")
        .await;

    palette(&app, "new person", "New person").await;
    app.wait_for_css("#person-form input[name='displayName']:focus")
        .await;
    press(&app, &format!("Ada Lovelace{}", Key::Enter)).await;
    app.wait_for_text("#person-page h1", "Ada Lovelace").await;

    palette(&app, "new follow-up", "New follow-up").await;
    app.wait_for_css("#person-page .followup-form input[name='title']:focus")
        .await;
    app.screenshot("keyboard-follow-up").await;
    press(&app, &format!("Send Ada the article{}", Key::Enter)).await;
    app.wait_for_text("#person-page", "Send Ada the article")
        .await;

    palette(&app, "today", "Go to Today").await;
    app.wait_for_text("#today", "Send Ada the article").await;
    app.wait_for_text("#today", "Ada Lovelace").await;

    // The direct shortcuts: Ctrl+N a new person, Ctrl+T Today.
    ctrl(&app, "n").await;
    app.wait_for_css("#person-form input[name='displayName']:focus")
        .await;
    ctrl(&app, "t").await;
    app.wait_for_css("#today").await;

    // And back to her by name.
    palette(&app, "ada", "Open Ada Lovelace").await;
    app.wait_for_text("#person-page h1", "Ada Lovelace").await;
    ctrl(&app, "k").await;
    app.wait_for_css("#palette-input:focus").await;
    app.screenshot("keyboard-palette").await;
    press(&app, &Key::Escape.to_string()).await;

    assert_eq!(
        app.js("return window.pointerEvents").await,
        0,
        "no pointer was used"
    );
    app.quit(&bus).await;
}
