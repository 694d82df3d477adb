//! A desktop panel's side of the tray, over D-Bus: the StatusNotifierWatcher trays register
//! with, and the menu read as a panel reads it (`com.canonical.dbusmenu.GetLayout`) and clicked
//! as a panel clicks it (`Event`). Shared by the end-to-end tests and the agent's own tests.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use zbus::blocking::Connection;
use zbus::zvariant::{OwnedValue, Value};

/// A dbusmenu layout: the root's id, its properties and its children.
type Layout = (i32, HashMap<String, OwnedValue>, Vec<OwnedValue>);

/// Where items register.
#[derive(Default, Clone)]
struct Watcher(Arc<Mutex<Vec<String>>>);

#[zbus::interface(name = "org.kde.StatusNotifierWatcher")]
impl Watcher {
    fn register_status_notifier_item(&self, service: String) {
        self.0.lock().unwrap().push(service);
    }

    fn register_status_notifier_host(&self, _service: String) {}

    #[zbus(property)]
    fn is_status_notifier_host_registered(&self) -> bool {
        true
    }

    #[zbus(property)]
    fn protocol_version(&self) -> i32 {
        0
    }

    #[zbus(property)]
    fn registered_status_notifier_items(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }
}

pub struct Panel {
    connection: Connection,
    watcher: Watcher,
}

impl Panel {
    /// Serves the watcher on the bus at `address`, as a desktop with a tray does.
    pub fn start(address: &str) -> Panel {
        let watcher = Watcher::default();
        let connection = zbus::blocking::connection::Builder::address(address)
            .unwrap()
            .name("org.kde.StatusNotifierWatcher")
            .unwrap()
            .serve_at("/StatusNotifierWatcher", watcher.clone())
            .unwrap()
            .build()
            .expect("serve the StatusNotifierWatcher");
        Panel {
            connection,
            watcher,
        }
    }

    /// How many trays registered.
    pub fn trays(&self) -> usize {
        self.watcher.0.lock().unwrap().len()
    }

    /// The bus name of the last tray that registered, once one has.
    pub fn tray(&self) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(tray) = self.watcher.0.lock().unwrap().last() {
                return tray.clone();
            }
            assert!(
                Instant::now() < deadline,
                "no tray registered with the panel"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The menu as the panel shows it: `(id, label, enabled)` per item, in order.
    pub fn menu(&self, tray: &str) -> Vec<(i32, String, bool)> {
        let reply = self
            .connection
            .call_method(
                Some(tray),
                "/MenuBar",
                Some("com.canonical.dbusmenu"),
                "GetLayout",
                &(0i32, -1i32, Vec::<String>::new()),
            )
            .expect("GetLayout");
        let (_revision, (_root, _props, children)): (u32, Layout) =
            reply.body().deserialize().unwrap();
        children
            .iter()
            .filter_map(|child| {
                let Value::Structure(item) = &**child else {
                    return None;
                };
                let [Value::I32(id), Value::Dict(props), ..] = item.fields() else {
                    return None;
                };
                let (mut label, mut enabled) = ("---".to_string(), true);
                for (key, value) in props.iter() {
                    let value = match value {
                        Value::Value(inner) => &**inner,
                        other => other,
                    };
                    match (key, value) {
                        (Value::Str(k), Value::Str(text)) if k.as_str() == "label" => {
                            label = text.to_string()
                        }
                        (Value::Str(k), Value::Bool(on)) if k.as_str() == "enabled" => {
                            enabled = *on
                        }
                        _ => {}
                    }
                }
                Some((*id, label, enabled))
            })
            .collect()
    }

    pub fn labels(&self, tray: &str) -> Vec<String> {
        self.menu(tray)
            .into_iter()
            .map(|(_, label, _)| label)
            .collect()
    }

    /// Waits until the menu shows `label`; panics with the menu after `timeout`.
    pub fn wait_for_label(&self, tray: &str, label: &str, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        loop {
            let labels = self.labels(tray);
            if labels.iter().any(|l| l == label) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the tray never showed {label:?}; it shows {labels:?}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Clicks the menu item labelled `label`, as the panel does.
    pub fn click(&self, tray: &str, label: &str) {
        let (id, ..) = self
            .menu(tray)
            .into_iter()
            .find(|(_, l, _)| l == label)
            .unwrap_or_else(|| panic!("no menu item {label:?}"));
        let clicked = self.connection.call_method(
            Some(tray),
            "/MenuBar",
            Some("com.canonical.dbusmenu"),
            "Event",
            &(id, "clicked", Value::I32(0), 0u32),
        );
        match clicked {
            Ok(_) => {}
            // Quit: the program may end before it answers, as panels expect it to.
            Err(zbus::Error::MethodError(name, ..))
                if name.as_str() == "org.freedesktop.DBus.Error.NoReply" => {}
            Err(error) => panic!("click on {label:?}: {error}"),
        }
    }
}
