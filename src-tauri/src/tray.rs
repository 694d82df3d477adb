//! The tray icon of the window process: Rapport's home while the window is closed. What it
//! shows is `rapport_reminders::tray_menu` (shared with the agent's tray); the reminder loop
//! rebuilds it on every change and at midnight.

use rapport_core::Store;
use rapport_reminders::tray_menu::{self, TrayEntry, TrayView, OPEN, QUIT};
use std::sync::atomic::{AtomicBool, Ordering};
use tauri::menu::{Menu, MenuBuilder, MenuItemBuilder};
use tauri::tray::TrayIconBuilder;

use tauri::{AppHandle, Manager, Runtime};

use crate::window;

const TRAY_ID: &str = "rapport";

fn build_menu<R: Runtime>(app: &AppHandle<R>, model: &[TrayEntry]) -> tauri::Result<Menu<R>> {
    let mut menu = MenuBuilder::new(app);
    for entry in model {
        menu = match entry {
            TrayEntry::Action { id, label } => menu.text(id.as_str(), label),
            TrayEntry::Info(label) => {
                menu.item(&MenuItemBuilder::new(label).enabled(false).build(app)?)
            }
            TrayEntry::Separator => menu.separator(),
        };
    }
    menu.build()
}

/// Whether this process shows the tray: the one that runs the reminder loop does.
static OWNED: AtomicBool = AtomicBool::new(false);

/// This process runs the reminder loop, so it shows the tray.
pub fn own() {
    OWNED.store(true, Ordering::SeqCst);
}

/// Whether this process shows the tray (and so stays when its window closes).
pub fn owned() -> bool {
    OWNED.load(Ordering::SeqCst)
}

/// Makes the tray, once (later calls do nothing; on the main thread), with today's menu; not in
/// a process that leaves the tray to the agent.
pub fn create_once<R: Runtime>(app: &AppHandle<R>) {
    static MADE: AtomicBool = AtomicBool::new(false);
    if !OWNED.load(Ordering::SeqCst) || MADE.swap(true, Ordering::SeqCst) {
        return;
    }
    if let Err(error) = create(app) {
        // Without a tray, a Rapport started in the tray would have no way back: open the window.
        tracing::error!(%error, "cannot make the tray icon; opening the window instead");
        return window::show_main(app);
    }
    let state = app.state::<crate::AppState>();
    refresh(app, &state.store, state.notifications.unavailable());
}

fn create<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let now = chrono::Utc::now();
    let menu = build_menu(app, &tray_menu::menu_model(&[], now, None))?;
    let mut tray = TrayIconBuilder::with_id(TRAY_ID);
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.tooltip("Rapport")
        .menu(&menu)
        .on_menu_event(|app, event| match event.id().as_ref() {
            OPEN => window::show_main(app),
            QUIT => app.exit(0),
            id => {
                if let Some(followup) = tray_menu::followup_of(id) {
                    window::show_followup(app, followup);
                }
            }
        })
        .build(app)?;
    Ok(())
}

/// Rebuilds the menu, title and tooltip from the store.
pub fn refresh<R: Runtime>(app: &AppHandle<R>, store: &Store, notifications_unavailable: bool) {
    let Some(tray) = app.tray_by_id(TRAY_ID) else {
        return;
    };
    let TrayView {
        entries,
        title,
        tooltip,
    } = match tray_menu::read(store, notifications_unavailable) {
        Ok(view) => view,
        Err(error) => return tracing::error!(%error, "cannot read today's follow-ups for the tray"),
    };
    let _ = tray.set_title(title);
    let _ = tray.set_tooltip(Some(tooltip));
    match build_menu(app, &entries) {
        Ok(menu) => {
            if let Err(error) = tray.set_menu(Some(menu)) {
                tracing::error!(%error, "cannot update the tray menu");
            }
        }
        Err(error) => tracing::error!(%error, "cannot build the tray menu"),
    }
}
