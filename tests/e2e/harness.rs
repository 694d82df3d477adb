//! Runs the real binary in a real WebKit window: an Xvfb display (from the caller), a private
//! D-Bus session bus with a monitor counting `Notify` calls, tauri-driver and WebKitWebDriver,
//! and a data folder of its own. Anything missing is a failure, never a skip.

use std::io::{BufRead, BufReader, Read};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use crate::panel::Panel;

pub const APP: &str = env!("CARGO_BIN_EXE_rapport");

/// The agent the window starts, installed beside it (`cargo test --workspace` builds it).
pub fn agent_program() -> PathBuf {
    let agent = Path::new(APP).with_file_name("rapport-agent");
    assert!(
        agent.is_file(),
        "{} is missing: build it with `cargo build -p rapport-agent` (the README's test command does)",
        agent.display()
    );
    agent
}

/// Ports for tauri-driver, distinct per test and per run.
static NEXT_PORT: AtomicU16 = AtomicU16::new(0);

fn next_port() -> u16 {
    let base = 20_000 + (std::process::id() % 2_000) as u16 * 10;
    base + NEXT_PORT.fetch_add(2, Ordering::SeqCst)
}

/// Kills the child when dropped.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Kills a child and everything it started (WebKitWebDriver, the app, WebKit's processes) when
/// dropped, so that a failing test leaves nothing running that holds the test's output open.
struct ReapedGroup(Child);

impl ReapedGroup {
    fn spawn(command: &mut Command) -> std::io::Result<ReapedGroup> {
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            command.process_group(0);
        }
        command.spawn().map(ReapedGroup)
    }
}

impl Drop for ReapedGroup {
    fn drop(&mut self) {
        // The end-to-end tests run on Linux only (WebKitWebDriver); elsewhere the harness still
        // compiles, and ends the child's tree the platform's way.
        #[cfg(unix)]
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.0.id())])
            .status();
        #[cfg(windows)]
        let _ = Command::new("taskkill")
            .args(["/F", "/T", "/PID", &self.0.id().to_string()])
            .status();
        let _ = self.0.wait();
    }
}

/// A private session bus and a monitor of the calls to the notification service on it.
pub struct Bus {
    pub address: String,
    monitor_output: Arc<Mutex<String>>,
    /// The panel's tray area (a StatusNotifierWatcher), as on a desktop with a tray.
    // Dropped in this order: the panel, the server and the monitor before their bus.
    pub panel: Panel,
    _server: Option<Reaped>,
    _monitor: Reaped,
    _daemon: Reaped,
}

/// The well-known name of the desktop notification service.
pub const NOTIFICATIONS: &str = "org.freedesktop.Notifications";

impl Bus {
    /// A session bus with a real notification server on it (dunst), as on a desktop.
    pub fn start() -> Bus {
        let bus = Bus::daemon(&["--session"]);
        let server = Command::new("dunst")
            .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect(
                "dunst must be installed (package dunst): the notification server of the tests",
            );
        wait_until(
            Duration::from_secs(10),
            "dunst to own the notification service",
            || bus.has_owner(NOTIFICATIONS),
        );
        Bus {
            _server: Some(Reaped(server)),
            ..bus
        }
    }

    /// A session bus where no notification service exists or can be started (no service
    /// files): every `Notify` fails with `ServiceUnknown`, as on a desktop without one.
    pub fn without_notification_server(dir: &std::path::Path) -> Bus {
        let config = dir.join("bus.conf");
        std::fs::write(
            &config,
            format!(
                r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={}</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>"#,
                dir.display()
            ),
        )
        .unwrap();
        let bus = Bus::daemon(&[&format!("--config-file={}", config.display())]);
        assert!(!bus.has_owner(NOTIFICATIONS));
        bus
    }

