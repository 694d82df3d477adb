//! The tray on Linux: a StatusNotifierItem with its dbusmenu, served over the session bus by
//! ksni (no GTK). The panel reads the menu with `GetLayout` whenever it shows it.

use std::sync::mpsc::Sender;
use std::sync::Arc;

use ksni::blocking::TrayMethods;
use ksni::menu::{MenuItem, StandardItem};
use rapport_reminders::tray_menu::{TrayEntry, TrayView};

use super::{Click, Presence};

pub struct AgentTray {
    pub view: TrayView,
    clicks: Sender<Click>,
    icon: Vec<ksni::Icon>,
    presence: Arc<Presence>,
}

/// Serves the tray on its own thread. A desktop without a StatusNotifierWatcher yet is not an
/// error: at login the agent can start before the panel, and the tray registers when the
/// watcher appears; `presence` says whether it is shown.
pub fn spawn(
    view: TrayView,
    clicks: Sender<Click>,
    presence: Arc<Presence>,
) -> Result<ksni::blocking::Handle<AgentTray>, String> {
    let tray = AgentTray {
        view,
        clicks,
        icon: icon().into_iter().collect(),
        presence,
    };
    tray.assume_sni_available(true)
        .spawn()
        .map_err(|error| error.to_string())
}

/// The app's icon as the StatusNotifierItem wants it: ARGB, network byte order.
fn icon() -> Option<ksni::Icon> {
    let (rgba, width, height) = super::icon_rgba()?;
    let data = rgba
        .chunks_exact(4)
        .flat_map(|p| [p[3], p[0], p[1], p[2]])
        .collect();
    Some(ksni::Icon {
        width: width as i32,
        height: height as i32,
        data,
    })
}

impl ksni::Tray for AgentTray {
    fn id(&self) -> String {
        "rapport".into()
    }

    fn title(&self) -> String {
        self.view.title.clone().unwrap_or_else(|| "Rapport".into())
    }

    fn icon_pixmap(&self) -> Vec<ksni::Icon> {
        self.icon.clone()
    }

    fn tool_tip(&self) -> ksni::ToolTip {
        ksni::ToolTip {
            title: self.view.tooltip.clone(),
            ..Default::default()
        }
    }

    fn watcher_online(&self) {
        tracing::info!("the panel's tray area is there: the tray is shown");
        self.presence.set(true);
    }

    /// Waits for the watcher to come (back): a panel restarting, or starting after the agent.
    fn watcher_offline(&self, reason: ksni::OfflineReason) -> bool {
        tracing::info!(?reason, "no tray area on the panel (yet)");
        self.presence.set(false);
        true
    }

    /// A left click opens the window, as on the other desktops.
    fn activate(&mut self, _x: i32, _y: i32) {
        let _ = self.clicks.send(Click::Open(None));
    }

    fn menu(&self) -> Vec<MenuItem<Self>> {
        self.view
            .entries
            .iter()
            .map(|entry| match entry {
                TrayEntry::Action { id, label } => {
                    let click = Click::on(id);
                    StandardItem {
                        label: label.clone(),
                        activate: Box::new(move |tray: &mut AgentTray| {
                            if let Some(click) = click {
                                let _ = tray.clicks.send(click);
                            }
                        }),
                        ..Default::default()
                    }
                    .into()
                }
                TrayEntry::Info(label) => StandardItem {
                    label: label.clone(),
                    enabled: false,
                    ..Default::default()
                }
                .into(),
                TrayEntry::Separator => MenuItem::Separator,
            })
            .collect()
    }
}
