//! People in the network: adding, reading and editing a person, the field at fault when an
//! input is refused, archiving, deleting and restoring; and the circles one can be in.

use super::*;

#[test]
fn add_person_returns_the_new_person_in_camel_case() {
    let app = TestApp::new();
    let ada = app.add_person(json!({
        "displayName": "  Ada Lovelace  ",
        "organization": "Analytical Engines",
        "title": "Programmer",
        "email": "ada@example.org",
        "tags": ["math", "Math", "poetry"],
    }));
    assert!(id_of(&ada) > 0);
    assert_eq!(ada["displayName"], "Ada Lovelace", "the name is trimmed");
    assert_eq!(ada["organization"], "Analytical Engines");
    assert_eq!(ada["title"], "Programmer");
    assert_eq!(ada["email"], "ada@example.org");
    assert_eq!(ada["tags"], json!(["math", "poetry"]));
    assert_eq!(ada["archived"], false);
    assert_eq!(ada["isMe"], false);
    assert_eq!(time(&ada["createdAt"]), start_time());
}

#[test]
fn get_person_returns_what_add_person_returned() {
    let app = TestApp::new();
    let ada = app.add_person(json!({ "displayName": "Ada Lovelace", "howMet": "Babbage's salon" }));
    let fetched = app.ok("get_person", json!({ "id": id_of(&ada) }));
    assert_eq!(fetched, ada);
}

#[test]
fn get_person_of_an_unknown_id_is_not_found() {
    let app = TestApp::new();
    let error = app.err("get_person", json!({ "id": 424242 }));
    assert_not_found(&error);
    assert!(error.get("field").is_none(), "{error}");
}

#[test]
fn update_person_replaces_every_editable_field() {
    let app = TestApp::new();
    let ada = app.add_person(json!({
        "displayName": "Ada Byron",
        "email": "ada@example.org",
        "tags": ["math"],
    }));
    let id = id_of(&ada);
    app.clock.advance(Duration::minutes(5));

    let updated = app.ok(
        "update_person",
        json!({ "id": id, "input": { "displayName": "Ada Lovelace", "phone": "+44 20 0000" } }),
    );
    assert_eq!(updated["id"], id);
    assert_eq!(updated["displayName"], "Ada Lovelace");
    assert_eq!(updated["phone"], "+44 20 0000");
    assert_eq!(updated["email"], Value::Null, "fields left out are cleared");
    assert_eq!(updated["tags"], json!([]));
    assert_eq!(time(&updated["createdAt"]), start_time());
    assert_eq!(
        time(&updated["updatedAt"]),
        start_time() + Duration::minutes(5)
    );

    assert_eq!(app.ok("get_person", json!({ "id": id })), updated);
    let found = app.ok("search_people", json!({ "query": "lovelace" }));
    assert_eq!(
        names(&found),
        ["Ada Lovelace"],
        "the search index follows edits"
    );
    let found = app.ok("search_people", json!({ "query": "byron" }));
    assert_eq!(found, json!([]));
}

#[test]
fn update_person_of_an_unknown_id_is_not_found() {
    let app = TestApp::new();
    let error = app.err(
        "update_person",
        json!({ "id": 424242, "input": { "displayName": "Nobody" } }),
    );
    assert_not_found(&error);
}

#[test]
fn add_person_with_an_empty_name_is_invalid_input_on_display_name() {
    let app = TestApp::new();
    for name in ["", "   "] {
        let error = app.err("add_person", json!({ "input": { "displayName": name } }));
        assert_invalid(&error, "displayName");
    }
    let error = app.err("add_person", json!({ "input": {} }));
    assert_invalid(&error, "displayName");
    assert_eq!(
        app.ok("list_people", json!({})),
        json!([]),
        "nothing was added"
    );
}

#[test]
fn update_person_with_an_empty_name_is_invalid_input_and_changes_nothing() {
    let app = TestApp::new();
    let ada = app.add_person(json!({ "displayName": "Ada Lovelace" }));
    let error = app.err(
        "update_person",
        json!({ "id": id_of(&ada), "input": { "displayName": " " } }),
    );
    assert_invalid(&error, "displayName");
    assert_eq!(app.ok("get_person", json!({ "id": id_of(&ada) })), ada);
}

