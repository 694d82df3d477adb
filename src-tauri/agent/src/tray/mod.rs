//! The agent's tray: it shows [`TrayView`]s the reminder loop sends, and hands clicks to the
//! main thread. Linux has a StatusNotifierItem over D-Bus (what KDE, Xfce, Cinnamon, MATE,
//! Budgie and GNOME with the AppIndicator extension show).

use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};

use rapport_reminders::tray_menu::{self, TrayView, OPEN, QUIT};

use crate::launch::Window;

#[cfg(target_os = "linux")]
mod linux;

/// What a click in the tray asks for. (Only Linux has the agent's tray so far: elsewhere
/// nothing clicks.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub enum Click {
    Open(Option<i64>),
    Quit,
}

#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
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
    }
}

pub fn channel() -> (TrayUpdates, (Sender<Click>, Receiver<Click>)) {
    (TrayUpdates(Arc::default()), mpsc::channel())
}

/// Makes the tray and serves its clicks until Quit, which closes the window too. Without a tray
/// on this desktop the agent goes on with the reminders, and at login opens the window (the only
/// way back to Rapport; started by a window, that window is open already).
pub fn run(
    updates: TrayUpdates,
    (sender, clicks): (Sender<Click>, Receiver<Click>),
    window: &Window,
    at_login: bool,
) -> ExitCode {
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
        make(&mut shown, first, sender.clone())
    };
    if let Err(error) = made {
        tracing::warn!(%error, "no tray on this desktop");
        if at_login {
            window.open(None);
        }
    }
    for click in clicks {
        match click {
            Click::Open(followup) => window.open(followup),
            Click::Quit => {
                tracing::info!("quit from the tray");
                window.close();
                updates.remove();
                return ExitCode::SUCCESS;
            }
        }
    }
    ExitCode::SUCCESS
}

#[cfg(target_os = "linux")]
fn make(shown: &mut Shown, first: TrayView, clicks: Sender<Click>) -> Result<(), String> {
    shown.tray = Some(linux::spawn(first, clicks)?);
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn make(_: &mut Shown, _: TrayView, _: Sender<Click>) -> Result<(), String> {
    Err("the agent has no tray on this system yet".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn menu_entries_ask_for_the_window_on_a_follow_up_today_or_to_quit() {
        assert_eq!(Click::on("open"), Some(Click::Open(None)));
        assert_eq!(Click::on("followup:42"), Some(Click::Open(Some(42))));
        assert_eq!(Click::on("quit"), Some(Click::Quit));
        assert_eq!(Click::on("followup:x"), None);
    }
}
