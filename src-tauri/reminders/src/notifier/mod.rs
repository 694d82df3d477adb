//! Showing a due follow-up on the desktop, with the same three ways to act on it everywhere:
//! open Rapport on it, mark it done, or snooze it a day. One module per platform behind the
//! [`Notifier`] trait: the freedesktop notification server on Linux, WinRT toasts on Windows,
//! `UNUserNotificationCenter` on macOS. None of them knows Tauri, so the reminder loop can run
//! in a process without a window.
//!
//! Delivery is recorded by the store *before* [`Notifier::show`] is called (at most once per due
//! time); a notifier only shows and reports back what the person did with it.

use std::sync::Arc;

mod activation;
#[cfg(any(target_os = "macos", test))]
pub mod category;
#[cfg(target_os = "linux")]
mod freedesktop;
#[cfg(target_os = "macos")]
mod macos;
#[cfg(any(windows, test))]
pub mod toast_xml;
#[cfg(windows)]
mod windows;

pub use activation::{ActionKey, Activation};

/// What a notification says, and which follow-up it is about (none for a summary of several:
/// that one only opens Today).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toast {
    pub title: String,
    pub body: String,
    pub followup: Option<i64>,
}

impl Toast {
    /// The actions this notification offers: about one follow-up, open, Done and Snooze; a
    /// summary only opens.
    pub fn actions(&self) -> &'static [ActionKey] {
        match self.followup {
            Some(_) => &[ActionKey::Open, ActionKey::Done, ActionKey::Snooze],
            None => &[ActionKey::Open],
        }
    }
}

/// Who is notifying: the name the desktop shows, and the identifier it knows the app by
/// (the icon name on Linux, the AppUserModelID on Windows, the bundle identifier on macOS).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppIdentity {
    pub name: String,
    pub identifier: String,
}

/// Why a notification could not be shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotifyError {
    /// Nothing on this desktop shows notifications (no notification server on Linux).
    #[error("the desktop has no notification server: {0}")]
    ServiceMissing(String),
    /// The person turned Rapport's notifications off (macOS asks once; Windows settings).
    #[error("notifications are turned off for Rapport: {0}")]
    Refused(String),
    /// The connection to the notification service was lost; the next show connects again.
    #[error("lost the notification service: {0}")]
    ConnectionLost(String),
    #[error("could not show the notification: {0}")]
    Failed(String),
}

impl NotifyError {
    /// Whether the person should be told, once, that notifications cannot reach them, and the
    /// tray should count what is due instead.
    pub fn means_unavailable(&self) -> bool {
        matches!(
            self,
            NotifyError::ServiceMissing(_) | NotifyError::Refused(_)
        )
    }
}

/// What to do when the person acts on a notification. Called on a thread of the notifier's.
pub type OnActivation = Arc<dyn Fn(Activation) + Send + Sync>;

/// Shows notifications on this desktop.
pub trait Notifier: Send {
    fn show(&mut self, toast: &Toast) -> Result<(), NotifyError>;
}

/// This platform's notifier. Acting on a notification calls `on_activation` while this process
/// runs.
pub fn system(app: AppIdentity, on_activation: OnActivation) -> Box<dyn Notifier> {
    #[cfg(target_os = "linux")]
    return Box::new(freedesktop::Freedesktop::new(app, on_activation));
    #[cfg(windows)]
    return Box::new(self::windows::WinToasts::new(app, on_activation));
    #[cfg(target_os = "macos")]
    return macos::notifier(app, on_activation);
    #[cfg(not(any(target_os = "linux", windows, target_os = "macos")))]
    {
        let _ = (app, on_activation);
        Box::new(Unsupported)
    }
}

#[cfg(not(any(target_os = "linux", windows, target_os = "macos")))]
struct Unsupported;

#[cfg(not(any(target_os = "linux", windows, target_os = "macos")))]
impl Notifier for Unsupported {
    fn show(&mut self, _toast: &Toast) -> Result<(), NotifyError> {
        Err(NotifyError::ServiceMissing(
            "this platform has no notifier".into(),
        ))
    }
}