    fn daemon(args: &[&str]) -> Bus {
        let mut daemon = Command::new("dbus-daemon")
            .args(args)
            .args(["--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .spawn()
            .expect("dbus-daemon must be installed (package dbus): the end-to-end tests need a session bus");
        let mut address = String::new();
        BufReader::new(daemon.stdout.take().unwrap())
            .read_line(&mut address)
            .unwrap();
        let address = address.trim().to_string();
        assert!(
            address.starts_with("unix:"),
            "dbus-daemon printed no address: {address:?}"
        );

        let mut monitor = Command::new("dbus-monitor")
            .args([
                "--address",
                &address,
                "type='method_call',interface='org.freedesktop.Notifications',member='Notify'",
            ])
            .stdout(Stdio::piped())
            .spawn()
            .expect("dbus-monitor must be installed (package dbus)");
        let monitor_output = Arc::new(Mutex::new(String::new()));
        let sink = monitor_output.clone();
        let mut stdout = monitor.stdout.take().unwrap();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buffer[..n]));
            }
        });
        // The monitor prints its own NameAcquired signal once it is listening.
        let bus = Bus {
            panel: Panel::start(&address),
            address,
            monitor_output,
            _server: None,
            _monitor: Reaped(monitor),
            _daemon: Reaped(daemon),
        };
        wait_until(Duration::from_secs(10), "dbus-monitor to start", || {
            !bus.monitor_text().is_empty()
        });
        bus
    }

    /// Whether some connection owns `name` on this bus.
    pub fn has_owner(&self, name: &str) -> bool {
        let output = Command::new("dbus-send")
            .args([
                &format!("--bus={}", self.address),
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                &format!("string:{name}"),
            ])
            .output()
            .expect("dbus-send must be installed (package dbus)");
        String::from_utf8_lossy(&output.stdout).contains("boolean true")
    }

    pub fn monitor_text(&self) -> String {
        self.monitor_output.lock().unwrap().clone()
    }

    /// How many `Notify` method calls went over the bus.
    pub fn notify_calls(&self) -> usize {
        self.monitor_text()
            .lines()
            .filter(|line| line.starts_with("method call") && line.contains("member=Notify"))
            .count()
    }
}

/// A data folder with the environment every process of a test shares.
pub struct Profile {
    _temp: tempfile::TempDir,
    pub data_dir: PathBuf,
    pub home: PathBuf,
}

impl Profile {
    pub fn new() -> Profile {
        let temp = tempfile::tempdir().unwrap();
        let data_dir = temp.path().join("data");
        let home = temp.path().join("home");
        std::fs::create_dir_all(&home).unwrap();
        Profile {
            data_dir,
            home,
            _temp: temp,
        }
    }

    fn apply(&self, command: &mut Command, bus: &Bus) {
        command
            .env("RAPPORT_DATA_DIR", &self.data_dir)
            .env(
                "RAPPORT_LOG",
                "info,rapport_app=debug,rapport_reminders=debug",
            )
            .env("HOME", &self.home)
            .env("XDG_CONFIG_HOME", self.home.join(".config"))
            .env("XDG_DATA_HOME", self.home.join(".local/share"))
            .env("DBUS_SESSION_BUS_ADDRESS", &bus.address);
    }

    /// The app's binary, set up to run on this profile's data and bus.
    pub fn command(&self, bus: &Bus) -> Command {
        let mut command = Command::new(APP);
        self.apply(&mut command, bus);
        command
    }

    /// Runs the CLI on this profile's data and returns its stdout; panics if it fails.
    pub fn cli(&self, bus: &Bus, args: &[&str]) -> String {
        let output = self.command(bus).args(args).output().unwrap();
        assert!(
            output.status.success(),
            "rapport {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    /// Adds a follow-up with `person` through the CLI; returns it as JSON.
    pub fn add_followup(
        &self,
        bus: &Bus,
        person: &str,
        title: &str,
        due: &str,
    ) -> serde_json::Value {
        let added = self.cli(
            bus,
            &[
                "followups",
                "add",
                "--person",
                person,
                "--title",
                title,
                "--due",
                due,
                "--json",
            ],
        );
        serde_json::from_str(&added).expect("the CLI prints the follow-up as JSON")
    }

    /// Everything the app logged, across its daily files, oldest first.
    pub fn log(&self) -> String {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&self.data_dir)
            .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("rapport.") && n.ends_with(".log"))
        });
        files.sort();
        files
            .iter()
            .map(|path| std::fs::read_to_string(path).unwrap_or_default())
            .collect()
    }

    /// Waits for the reminder loop to report ready for the `nth` time (1 = first start).
    pub fn wait_for_ready(&self, nth: usize) {
        wait_until(
            Duration::from_secs(30),
            "the reminder loop to report ready",
            || self.log().matches("reminder loop ready").count() >= nth,
        );
    }
}

/// The app, launched by tauri-driver in a WebDriver session.
pub struct App {
    pub client: Client,
    _driver: ReapedGroup,
}

/// The name a running Rapport holds on the session bus (tauri-plugin-single-instance).
pub const INSTANCE_NAME: &str = "org.rapport.app.SingleInstance";

