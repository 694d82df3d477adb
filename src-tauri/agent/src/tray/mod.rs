//! The agent's tray: it shows [`TrayView`]s the reminder loop sends, and hands clicks on.
//! Linux has a StatusNotifierItem over D-Bus (what KDE, Xfce, Cinnamon, MATE, Budgie and GNOME
//! with the AppIndicator extension show), served on a thread of its own; Windows and macOS have
//! tray-icon's, served by the main thread's event loop.

use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use rapport_reminders::tray_menu::{self, TrayView, OPEN, QUIT};

use crate::launch::Window;

#[cfg(target_os = "linux")]
mod linux;
#[cfg(any(windows, target_os = "macos"))]
mod main_thread;
#[cfg(any(windows, target_os = "macos"))]
mod native;

/// What a click in the tray asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Click {
    Open(Option<i64>),
    Quit,
}

impl Click {
    /// The click on a menu entry, by the entry's id.
    pub fn on(id: &str) -> Option<Click> {
        match id {
            OPEN => Some(Click::Open(None)),
            QUIT => Some(Click::Quit),
            id => tray_menu::followup_of(id).map(|id| Click::Open(Some(id))),
        }
    }
}

/// Where the reminder loop sends what the tray shows; the tray, once made, takes it from there.
#[derive(Clone)]
pub struct TrayUpdates(Arc<Mutex<Shown>>);

#[derive(Default)]
struct Shown {
    /// The latest view, for the tray to start with.
    latest: Option<TrayView>,
    #[cfg(target_os = "linux")]
    tray: Option<ksni::blocking::Handle<linux::AgentTray>>,
    #[cfg(any(windows, target_os = "macos"))]
    tray: Option<native::NativeTray>,
}

impl TrayUpdates {
    pub fn show(&self, view: TrayView) {
        let mut shown = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        #[cfg(target_os = "linux")]
        if let Some(tray) = &shown.tray {
            let update = view.clone();
            tray.update(move |tray| tray.view = update);
        }
        #[cfg(any(windows, target_os = "macos"))]
        if let Some(tray) = &shown.tray {
            tray.update(view.clone());
        }
        shown.latest = Some(view);
    }
}

impl TrayUpdates {
    /// Takes the icon off the panel at once (rather than when the process is gone).
    fn remove(&self) {
        #[cfg(target_os = "linux")]
        {
            let tray = self.0.lock().unwrap_or_else(|p| p.into_inner()).tray.take();
            if let Some(tray) = tray {
                tray.shutdown().wait();
            }
        }
        #[cfg(any(windows, target_os = "macos"))]
        if let Some(tray) = self.0.lock().unwrap_or_else(|p| p.into_inner()).tray.take() {
            tray.remove();
        }
    }
}

/// The app's icon, 32 × 32, as RGBA bytes with its width and height.
fn icon_rgba() -> Option<(Vec<u8>, u32, u32)> {
    let png = include_bytes!("../../../../icons/32x32.png");
    let decoder = png::Decoder::new(std::io::Cursor::new(&png[..]));
    let mut reader = decoder.read_info().ok()?;
    let mut rgba = vec![0; reader.output_buffer_size()?];
    let frame = reader.next_frame(&mut rgba).ok()?;
    if frame.color_type != png::ColorType::Rgba || frame.bit_depth != png::BitDepth::Eight {
        return None;
    }
    rgba.truncate(frame.buffer_size());
    Some((rgba, frame.width, frame.height))
}

/// How long an agent started at login waits for the panel's tray area before it opens the
/// window instead: desktops start their panel and their login items in no fixed order.
const PANEL_AT_LOGIN_WITHIN: Duration = Duration::from_secs(15);

/// Whether the desktop shows the tray (its StatusNotifierWatcher is there).
#[derive(Debug)]
pub struct Presence {
    shown: Mutex<bool>,
    changed: Condvar,
}

impl Presence {
    fn new() -> Arc<Presence> {
        Arc::new(Presence {
            shown: Mutex::new(true),
            changed: Condvar::new(),
        })
    }

    /// (Only the Linux tray comes and goes with the panel: the Windows notification area and
    /// the macOS menu bar are always there.)
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    fn set(&self, shown: bool) {
        *self.shown.lock().unwrap_or_else(|p| p.into_inner()) = shown;
        self.changed.notify_all();
    }

    /// Whether the tray is shown, or comes to be within `at_most`.
    fn wait_shown(&self, at_most: Duration) -> bool {
        let shown = self.shown.lock().unwrap_or_else(|p| p.into_inner());
        let (shown, _) = self
            .changed
            .wait_timeout_while(shown, at_most, |shown| !*shown)
            .unwrap_or_else(|p| p.into_inner());
        *shown
    }
}

