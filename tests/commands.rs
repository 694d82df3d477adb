//! The app's Tauri commands, called over IPC exactly as the webview calls them, on Tauri's mock
//! runtime. Each test has its own store in a temporary folder and a clock that only moves when
//! told to.
//!
//! Most tests build the app with `mock_context` (no ACL: every app command reachable) to
//! specify what the commands do; the tests under "security and configuration" build it with the
//! app's real compiled context (`generate_context!`) to specify who may call them and where the
//! data lives.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use rapport_core::store::clock::ManualClock;
use rapport_core::Store;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::{App, Context, Manager, WebviewWindow, WebviewWindowBuilder};
use tempfile::TempDir;

// ---------------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------------

/// A fixed "now" for every test: Wednesday 4 March 2026, 10:00 UTC.
fn start_time() -> DateTime<Utc> {
    "2026-03-04T10:00:00Z".parse().unwrap()
}

/// The app's real context: its config, assets and compiled ACL (capabilities). Expanded once.
fn real_context() -> Context<MockRuntime> {
    tauri::generate_context!()
}

struct TestApp {
    clock: Arc<ManualClock>,
    app: App<MockRuntime>,
    // Dropped last: the store's folder outlives the app.
    _dir: TempDir,
}

impl TestApp {
    /// The app with every command reachable (no ACL), over a fresh store.
    fn new() -> Self {
        Self::with_context(mock_context(noop_assets()))
    }

    /// The app as shipped: the real config and capabilities, over a fresh store.
    fn with_real_context() -> Self {
        Self::with_context(real_context())
    }

    fn with_context(context: Context<MockRuntime>) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let clock = Arc::new(ManualClock::at(start_time()));
        let store = Store::open_with_clock(dir.path(), clock.clone()).expect("open store");
        let (handle, _inbox) = rapport_app::reminders::channel();
        let state = rapport_app::AppState::new(Arc::new(store), handle);
        let app = rapport_app::with_commands(mock_builder(), state)
            .build(context)
            .expect("build app");
        TestApp {
            clock,
            app,
            _dir: dir,
        }
    }

    fn window(&self, label: &str) -> WebviewWindow<MockRuntime> {
        WebviewWindowBuilder::new(&self.app, label, Default::default())
            .build()
            .expect("build window")
    }

    fn main_window(&self) -> WebviewWindow<MockRuntime> {
        self.app
            .get_webview_window("main")
            .unwrap_or_else(|| self.window("main"))
    }

    /// Calls `cmd` with `args` from the main window.
    fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        invoke_from(&self.main_window(), cmd, args)
    }

    /// Calls `cmd` and expects it to succeed.
    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.invoke(cmd, args)
            .unwrap_or_else(|error| panic!("{cmd} failed: {error}"))
    }

    /// Calls `cmd` and expects it to fail.
    fn err(&self, cmd: &str, args: Value) -> Value {
        match self.invoke(cmd, args) {
            Ok(value) => panic!("{cmd} should have failed but returned {value}"),
            Err(error) => error,
        }
    }

    fn add_person(&self, input: Value) -> Value {
        self.ok("add_person", json!({ "input": input }))
    }

    fn add_followup(&self, person_id: Option<i64>, title: &str, due_at: DateTime<Utc>) -> Value {
        self.ok(
            "add_followup",
            json!({ "input": { "personId": person_id, "title": title, "dueAt": due_at } }),
        )
    }
}

fn invoke_from(
    window: &WebviewWindow<MockRuntime>,
    cmd: &str,
    args: Value,
) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|body| {
        body.deserialize::<Value>()
            .expect("a command's response is JSON")
    })
}

fn id_of(value: &Value) -> i64 {
    value["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("no id in {value}"))
}

fn names(people: &Value) -> Vec<&str> {
    people
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {people}"))
        .iter()
        .map(|p| p["displayName"].as_str().expect("displayName"))
        .collect()
}

fn time(value: &Value) -> DateTime<Utc> {
    value
        .as_str()
        .unwrap_or_else(|| panic!("not a time: {value}"))
        .parse()
        .unwrap_or_else(|e| panic!("not a time: {value}: {e}"))
}

/// Asserts the shape every command error takes over IPC: an object with a string `code` and a
/// non-empty string `message`; never a bare string.
fn assert_error_payload(error: &Value) {
    let object = error
        .as_object()
        .unwrap_or_else(|| panic!("a command error must be an object, got {error}"));
    assert!(
        object.get("code").is_some_and(Value::is_string),
        "error without a string code: {error}"
    );
    assert!(
        object
            .get("message")
            .and_then(Value::as_str)
            .is_some_and(|m| !m.trim().is_empty()),
        "error without a message: {error}"
    );
}

fn assert_invalid(error: &Value, field: &str) {
    assert_error_payload(error);
    assert_eq!(error["code"], "invalid_input", "{error}");
    assert_eq!(error["field"], field, "{error}");
}

fn assert_not_found(error: &Value) {
    assert_error_payload(error);
    assert_eq!(error["code"], "not_found", "{error}");
}

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Interactions and the timeline
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Follow-ups
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// The IPC contract
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Security and configuration: the app's real compiled context
// ---------------------------------------------------------------------------------------------

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

#[test]
fn the_app_and_the_cli_agree_on_the_data_folder() {
    let app = TestApp::with_real_context();
    let app_data_dir = app.app.path().app_data_dir().expect("app_data_dir");
    assert_eq!(
        Some(app_data_dir),
        rapport_core::store::paths::default_data_dir(),
        "Tauri's app_data_dir() and rapport_core::store::paths::default_data_dir() must be the same folder"
    );
    assert_eq!(
        app.app.config().identifier,
        rapport_core::store::paths::APP_IDENTIFIER
    );
}

#[path = "commands/data.rs"]
mod data;
