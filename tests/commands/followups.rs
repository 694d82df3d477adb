//! Follow-ups: adding them, the pending list soonest first, completing, dismissing, reopening
//! and snoozing, and what each refuses.

use super::*;

#[test]
fn add_followup_then_list_followups_shows_pending_ones_soonest_first() {
    let app = TestApp::new();
    let ada = id_of(&app.add_person(json!({ "displayName": "Ada Lovelace" })));

    let later = app.ok(
        "add_followup",
        json!({ "input": { "personId": ada, "kind": "thank_you", "title": " Say thanks ",
                           "dueAt": start_time() + Duration::days(2) } }),
    );
    assert_eq!(later["title"], "Say thanks");
    assert_eq!(later["kind"], "thank_you");
    assert_eq!(later["state"], "pending");
    assert_eq!(
        later["person"],
        json!({ "id": ada, "displayName": "Ada Lovelace" })
    );
    assert_eq!(later["notifiedAt"], Value::Null);
    assert_eq!(later["closedAt"], Value::Null);
    assert_eq!(time(&later["createdAt"]), start_time());

    let overdue = app.add_followup(None, "Update the CV", start_time() - Duration::hours(3));
    assert_eq!(overdue["person"], Value::Null);
    assert_eq!(overdue["kind"], "custom", "the kind defaults to custom");

    let listed = app.ok("list_followups", json!({}));
    assert_eq!(listed, json!([overdue, later]));
}

#[test]
fn add_followup_without_a_title_is_invalid_input_on_title() {
    let app = TestApp::new();
    let error = app.err(
        "add_followup",
        json!({ "input": { "personId": null, "title": "  ", "dueAt": start_time() } }),
    );
    assert_invalid(&error, "title");
}

#[test]
fn add_followup_for_an_unknown_person_is_not_found() {
    let app = TestApp::new();
    let error = app.err(
        "add_followup",
        json!({ "input": { "personId": 424242, "title": "Call", "dueAt": start_time() } }),
    );
    assert_not_found(&error);
    assert_eq!(app.ok("list_followups", json!({})), json!([]));
}

#[test]
fn complete_followup_closes_it_and_reopen_followup_brings_it_back() {
    let app = TestApp::new();
    let followup = app.add_followup(None, "Send the notes", start_time() + Duration::hours(1));
    let id = id_of(&followup);
    app.clock.advance(Duration::minutes(10));

    let done = app.ok("complete_followup", json!({ "id": id }));
    assert_eq!(done["state"], "done");
    assert_eq!(
        time(&done["closedAt"]),
        start_time() + Duration::minutes(10)
    );
    assert_eq!(app.ok("list_followups", json!({})), json!([]));

    let reopened = app.ok("reopen_followup", json!({ "id": id }));
    assert_eq!(reopened["state"], "pending");
    assert_eq!(reopened["closedAt"], Value::Null);
    assert_eq!(reopened["dueAt"], followup["dueAt"]);
    assert_eq!(app.ok("list_followups", json!({})), json!([reopened]));
}

#[test]
fn dismiss_followup_closes_it_and_reopen_followup_brings_it_back() {
    let app = TestApp::new();
    let id = id_of(&app.add_followup(None, "Maybe call", start_time() + Duration::hours(1)));

    let dismissed = app.ok("dismiss_followup", json!({ "id": id }));
    assert_eq!(dismissed["state"], "dismissed");
    assert_eq!(time(&dismissed["closedAt"]), start_time());
    assert_eq!(app.ok("list_followups", json!({})), json!([]));

    let reopened = app.ok("reopen_followup", json!({ "id": id }));
    assert_eq!(reopened["state"], "pending");
    assert_eq!(
        app.ok("list_followups", json!({}))
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn followup_commands_on_an_unknown_id_are_not_found() {
    let app = TestApp::new();
    for cmd in ["complete_followup", "dismiss_followup", "reopen_followup"] {
        let error = app.err(cmd, json!({ "id": 424242 }));
        assert_not_found(&error);
    }
    let error = app.err(
        "snooze_followup",
        json!({ "id": 424242, "snooze": { "preset": "oneHour" } }),
    );
    assert_not_found(&error);
}

#[test]
fn snooze_followup_with_a_preset_moves_it_later() {
    let app = TestApp::new();
    let id = id_of(&app.add_followup(None, "Call back", start_time() - Duration::hours(1)));

    let snoozed = app.ok(
        "snooze_followup",
        json!({ "id": id, "snooze": { "preset": "oneHour" } }),
    );
    assert_eq!(snoozed["state"], "pending");
    assert_eq!(time(&snoozed["dueAt"]), start_time() + Duration::hours(1));
    assert_eq!(app.ok("list_followups", json!({})), json!([snoozed]));

    for preset in ["tomorrowMorning", "nextWeek"] {
        let snoozed = app.ok(
            "snooze_followup",
            json!({ "id": id, "snooze": { "preset": preset } }),
        );
        let due = time(&snoozed["dueAt"]);
        assert!(
            due > start_time() + Duration::hours(12) && due < start_time() + Duration::days(8),
            "{preset} moved it to {due}"
        );
    }
}

#[test]
fn snooze_followup_until_a_given_time_moves_it_there() {
    let app = TestApp::new();
    let id = id_of(&app.add_followup(None, "Call back", start_time() - Duration::hours(1)));
    let at = start_time() + Duration::days(3) + Duration::minutes(30);

    let snoozed = app.ok(
        "snooze_followup",
        json!({ "id": id, "snooze": { "preset": "until", "at": at } }),
    );
    assert_eq!(time(&snoozed["dueAt"]), at);
    assert_eq!(
        time(&app.ok("list_followups", json!({}))[0]["dueAt"]),
        at,
        "the new due time is stored"
    );
}

#[test]
fn snooze_followup_until_a_past_or_present_time_is_invalid_input_on_until() {
    let app = TestApp::new();
    let followup = app.add_followup(None, "Call back", start_time() + Duration::hours(2));
    let id = id_of(&followup);

    for at in [start_time() - Duration::minutes(1), start_time()] {
        let error = app.err(
            "snooze_followup",
            json!({ "id": id, "snooze": { "preset": "until", "at": at } }),
        );
        assert_invalid(&error, "until");
    }
    assert_eq!(
        app.ok("list_followups", json!({})),
        json!([followup]),
        "the follow-up is unchanged"
    );
}

#[test]
fn snooze_followup_of_a_closed_followup_is_invalid_input() {
    let app = TestApp::new();
    let id = id_of(&app.add_followup(None, "Call back", start_time() + Duration::hours(2)));
    app.ok("complete_followup", json!({ "id": id }));
    let error = app.err(
        "snooze_followup",
        json!({ "id": id, "snooze": { "preset": "oneHour" } }),
    );
    assert_invalid(&error, "until");
}