#[test]
fn add_person_reports_the_field_at_fault() {
    let app = TestApp::new();
    let cases = [
        (
            json!({ "displayName": "Ada", "email": "not an email" }),
            "email",
        ),
        (
            json!({ "displayName": "Ada", "linkedinUrl": "linkedin.com/in/ada" }),
            "linkedinUrl",
        ),
        (
            json!({ "displayName": "Ada", "title": "Programmer" }),
            "organization",
        ),
        (json!({ "displayName": "A".repeat(201) }), "displayName"),
    ];
    for (input, field) in cases {
        let error = app.err("add_person", json!({ "input": input }));
        assert_invalid(&error, field);
    }
}

#[test]
fn archiving_hides_a_person_from_list_people_unless_archived_are_included() {
    let app = TestApp::new();
    let ada = app.add_person(json!({ "displayName": "Ada Lovelace" }));
    app.add_person(json!({ "displayName": "Grace Hopper" }));
    let id = id_of(&ada);

    let archived = app.ok("set_person_archived", json!({ "id": id, "archived": true }));
    assert_eq!(archived["archived"], true);

    assert_eq!(names(&app.ok("list_people", json!({}))), ["Grace Hopper"]);
    assert_eq!(
        names(&app.ok("list_people", json!({ "filter": {} }))),
        ["Grace Hopper"]
    );
    let all = app.ok(
        "list_people",
        json!({ "filter": { "includeArchived": true } }),
    );
    assert_eq!(names(&all), ["Ada Lovelace", "Grace Hopper"]);
    assert_eq!(all[0]["archived"], true);

    // Still reachable directly.
    assert_eq!(app.ok("get_person", json!({ "id": id }))["archived"], true);

    let unarchived = app.ok(
        "set_person_archived",
        json!({ "id": id, "archived": false }),
    );
    assert_eq!(unarchived["archived"], false);
    assert_eq!(
        names(&app.ok("list_people", json!({}))),
        ["Ada Lovelace", "Grace Hopper"]
    );
}

#[test]
fn set_person_archived_of_an_unknown_id_is_not_found() {
    let app = TestApp::new();
    let error = app.err(
        "set_person_archived",
        json!({ "id": 424242, "archived": true }),
    );
    assert_not_found(&error);
}

#[test]
fn delete_person_hides_them_everywhere_and_restore_person_undoes_it() {
    let app = TestApp::new();
    let ada = app.add_person(json!({ "displayName": "Ada Lovelace" }));
    let id = id_of(&ada);
    app.add_followup(Some(id), "Send the notes", start_time() + Duration::days(1));

    let deleted = app.ok("delete_person", json!({ "id": id }));
    assert_eq!(deleted, json!({ "id": id, "displayName": "Ada Lovelace" }));

    assert_eq!(app.ok("list_people", json!({})), json!([]));
    assert_eq!(
        app.ok(
            "list_people",
            json!({ "filter": { "includeArchived": true } })
        ),
        json!([])
    );
    assert_eq!(
        app.ok("search_people", json!({ "query": "ada" })),
        json!([])
    );
    assert_not_found(&app.err("get_person", json!({ "id": id })));
    assert_eq!(
        app.ok("list_followups", json!({})),
        json!([]),
        "a deleted person's follow-ups are hidden with them"
    );

    let restored = app.ok("restore_person", json!({ "id": id }));
    assert_eq!(restored, ada);
    assert_eq!(names(&app.ok("list_people", json!({}))), ["Ada Lovelace"]);
    assert_eq!(
        names(&app.ok("search_people", json!({ "query": "ada lov" }))),
        ["Ada Lovelace"]
    );
    assert_eq!(
        app.ok("list_followups", json!({}))
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn delete_person_of_an_unknown_id_is_not_found() {
    let app = TestApp::new();
    assert_not_found(&app.err("delete_person", json!({ "id": 424242 })));
}

#[test]
fn restore_person_of_someone_not_deleted_is_not_found() {
    let app = TestApp::new();
    let ada = app.add_person(json!({ "displayName": "Ada Lovelace" }));
    assert_not_found(&app.err("restore_person", json!({ "id": id_of(&ada) })));
    assert_not_found(&app.err("restore_person", json!({ "id": 424242 })));
}

#[test]
fn list_circles_returns_a_list() {
    let app = TestApp::new();
    let circles = app.ok("list_circles", json!({}));
    assert!(circles.is_array(), "{circles}");
}
