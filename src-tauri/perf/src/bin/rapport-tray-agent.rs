//! A prototype, for measuring only: what a tray-and-reminder agent without GTK or WebKit would
//! cost in memory. It keeps Rapport's tray (StatusNotifierItem over D-Bus, through ksni) and its
//! reminders (the core's delivery rules, notifications through notify-rust) and would open the
//! window by starting the full app. `scripts/perf/measure_app.py` measures its PSS beside the
//! real app's; docs/PERFORMANCE.md compares the two designs.
//!
//!     rapport-tray-agent DATA_DIR

#[cfg(target_os = "linux")]
fn main() {
    use std::time::Duration;

    use ksni::blocking::TrayMethods;
    use rapport_core::Store;

    struct AgentTray {
        due: usize,
    }

    impl ksni::Tray for AgentTray {
        fn id(&self) -> String {
            "rapport-tray-agent".into()
        }
        fn icon_name(&self) -> String {
            "org.rapport.app".into()
        }
        fn title(&self) -> String {
            format!("Rapport · {} due", self.due)
        }
        fn menu(&self) -> Vec<ksni::MenuItem<Self>> {
            use ksni::menu::StandardItem;
            vec![
                StandardItem {
                    label: "Open Rapport".into(),
                    // The full app (window, WebKit) starts only when asked for.
                    activate: Box::new(|_| {
                        let _ = std::process::Command::new("rapport").spawn();
                    }),
                    ..Default::default()
                }
                .into(),
                StandardItem {
                    label: "Quit".into(),
                    activate: Box::new(|_| std::process::exit(0)),
                    ..Default::default()
                }
                .into(),
            ]
        }
    }

    let data_dir = std::env::args()
        .nth(1)
        .expect("usage: rapport-tray-agent DATA_DIR");
    let store = Store::open(std::path::Path::new(&data_dir)).expect("open the store");
    let tray = AgentTray { due: 0 }
        .assume_sni_available(true)
        .spawn()
        .expect("start the tray");
    println!("ready");
    let mut at_start = true;
    loop {
        let shown = store.deliver_due(at_start, |notice| {
            notify_rust::Notification::new()
                .appname("Rapport")
                .summary(&notice.title)
                .body(&notice.body)
                .show()
                .map(|_| ())
                .map_err(|e| e.to_string())
        });
        at_start = false;
        if let Err(error) = shown {
            eprintln!("rapport-tray-agent: {error}");
        }
        let due = store
            .followups_due_by(store.now())
            .map_or(0, |due| due.len());
        tray.update(|tray| tray.due = due);
        let wait = store
            .next_undelivered_due()
            .ok()
            .flatten()
            .and_then(|at| (at - store.now()).to_std().ok())
            .unwrap_or(Duration::from_secs(3600));
        std::thread::sleep(wait.min(Duration::from_secs(3600)));
    }
}

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("the tray-agent prototype is for Linux");
}