pub fn channel() -> (TrayUpdates, (Sender<Click>, Receiver<Click>)) {
    (TrayUpdates(Arc::default()), mpsc::channel())
}

/// Makes the tray and serves its clicks until Quit, which closes the window too. Without a tray
/// on this desktop the agent goes on with the reminders, and at login opens the window (the only
/// way back to Rapport; started by a window, that window is open already) once the panel has had
/// its time to start. On Windows and macOS the main thread runs the tray's event loop and the
/// clicks are served beside it.
pub fn run(
    updates: TrayUpdates,
    (sender, clicks): (Sender<Click>, Receiver<Click>),
    window: &Window,
    at_login: bool,
) -> ExitCode {
    #[cfg(any(windows, target_os = "macos"))]
    let main = match main_thread::MainThread::new() {
        Ok(main) => Some(main),
        Err(error) => {
            tracing::error!(%error, "no event loop for the tray");
            None
        }
    };
    let made = {
        let mut shown = updates
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let first = shown.latest.clone().unwrap_or_else(|| TrayView {
            entries: tray_menu::menu_model(&[], chrono::Utc::now(), None),
            title: None,
            tooltip: "Rapport".into(),
        });
        // A clone: without a tray nothing sends, and the agent still runs until it is ended.
        #[cfg(target_os = "linux")]
        let made = make(&mut shown, first, sender.clone());
        #[cfg(any(windows, target_os = "macos"))]
        let made = match &main {
            Some(main) => make(&mut shown, first, sender.clone(), main),
            None => Err("no event loop".to_owned()),
        };
        made
    };
    let presence = made
        .inspect_err(|error| tracing::warn!(%error, "no tray on this desktop"))
        .ok();
    // Without a tray at login, the window is the only way back to Rapport. A window open by then
    // (the user's, or the one that started this agent inside an AppImage, which starts it as the
    // login item does) is the way back already.
    if at_login {
        let window = window.clone();
        std::thread::spawn(move || {
            let shown = presence.is_some_and(|p| p.wait_shown(PANEL_AT_LOGIN_WITHIN));
            if !shown && !window.is_open() {
                tracing::warn!("no tray area on this desktop: the window opens instead");
                window.open(None);
            }
        });
    }
    #[cfg(any(windows, target_os = "macos"))]
    if let Some(main) = main {
        let window = window.clone();
        let served = std::thread::Builder::new()
            .name("tray-clicks".into())
            .spawn(move || {
                serve(clicks, &window, &updates);
                main.post(main_thread::quit);
            });
        return match served {
            Ok(_) => {
                main_thread::run();
                ExitCode::SUCCESS
            }
            Err(error) => {
                tracing::error!(%error, "cannot serve the tray's clicks");
                ExitCode::FAILURE
            }
        };
    }
    serve(clicks, window, &updates);
    ExitCode::SUCCESS
}

/// Serves the tray's clicks until Quit (or until nothing can click any more).
fn serve(clicks: Receiver<Click>, window: &Window, updates: &TrayUpdates) {
    for click in clicks {
        match click {
            Click::Open(followup) => window.open(followup),
            Click::Quit => {
                tracing::info!("quit from the tray");
                window.close();
                updates.remove();
                return;
            }
        }
    }
}

#[cfg(target_os = "linux")]
fn make(
    shown: &mut Shown,
    first: TrayView,
    clicks: Sender<Click>,
) -> Result<Arc<Presence>, String> {
    let presence = Presence::new();
    shown.tray = Some(linux::spawn(first, clicks, presence.clone())?);
    Ok(presence)
}

#[cfg(any(windows, target_os = "macos"))]
fn make(
    shown: &mut Shown,
    first: TrayView,
    clicks: Sender<Click>,
    main: &main_thread::MainThread,
) -> Result<Arc<Presence>, String> {
    shown.tray = Some(native::spawn(first, clicks, main)?);
    Ok(Presence::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tray_shown_late_is_waited_for_and_one_never_shown_is_given_up_on() {
        let presence = Presence::new();
        presence.set(false);
        assert!(!presence.wait_shown(Duration::from_millis(50)), "not shown");
        let later = presence.clone();
        let shows = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            later.set(true);
        });
        assert!(
            presence.wait_shown(Duration::from_secs(10)),
            "shown when the panel came"
        );
        shows.join().unwrap();
    }

    #[test]
    fn menu_entries_ask_for_the_window_on_a_follow_up_today_or_to_quit() {
        assert_eq!(Click::on("open"), Some(Click::Open(None)));
        assert_eq!(Click::on("followup:42"), Some(Click::Open(Some(42))));
        assert_eq!(Click::on("quit"), Some(Click::Quit));
        assert_eq!(Click::on("followup:x"), None);
    }
}
