//! The tray on Windows and macOS: tray-icon's icon in the notification area (Windows) or the
//! menu bar (macOS). Its handle is not `Send`, so it is made, changed and removed on the main
//! thread, whose event loop `main_thread` runs; other threads post their changes there.

use std::cell::RefCell;
use std::sync::mpsc::Sender;

use rapport_reminders::tray_menu::{TrayEntry, TrayView};
use tray_icon::menu::{Menu, MenuEvent, MenuItem, PredefinedMenuItem};
use tray_icon::{Icon, MouseButton, MouseButtonState, TrayIcon, TrayIconBuilder, TrayIconEvent};

use super::main_thread::MainThread;
use super::Click;

thread_local! {
    /// The tray, on the main thread.
    static TRAY: RefCell<Option<TrayIcon>> = const { RefCell::new(None) };
}

/// What other threads hold of the tray: a way to change it on the main thread.
#[derive(Clone)]
pub struct NativeTray {
    main: MainThread,
}

/// Makes the tray showing `view`; on the main thread, before its loop runs.
pub fn spawn(
    view: TrayView,
    clicks: Sender<Click>,
    main: &MainThread,
) -> Result<NativeTray, String> {
    let menu_clicks = clicks.clone();
    MenuEvent::set_event_handler(Some(move |event: MenuEvent| {
        if let Some(click) = Click::on(event.id.as_ref()) {
            let _ = menu_clicks.send(click);
        }
    }));
    // On Windows a left click opens the window and the right button has the menu, as the
    // taskbar's other icons do; on macOS a click on a menu-bar item shows its menu.
    TrayIconEvent::set_event_handler(Some(move |event: TrayIconEvent| {
        if cfg!(windows) {
            if let TrayIconEvent::Click {
                button: MouseButton::Left,
                button_state: MouseButtonState::Up,
                ..
            } = event
            {
                let _ = clicks.send(Click::Open(None));
            }
        }
    }));
    let mut builder = TrayIconBuilder::new()
        .with_id("rapport")
        .with_menu(Box::new(menu(&view.entries)))
        .with_tooltip(&view.tooltip)
        .with_menu_on_left_click(cfg!(target_os = "macos"));
    if let Some(icon) = icon() {
        builder = builder.with_icon(icon);
    }
    if let Some(title) = &view.title {
        builder = builder.with_title(title);
    }
    let tray = builder.build().map_err(|error| error.to_string())?;
    TRAY.with(|shown| *shown.borrow_mut() = Some(tray));
    Ok(NativeTray { main: main.clone() })
}

impl NativeTray {
    pub fn update(&self, view: TrayView) {
        self.main.post(move || {
            TRAY.with(|shown| {
                if let Some(tray) = &*shown.borrow() {
                    show(tray, &view);
                }
            })
        });
    }

    /// Takes the icon away (tray-icon removes it when its handle is dropped).
    pub fn remove(&self) {
        self.main
            .post(|| drop(TRAY.with(|shown| shown.borrow_mut().take())));
    }
}

fn show(tray: &TrayIcon, view: &TrayView) {
    tray.set_menu(Some(Box::new(menu(&view.entries))));
    if let Err(error) = tray.set_tooltip(Some(&view.tooltip)) {
        tracing::error!(%error, "cannot set the tray's tooltip");
    }
    tray.set_title(view.title.as_deref());
}

fn menu(entries: &[TrayEntry]) -> Menu {
    let menu = Menu::new();
    for entry in entries {
        let added = match entry {
            TrayEntry::Action { id, label } => menu.append(&MenuItem::with_id(
                id.as_str(),
                label_text(label),
                true,
                None,
            )),
            TrayEntry::Info(label) => menu.append(&MenuItem::new(label_text(label), false, None)),
            TrayEntry::Separator => menu.append(&PredefinedMenuItem::separator()),
        };
        if let Err(error) = added {
            tracing::error!(%error, "cannot add an entry to the tray menu");
        }
    }
    menu
}

/// A label as the menu shows it: Windows takes `&` for the next letter's keyboard shortcut
/// ("Coffee & CV" would underline the space), so a name's own `&` is doubled there.
fn label_text(label: &str) -> String {
    if cfg!(windows) {
        label.replace('&', "&&")
    } else {
        label.to_owned()
    }
}

fn icon() -> Option<Icon> {
    let (rgba, width, height) = super::icon_rgba()?;
    Icon::from_rgba(rgba, width, height)
        .inspect_err(|error| tracing::error!(%error, "the tray icon cannot be read"))
        .ok()
}
