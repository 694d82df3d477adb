//! The IPC contract: an unknown command is rejected, and a command's error is an object with a
//! code and a readable message, never a bare string.

use super::*;

#[test]
fn an_unknown_command_is_rejected() {
    let app = TestApp::new();
    let error = app.err("drop_database", json!({}));
    assert!(
        error.as_str().is_some_and(|m| m.contains("drop_database")),
        "{error}"
    );
}

#[test]
fn command_errors_are_objects_with_code_and_message_never_bare_strings() {
    let app = TestApp::new();
    let ada = id_of(&app.add_person(json!({ "displayName": "Ada Lovelace" })));
    let followup = id_of(&app.add_followup(None, "Call", start_time() + Duration::hours(1)));
    let past = start_time() - Duration::days(1);

    let failing_calls = [
        ("add_person", json!({ "input": { "displayName": "" } })),
        (
            "update_person",
            json!({ "id": 424242, "input": { "displayName": "X" } }),
        ),
        ("get_person", json!({ "id": 424242 })),
        (
            "set_person_archived",
            json!({ "id": 424242, "archived": true }),
        ),
        ("delete_person", json!({ "id": 424242 })),
        ("restore_person", json!({ "id": ada })),
        ("person_timeline", json!({ "id": 424242 })),
        (
            "log_interaction",
            json!({ "input": { "personIds": [], "kind": "note" } }),
        ),
        (
            "add_followup",
            json!({ "input": { "personId": null, "title": "", "dueAt": past } }),
        ),
        ("complete_followup", json!({ "id": 424242 })),
        ("dismiss_followup", json!({ "id": 424242 })),
        ("reopen_followup", json!({ "id": 424242 })),
        (
            "snooze_followup",
            json!({ "id": followup, "snooze": { "preset": "until", "at": past } }),
        ),
    ];
    for (cmd, args) in failing_calls {
        let error = app.err(cmd, args);
        assert_error_payload(&error);
        let keys: Vec<&String> = error.as_object().unwrap().keys().collect();
        assert!(
            keys.iter()
                .all(|k| ["code", "message", "field", "matches"].contains(&k.as_str())),
            "{cmd}: unexpected keys in {error}"
        );
    }
}

#[test]
fn errors_the_user_must_fix_carry_a_readable_message() {
    let app = TestApp::new();
    let error = app.err("add_person", json!({ "input": { "displayName": "" } }));
    assert_eq!(error["message"], "A name is required.");
    let error = app.err("get_person", json!({ "id": 7 }));
    assert_eq!(error["message"], "no person with id 7");
}