impl App {
    /// Launches the app and answers its first-start question ("start at login?") with "not
    /// now", as most tests are about something else (`desktop.rs` tests the question).
    pub async fn launch(profile: &Profile, bus: &Bus) -> App {
        let app = App::launch_raw(profile, bus).await;
        app.wait_for_css("body[data-started='true']").await;
        app.js("const q = document.getElementById('autostart-question'); if (q) q.querySelector('button.ghost').click();")
            .await;
        app
    }

    pub async fn launch_raw(profile: &Profile, bus: &Bus) -> App {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "no DISPLAY: run the end-to-end tests under xvfb-run (the README's test command does)"
        );
        agent_program();
        let port = next_port();
        let driver_path = which("tauri-driver")
            .expect("tauri-driver is not installed: cargo install tauri-driver --locked");
        assert!(
            which("WebKitWebDriver").is_some(),
            "WebKitWebDriver is not installed (package webkit2gtk-driver)"
        );
        let mut command = Command::new(driver_path);
        command.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &(port + 1).to_string(),
        ]);
        profile.apply(&mut command, bus);
        let driver = ReapedGroup::spawn(command.stdout(Stdio::null())).expect("start tauri-driver");
        wait_until(Duration::from_secs(20), "tauri-driver to listen", || {
            TcpStream::connect(("127.0.0.1", port)).is_ok()
        });

        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), json!("wry"));
        capabilities.insert("tauri:options".into(), json!({ "application": APP }));
        // WebKitWebDriver speaks plain HTTP on loopback: no TLS stack needed. tauri-driver
        // listens before WebKitWebDriver behind it does, and on a loaded machine the first
        // request can find the connection closed: asked again, a little later, a few times.
        let mut attempts = 0;
        let client = loop {
            attempts += 1;
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(client) => break client,
                Err(error) if attempts < 4 => {
                    eprintln!("no WebDriver session yet (attempt {attempts}): {error}");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
                Err(error) => panic!("a WebDriver session with the app: {error}"),
            }
        };
        App {
            client,
            _driver: driver,
        }
    }

    pub async fn wait_for_css(&self, css: &str) -> fantoccini::elements::Element {
        match self
            .client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Css(css))
            .await
        {
            Ok(element) => element,
            Err(error) => {
                let url = self
                    .client
                    .current_url()
                    .await
                    .map(|u| u.to_string())
                    .unwrap_or_default();
                let source = self.client.source().await.unwrap_or_default();
                panic!("no element matches {css}: {error}\nat {url}:\n{source}")
            }
        }
    }

    /// Waits until the element matching `css` holds `text` (its DOM text: WebDriver's
    /// "visible text" skips ellipsised spans).
    pub async fn wait_for_text(&self, css: &str, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let shown = self
                .client
                .execute("const e = document.querySelector(arguments[0]); return e ? e.textContent : '(no such element)'", vec![json!(css)])
                .await
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            if shown.contains(text) {
                return;
            }
            if Instant::now() > deadline {
                self.screenshot("failure").await;
                panic!("{css} never showed {text:?}; it shows {shown:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn js(&self, script: &str) -> serde_json::Value {
        self.client
            .execute(script, vec![])
            .await
            .expect("script runs")
    }

    /// Saves a screenshot under target/e2e-screenshots/ for a person to look at.
    pub async fn screenshot(&self, name: &str) {
        // Let the last render reach the screen: WebKit paints on its own schedule.
        let _ = self
            .client
            .execute_async("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()))", vec![])
            .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let png = self.client.screenshot().await.expect("screenshot");
        let dir = screenshots_dir();
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    /// Ends the session and the app, and waits until the app has left the bus, so that a next
    /// launch is a new instance rather than a hand-over to this one.
    pub async fn quit(self, bus: &Bus) {
        let App {
            client,
            _driver: driver,
        } = self;
        let _ = client.close().await;
        drop(driver);
        wait_until(Duration::from_secs(15), "the app to leave the bus", || {
            !bus.has_owner(INSTANCE_NAME)
        });
    }
}

/// A file of the shared test corpus under `tests/fixtures/`, as a path argument.
pub fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

pub fn screenshots_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots")
}

pub fn which(program: &str) -> Option<PathBuf> {
    let home_bin = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo/bin"));
    std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .chain(home_bin)
        .map(|dir| dir.join(program))
        .find(|path| path.is_file())
}

pub fn wait_until(timeout: Duration, what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + timeout;
    while !done() {
        assert!(
            Instant::now() < deadline,
            "timed out after {timeout:?} waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}
