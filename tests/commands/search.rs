//! Finding people: the list of everyone but the user, and the search by word prefix that
//! ignores case and accents.

use super::*;

#[test]
fn list_people_shows_added_people_by_name_but_not_the_user() {
    let app = TestApp::new();
    app.add_person(json!({ "displayName": "Grace Hopper" }));
    app.add_person(json!({ "displayName": "Ada Lovelace" }));

    let people = app.ok("list_people", json!({}));
    assert_eq!(names(&people), ["Ada Lovelace", "Grace Hopper"]);
    assert!(people
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["isMe"] == false));
}

#[test]
fn list_people_accepts_an_explicit_null_filter() {
    let app = TestApp::new();
    app.add_person(json!({ "displayName": "Ada Lovelace" }));
    let people = app.ok("list_people", json!({ "filter": null }));
    assert_eq!(names(&people), ["Ada Lovelace"]);
}

#[test]
fn search_people_matches_word_prefixes() {
    let app = TestApp::new();
    app.add_person(json!({ "displayName": "Ada Lovelace" }));
    app.add_person(json!({ "displayName": "Adam Smith" }));
    app.add_person(json!({ "displayName": "Grace Hopper" }));

    let found = app.ok("search_people", json!({ "query": "ada lov" }));
    assert_eq!(names(&found), ["Ada Lovelace"]);

    let found = app.ok("search_people", json!({ "query": "ada" }));
    let mut found = names(&found);
    found.sort();
    assert_eq!(found, ["Ada Lovelace", "Adam Smith"]);
}

#[test]
fn search_people_ignores_case_and_accents() {
    let app = TestApp::new();
    app.add_person(json!({ "displayName": "Zoë Ångström" }));
    app.add_person(json!({ "displayName": "Ada Lovelace" }));

    for query in ["zoe ang", "ZOË ÅNG", "zoe angstrom"] {
        let found = app.ok("search_people", json!({ "query": query }));
        assert_eq!(names(&found), ["Zoë Ångström"], "query {query:?}");
    }
    let found = app.ok("search_people", json!({ "query": "ÁDA LÖV" }));
    assert_eq!(names(&found), ["Ada Lovelace"]);
}

#[test]
fn search_people_with_nothing_to_search_finds_nobody() {
    let app = TestApp::new();
    app.add_person(json!({ "displayName": "Ada Lovelace" }));
    for query in ["", "   ", "\"*()"] {
        let found = app.ok("search_people", json!({ "query": query }));
        assert_eq!(found, json!([]), "query {query:?}");
    }
}
