//! The app's Tauri commands, called over IPC exactly as the webview calls them, on Tauri's mock
//! runtime. Each test has its own store in a temporary folder and a clock that only moves when
//! told to.
//!
//! Most tests build the app with `mock_context` (no ACL: every app command reachable) to
//! specify what the commands do; the tests in `capabilities` build it with the app's real
//! compiled context (`generate_context!`) to specify who may call them, and those of `store`,
//! `duplicates`, `map` and `import` go through it too.
//!
//! This file is the harness; the tests are in `commands/`, one file per concept.

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

/// The origin of the app's own pages, which commands are accepted from: Tauri serves them from
/// `tauri://localhost`, except on Windows, where WebView2 needs `http://tauri.localhost`.
const APP_ORIGIN: &str = if cfg!(windows) {
    "http://tauri.localhost"
} else {
    "tauri://localhost"
};

fn invoke_from(
    window: &WebviewWindow<MockRuntime>,
    cmd: &str,
    args: Value,
) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: APP_ORIGIN.parse().unwrap(),
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
// The tests, by concept (`#[path]`: a test crate's root looks for its modules beside it)
// ---------------------------------------------------------------------------------------------

#[path = "commands/store.rs"]
mod store;

#[path = "commands/people.rs"]
mod people;

#[path = "commands/search.rs"]
mod search;

#[path = "commands/faces.rs"]
mod faces;

#[path = "commands/duplicates.rs"]
mod duplicates;

#[path = "commands/map.rs"]
mod map;

#[path = "commands/interactions.rs"]
mod interactions;

#[path = "commands/followups.rs"]
mod followups;

#[path = "commands/import.rs"]
mod import;

#[path = "commands/ipc.rs"]
mod ipc;

#[path = "commands/capabilities.rs"]
mod capabilities;
