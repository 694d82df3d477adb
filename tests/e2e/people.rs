//! (a) People through the UI: adding, finding, user text shown as text, errors beside fields.

use fantoccini::Locator;

use crate::harness::{App, Bus, Profile};

async fn add_person(app: &App, name: &str, notes: &str) {
    app.client
        .find(Locator::Id("add-person"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let form = app.wait_for_css("#person-form").await;
    form.find(Locator::Css("input[name='displayName']"))
        .await
        .unwrap()
        .send_keys(name)
        .await
        .unwrap();
    form.find(Locator::Css("textarea[name='notes']"))
        .await
        .unwrap()
        .send_keys(notes)
        .await
        .unwrap();
    form.find(Locator::Css("button[type='submit']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    app.wait_for_css("#person-page").await;
}

async fn search(app: &App, typed: &str) {
    let search = app.client.find(Locator::Id("search")).await.unwrap();
    search.clear().await.unwrap();
    search.send_keys(typed).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_person_added_in_the_window_is_found_by_prefix_and_by_a_word_of_their_notes() {
    let bus = Bus::start();
    let profile = Profile::new();
    let app = App::launch(&profile, &bus).await;
    app.screenshot("01-empty").await;

    add_person(
        &app,
        "Ada Lovelace",
        "Met at the analytical engine meetup; loves birdwatching",
    )
    .await;
    app.wait_for_text("#person-page h1", "Ada Lovelace").await;
    app.wait_for_text("#people-list", "Ada Lovelace").await;
    add_person(&app, "Grace Hopper", "Navy").await;

    search(&app, "Ad").await;
    app.wait_for_text("#people-list .list-caption", "1 found for “Ad”")
        .await;
    app.wait_for_text("#people-list .person-row", "Ada Lovelace")
        .await;

    search(&app, "birdwatch").await;
    app.wait_for_text("#people-list .list-caption", "1 found")
        .await;
    app.wait_for_text("#people-list .person-row", "Ada Lovelace")
        .await;
    app.screenshot("02-search").await;
    app.quit(&bus).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_name_that_looks_like_html_is_shown_as_text_and_runs_nothing() {
    let bus = Bus::start();
    let profile = Profile::new();
    let app = App::launch(&profile, &bus).await;
    app.js("window.__alerted = false; window.alert = () => { window.__alerted = true; };")
        .await;

    let hostile = "<img src=x onerror=alert(1)>";
    add_person(&app, hostile, "<b>not bold</b>").await;
    app.wait_for_text("#person-page h1", hostile).await;
    app.wait_for_text("#people-list", hostile).await;
    // Give a broken image time to fire its onerror, had one been created.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(
        app.js("return document.querySelectorAll('img, b').length")
            .await,
        0
    );
    assert_eq!(app.js("return window.__alerted").await, false);
    app.screenshot("03-person-page").await;
    app.quit(&bus).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_empty_name_shows_the_error_beside_the_name_field() {
    let bus = Bus::start();
    let profile = Profile::new();
    let app = App::launch(&profile, &bus).await;
    app.client
        .find(Locator::Id("add-person"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let form = app.wait_for_css("#person-form").await;
    form.find(Locator::Css("button[type='submit']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    app.wait_for_text(
        ".field-error[data-for='displayName']",
        "A name is required.",
    )
    .await;
    let error = app
        .client
        .find(Locator::Css(".field-error[data-for='displayName']"))
        .await
        .unwrap();
    assert!(error.is_displayed().await.unwrap());
    // It sits in the name field's own block, right under the input.
    let same_field = app
        .js(
            "const e = document.querySelector(\".field-error[data-for='displayName']\"); \
             return e.parentElement.querySelector(\"input[name='displayName']\") !== null",
        )
        .await;
    assert_eq!(same_field, true);
    assert_eq!(
        profile.cli(&bus, &["people", "list", "--json"]).trim(),
        "[]",
        "nothing was written"
    );
    app.screenshot("04-empty-name-error").await;
    app.quit(&bus).await;
}
