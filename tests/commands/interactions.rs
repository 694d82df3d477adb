//! Interactions and the timeline: logging what happened with whom, and a person's history of
//! interactions and follow-ups, newest first.

use super::*;

#[test]
fn log_interaction_then_person_timeline_shows_it() {
    let app = TestApp::new();
    let ada = app.add_person(json!({ "displayName": "Ada Lovelace" }));
    let grace = app.add_person(json!({ "displayName": "Grace Hopper" }));
    let (ada_id, grace_id) = (id_of(&ada), id_of(&grace));
    let occurred_at = start_time() - Duration::days(2);

    let logged = app.ok(
        "log_interaction",
        json!({ "input": {
            "personIds": [ada_id, grace_id],
            "kind": "informational_interview",
            "occurredAt": occurred_at,
            "medium": " video ",
            "summary": " Talked about engines ",
            "notes": "Wants the Bernoulli paper",
        } }),
    );
    assert_eq!(logged["kind"], "informational_interview");
    assert_eq!(time(&logged["occurredAt"]), occurred_at);
    assert_eq!(logged["medium"], "video");
    assert_eq!(logged["summary"], "Talked about engines");
    assert_eq!(
        logged["participants"],
        json!([
            { "id": ada_id, "displayName": "Ada Lovelace" },
            { "id": grace_id, "displayName": "Grace Hopper" },
        ])
    );

    for id in [ada_id, grace_id] {
        let timeline = app.ok("person_timeline", json!({ "id": id }));
        let entries = timeline.as_array().unwrap();
        assert_eq!(entries.len(), 1, "{timeline}");
        assert_eq!(entries[0]["type"], "interaction");
        assert_eq!(entries[0]["id"], logged["id"]);
        assert_eq!(entries[0]["summary"], "Talked about engines");
    }

    // What was said is searchable.
    let found = app.ok("search_people", json!({ "query": "bernoulli" }));
    let mut found = names(&found);
    found.sort();
    assert_eq!(found, ["Ada Lovelace", "Grace Hopper"]);
}

#[test]
fn log_interaction_defaults_to_now() {
    let app = TestApp::new();
    let ada = app.add_person(json!({ "displayName": "Ada Lovelace" }));
    let logged = app.ok(
        "log_interaction",
        json!({ "input": { "personIds": [id_of(&ada)], "kind": "call" } }),
    );
    assert_eq!(time(&logged["occurredAt"]), start_time());
}

#[test]
fn person_timeline_lists_interactions_and_followups_newest_first() {
    let app = TestApp::new();
    let id = id_of(&app.add_person(json!({ "displayName": "Ada Lovelace" })));
    app.ok(
        "log_interaction",
        json!({ "input": { "personIds": [id], "kind": "meeting",
                           "occurredAt": start_time() - Duration::days(3), "summary": "Coffee" } }),
    );
    let followup = app.add_followup(Some(id), "Say thanks", start_time() + Duration::days(1));
    app.ok(
        "log_interaction",
        json!({ "input": { "personIds": [id], "kind": "email",
                           "occurredAt": start_time() - Duration::days(1), "summary": "Intro" } }),
    );

    let timeline = app.ok("person_timeline", json!({ "id": id }));
    let kinds: Vec<(&str, &str)> = timeline
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap(),
                e["summary"].as_str().or(e["title"].as_str()).unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("followup", "Say thanks"),
            ("interaction", "Intro"),
            ("interaction", "Coffee")
        ]
    );
    assert_eq!(timeline[0]["id"], followup["id"]);
}

#[test]
fn log_interaction_without_anyone_is_invalid_input_on_person_ids() {
    let app = TestApp::new();
    let error = app.err(
        "log_interaction",
        json!({ "input": { "personIds": [], "kind": "note" } }),
    );
    assert_invalid(&error, "personIds");
}

#[test]
fn log_interaction_with_an_unknown_person_is_not_found_and_logs_nothing() {
    let app = TestApp::new();
    let ada = id_of(&app.add_person(json!({ "displayName": "Ada Lovelace" })));
    let error = app.err(
        "log_interaction",
        json!({ "input": { "personIds": [ada, 424242], "kind": "note", "summary": "x" } }),
    );
    assert_not_found(&error);
    assert_eq!(app.ok("person_timeline", json!({ "id": ada })), json!([]));
}

#[test]
fn person_timeline_of_an_unknown_id_is_not_found() {
    let app = TestApp::new();
    assert_not_found(&app.err("person_timeline", json!({ "id": 424242 })));
}
