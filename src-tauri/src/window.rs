//! The main window. Closing it destroys it and its webview, so an idle Rapport in the tray holds
//! little memory; opening makes a new one from the configuration.

use tauri::{AppHandle, Emitter, Manager, Runtime, WebviewWindowBuilder, Window, WindowEvent};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

const MAIN: &str = "main";

/// Event asking the UI to show one follow-up (from the tray).
pub const SHOW_FOLLOWUP_EVENT: &str = "show-followup";

/// Shows the main window, creating it if it was closed.
pub fn show_main<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
        return;
    }
    let Some(config) = app.config().app.windows.iter().find(|w| w.label == MAIN) else {
        return tracing::error!("no window named {MAIN} in tauri.conf.json");
    };
    if let Err(error) = WebviewWindowBuilder::from_config(app, config).and_then(|b| b.build()) {
        tracing::error!(%error, "cannot open the main window");
    }
}

/// Opens the window on one follow-up. A window made just now asks for its target when it loads
/// (the UI reads the `#followup=ID` fragment); an open one is told through an event.
pub fn show_followup<R: Runtime>(app: &AppHandle<R>, id: i64) {
    let was_open = app.get_webview_window(MAIN).is_some();
    show_main(app);
    if was_open {
        let _ = app.emit_to(MAIN, SHOW_FOLLOWUP_EVENT, id);
    } else if let Some(window) = app.get_webview_window(MAIN) {
        let _ = window.eval(format!("window.location.hash = 'followup={id}'"));
    }
}

pub fn on_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if let WindowEvent::CloseRequested { .. } = event {
        // The window-state plugin writes its file only at exit, and Rapport rarely exits: save now.
        if let Err(error) = window.app_handle().save_window_state(StateFlags::all()) {
            tracing::warn!(%error, "cannot save the window's size and position");
        }
    }
}
