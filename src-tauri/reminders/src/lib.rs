//! Rapport's reminders on the desktop, without Tauri: the loop that turns due follow-ups into
//! native notifications (and keeps the daily backup), the wall-clock timers it sleeps on, and
//! one notifier per platform. The window process runs it today; a tray agent without a webview
//! can run the same loop.

pub mod actions;
pub mod health;
pub mod notifier;
pub mod reminder_loop;
pub mod schedule;
pub mod wall_timer;
mod watch;

pub use health::NotificationHealth;
pub use notifier::{Activation, AppIdentity, Notifier, NotifyError, Toast};
pub use reminder_loop::{channel, start, Handle, Host, Inbox};
