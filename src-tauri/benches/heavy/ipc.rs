//! The app's commands called as the window calls them: over IPC on Tauri's mock runtime.

use std::path::Path;
use std::sync::Arc;

use rapport_core::store::clock::ManualClock;
use rapport_core::Store;
use rapport_perf::generate::DEFAULT_NOW;
use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

/// The app's commands on the mock runtime, over the store in `data_dir`.
pub struct Ipc {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

impl Ipc {
    pub fn over(data_dir: &Path) -> Ipc {
        let now = rapport_core::store::time::from_db(DEFAULT_NOW).unwrap();
        let store = Store::open_with_clock(data_dir, Arc::new(ManualClock::at(now)))
            .expect("open the store");
        let (handle, _inbox) = rapport_app::reminders::channel();
        let state = rapport_app::AppState::new(Arc::new(store), handle);
        let app = rapport_app::with_commands(mock_builder(), state)
            .build(mock_context(noop_assets()))
            .expect("build the app");
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("a window");
        Ipc { _app: app, window }
    }

    pub fn call(&self, cmd: &str, args: Value) -> Value {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        match get_ipc_response(&self.window, request) {
            Ok(body) => body.deserialize::<Value>().expect("JSON"),
            Err(error) => panic!("{cmd} failed: {error:?}"),
        }
    }
}
