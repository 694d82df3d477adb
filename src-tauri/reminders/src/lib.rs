//! Rapport's reminders on the desktop, without Tauri: the loop that turns due follow-ups into
//! native notifications (and keeps the daily backup), the wall-clock timers it sleeps on, and
//! one notifier per platform. The agent (a tray without a webview) runs it, or the window
//! process when started on its own; a lock keeps it to one loop per store.

pub mod actions;
pub mod health;
pub mod logging;
pub mod loop_lock;
pub mod notifier;
pub mod reminder_loop;
pub mod schedule;
pub mod tray_menu;
pub mod wall_timer;
pub mod watch;

pub use health::NotificationHealth;
pub use loop_lock::LoopLock;
pub use notifier::{Activation, AppIdentity, Notifier, NotifyError, Toast};
pub use reminder_loop::{channel, start, Handle, Host, Inbox};
