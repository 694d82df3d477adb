//! Security: who may call the commands under the app's real compiled context (its
//! capabilities): the main window only, local content only, and no plugin command not granted.

use super::*;

#[test]
fn the_main_window_may_call_every_app_command() {
    let app = TestApp::with_real_context();
    let main = app.window("main");

    let ada = invoke_from(
        &main,
        "add_person",
        json!({ "input": { "displayName": "Ada" } }),
    )
    .expect("add_person from the main window");
    let id = id_of(&ada);
    let followup = invoke_from(
        &main,
        "add_followup",
        json!({ "input": { "personId": id, "title": "Call", "dueAt": start_time() + Duration::hours(2) } }),
    )
    .expect("add_followup from the main window");
    let fid = id_of(&followup);

    // Every command is granted: reaching the command at all (success or the command's own
    // error object) proves the ACL let it through.
    let calls = [
        ("list_circles", json!({})),
        ("add_circle", json!({ "name": "Mentors" })),
        ("list_people", json!({})),
        ("search_people", json!({ "query": "ada" })),
        ("get_person", json!({ "id": id })),
        (
            "update_person",
            json!({ "id": id, "input": { "displayName": "Ada L." } }),
        ),
        (
            "set_person_archived",
            json!({ "id": id, "archived": false }),
        ),
        ("person_timeline", json!({ "id": id })),
        (
            "log_interaction",
            json!({ "input": { "personIds": [id], "kind": "note" } }),
        ),
        ("list_followups", json!({})),
        (
            "snooze_followup",
            json!({ "id": fid, "snooze": { "preset": "oneHour" } }),
        ),
        ("complete_followup", json!({ "id": fid })),
        ("reopen_followup", json!({ "id": fid })),
        ("dismiss_followup", json!({ "id": fid })),
        ("delete_person", json!({ "id": id })),
        ("restore_person", json!({ "id": id })),
    ];
    for (cmd, args) in calls {
        if let Err(error) = invoke_from(&main, cmd, args) {
            panic!("{cmd} from the main window failed: {error}");
        }
    }
}

#[test]
fn commands_are_rejected_from_any_window_but_main() {
    let app = TestApp::with_real_context();
    let other = app.window("other");

    for (cmd, args) in [
        (
            "add_person",
            json!({ "input": { "displayName": "Mallory" } }),
        ),
        ("list_people", json!({})),
        ("get_person", json!({ "id": 1 })),
        ("delete_person", json!({ "id": 1 })),
        ("list_followups", json!({})),
    ] {
        let error = invoke_from(&other, cmd, args).expect_err(cmd);
        let message = error
            .as_str()
            .unwrap_or_else(|| panic!("{cmd}: ACL rejection should be a message: {error}"));
        assert!(message.contains("not allowed"), "{cmd}: {message}");
    }

    // Nothing was written by the rejected call.
    let main = app.window("main");
    assert_eq!(
        invoke_from(&main, "list_people", json!({})).unwrap(),
        json!([])
    );
}

#[test]
fn an_unknown_command_is_rejected_even_from_the_main_window() {
    let app = TestApp::with_real_context();
    let main = app.window("main");
    let error = invoke_from(&main, "drop_database", json!({})).expect_err("unknown command");
    assert!(error.is_string(), "{error}");
}

#[test]
fn the_main_window_cannot_call_plugin_commands_it_was_not_granted() {
    let app = TestApp::with_real_context();
    let main = app.window("main");
    for cmd in [
        "plugin:notification|notify",
        "plugin:fs|read_file",
        "plugin:shell|execute",
    ] {
        let error = invoke_from(&main, cmd, json!({})).expect_err(cmd);
        assert!(
            error.as_str().is_some_and(|m| m.contains("not allowed")),
            "{cmd}: {error}"
        );
    }
}

#[test]
fn remote_content_cannot_call_app_commands_even_in_the_main_window() {
    let app = TestApp::with_real_context();
    let main = app.window("main");
    let request = InvokeRequest {
        cmd: "list_people".into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "https://evil.example/".parse().unwrap(),
        body: InvokeBody::Json(json!({})),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    let error = get_ipc_response(&main, request).expect_err("remote origin");
    assert!(
        error.as_str().is_some_and(|m| m.contains("not allowed")),
        "{error}"
    );
}
