//! Notifications on Linux, spoken directly to the notification server
//! (`org.freedesktop.Notifications` on the session bus) over one connection kept for the life
//! of the process, with actions (open, Done, Snooze 1 day).
//!
//! One connection matters for "exactly once": delivery is recorded in the store just before the
//! notification is sent, so a crash between the two can lose a notification but never repeat
//! one, and with the connection already open the gap between them is the time to write one
//! message to a socket (microseconds). Opening a connection per notification (as notify-rust
//! does) made that gap milliseconds, and recording after the server's answer let a crash repeat
//! a notification (1 in 100 kill -9 runs did).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use zbus::blocking::{Connection, MessageIterator};
use zbus::zvariant::Value;
use zbus::MatchRule;

use super::{Activation, AppIdentity, Notifier, NotifyError, OnActivation, Toast};

const DESTINATION: &str = "org.freedesktop.Notifications";
const PATH: &str = "/org/freedesktop/Notifications";
const INTERFACE: &str = "org.freedesktop.Notifications";

/// A notification to show.
struct Message<'a> {
    pub app_name: &'a str,
    pub icon: &'a str,
    pub summary: &'a str,
    pub body: &'a str,
    /// (key, label) pairs; "default" is a click on the notification itself.
    pub actions: &'a [(&'a str, &'a str)],
    /// What an action on it is about, handed back to the action handler.
    pub followup: Option<i64>,
}

/// The session-bus connection and which follow-up each shown notification is about.
struct Server {
    connection: Connection,
    shown: Arc<Mutex<HashMap<u32, Option<i64>>>>,
}

impl Server {
    /// Connects to the session bus and starts listening for clicks and actions, which go to
    /// `on_action(followup, action)` on a thread of their own.
    fn connect(on_action: impl Fn(Option<i64>, &str) + Send + 'static) -> zbus::Result<Server> {
        let connection = Connection::session()?;
        let shown: Arc<Mutex<HashMap<u32, Option<i64>>>> = Arc::default();
        let rule = MatchRule::builder()
            .msg_type(zbus::message::Type::Signal)
            .interface(INTERFACE)?
            .path(PATH)?
            .build();
        let signals = MessageIterator::for_match_rule(rule, &connection, Some(64))?;
        let seen = shown.clone();
        std::thread::Builder::new()
            .name("notification-actions".into())
            .spawn(move || {
                for message in signals.flatten() {
                    let header = message.header();
                    match header.member().map(|m| m.as_str()) {
                        Some("ActionInvoked") => {
                            if let Ok((id, action)) = message.body().deserialize::<(u32, String)>()
                            {
                                let followup = seen.lock().ok().and_then(|s| s.get(&id).copied());
                                // Only our own notifications: others' signals reach us too.
                                if let Some(followup) = followup {
                                    on_action(followup, &action);
                                }
                            }
                        }
                        Some("NotificationClosed") => {
                            if let Ok((id, _reason)) = message.body().deserialize::<(u32, u32)>() {
                                if let Ok(mut seen) = seen.lock() {
                                    seen.remove(&id);
                                }
                            }
                        }
                        _ => {}
                    }
                }
            })
            .map_err(|e| zbus::Error::Failure(e.to_string()))?;
        Ok(Server { connection, shown })
    }

    /// Whether `error` means the connection itself is gone (and a new one is needed), rather
    /// than an answer from the bus or the server, such as "no notification service".
    fn is_connection_lost(error: &zbus::Error) -> bool {
        !matches!(error, zbus::Error::MethodError(..) | zbus::Error::FDO(..))
    }

    /// Shows the notification; returns the server's id for it.
    fn show(&self, message: &Message) -> zbus::Result<u32> {
        let actions: Vec<&str> = message
            .actions
            .iter()
            .flat_map(|(key, label)| [*key, *label])
            .collect();
        let hints: HashMap<&str, Value> = HashMap::new();
        let reply = self.connection.call_method(
            Some(DESTINATION),
            PATH,
            Some(INTERFACE),
            "Notify",
            &(
                message.app_name,
                0u32,
                message.icon,
                message.summary,
                message.body,
                actions,
                hints,
                -1i32,
            ),
        )?;
        let id: u32 = reply.body().deserialize()?;
        if let Ok(mut shown) = self.shown.lock() {
            shown.insert(id, message.followup);
        }
        Ok(id)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // Closing the connection ends the actions thread's iterator, and so the thread.
        let _ = self.connection.clone().close();
    }
}

/// The [`Notifier`] on Linux: connects when first needed, and again if the bus went away.
pub(super) struct Freedesktop {
    app: AppIdentity,
    on_activation: OnActivation,
    server: Option<Server>,
}

impl Freedesktop {
    pub(super) fn new(app: AppIdentity, on_activation: OnActivation) -> Freedesktop {
        let mut notifier = Freedesktop {
            app,
            on_activation,
            server: None,
        };
        if let Err(error) = notifier.connected() {
            tracing::warn!(%error, "no session bus yet; notifications will try again");
        }
        notifier
    }

    fn connected(&mut self) -> Result<&Server, NotifyError> {
        if self.server.is_none() {
            let on_activation = self.on_activation.clone();
            let server = Server::connect(move |followup, action| {
                if let Some(activation) = Activation::from_action(action, followup) {
                    on_activation(activation);
                }
            })
            .map_err(|error| NotifyError::ConnectionLost(error.to_string()))?;
            self.server = Some(server);
        }
        Ok(self.server.as_ref().expect("connected just now"))
    }
}

impl Notifier for Freedesktop {
    fn show(&mut self, toast: &Toast) -> Result<(), NotifyError> {
        let actions: Vec<(&str, &str)> = toast
            .actions()
            .iter()
            .map(|action| (action.key(), action.label()))
            .collect();
        self.connected()?;
        let server = self.server.as_ref().expect("connected just now");
        let message = Message {
            app_name: &self.app.name,
            icon: &self.app.identifier,
            summary: &toast.title,
            body: &toast.body,
            actions: &actions,
            followup: toast.followup,
        };
        match server.show(&message) {
            Ok(id) => {
                tracing::debug!(notification = id, followup = ?toast.followup, "notification shown");
                Ok(())
            }
            Err(error) => {
                // Connect again next time if the bus itself went away; an answer such as "no
                // notification service" keeps the connection.
                if Server::is_connection_lost(&error) {
                    self.server = None;
                    return Err(NotifyError::ConnectionLost(error.to_string()));
                }
                let text = error.to_string();
                Err(if is_service_missing(&text) {
                    NotifyError::ServiceMissing(text)
                } else {
                    NotifyError::Failed(text)
                })
            }
        }
    }
}

/// D-Bus answers `ServiceUnknown` when no notification server runs (and none can be started).
fn is_service_missing(error: &str) -> bool {
    error.contains("ServiceUnknown") || error.contains("was not provided by any")
}
