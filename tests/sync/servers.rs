//! Real servers on 127.0.0.1 for the sync tests: Radicale and Xandikos from PyPI (pinned in
//! tests/python/sync-requirements.txt, installed once into a virtual environment under target/),
//! each on a free port with a fresh storage folder, and a Secret Service (gnome-keyring,
//! unlocked) on a D-Bus session bus of the test's own.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

#[path = "../support/venv.rs"]
mod venv;

/// The virtual environment with the servers and the client.
pub fn python() -> PathBuf {
    venv::python_with(
        "sync-venv",
        &workspace_root().join("tests/python/sync-requirements.txt"),
    )
}

/// The workspace's root, whichever of its crates' tests this is.
fn workspace_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .find(|dir| dir.join("tests/python/sync-requirements.txt").exists())
        .expect("the workspace's tests/python")
}

/// The independent client (tests/python/dav_client.py), as a phone or another program: prints
/// JSON.
pub fn client(args: &[&str]) -> serde_json::Value {
    let script = workspace_root().join("tests/python/dav_client.py");
    let output = Command::new(python())
        .arg(script)
        .args(args)
        .output()
        .expect("python runs");
    assert!(
        output.status.success(),
        "dav_client.py {} failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("the client prints JSON")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn wait_for_port(port: u16, child: &mut Child, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("{what} exited before listening: {status}");
        }
        assert!(
            Instant::now() < deadline,
            "{what} did not listen on {port} within 30 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Radicale,
    Xandikos,
}

/// How a Radicale is set up beyond the defaults (no password, plain HTTP).
#[derive(Debug, Clone, Default)]
struct Options {
    /// Only `alice` with this password gets in.
    password: Option<String>,
    /// A folder with `server.pem` and `server.key`: HTTPS.
    tls: Option<PathBuf>,
    /// Radicale's storage with its UID check kept in memory (tests/python/radicale_uid_index.py;
    /// the sync benchmark's second server only).
    uid_index: bool,
}

/// A server on loopback, stopped when dropped.
pub struct Server {
    pub kind: Kind,
    pub port: u16,
    child: Option<Child>,
    storage: TempDir,
    log: PathBuf,
    options: Options,
}

impl Server {
    pub fn start(kind: Kind) -> Server {
        let storage = tempfile::tempdir().unwrap();
        Server::start_on(kind, free_port(), storage, Options::default())
    }

    /// A Radicale whose check that a new card's UID is free does not read every card (the
    /// benchmark tells that check apart from Radicale's cost per write).
    pub fn start_radicale_with_uid_index() -> Server {
        Server::start_radicale(Options {
            uid_index: true,
            ..Options::default()
        })
    }

    /// A Radicale that checks the password (htpasswd, plain).
    pub fn start_with_password(password: &str) -> Server {
        Server::start_radicale(Options {
            password: Some(password.to_string()),
            ..Options::default()
        })
    }

    /// A Radicale over HTTPS with the certificate in `certificates`.
    pub fn start_https(certificates: &Path) -> Server {
        Server::start_radicale(Options {
            tls: Some(certificates.to_path_buf()),
            ..Options::default()
        })
    }

    fn start_radicale(options: Options) -> Server {
        let storage = tempfile::tempdir().unwrap();
        Server::start_on(Kind::Radicale, free_port(), storage, options)
    }

    fn start_on(kind: Kind, port: u16, storage: TempDir, options: Options) -> Server {
        let python = python();
        let bin = python.parent().unwrap();
        let log = storage.path().join("requests.log");
        let mut command = match kind {
            Kind::Radicale => {
                let mut c = Command::new(&python);
                c.args(["-m", "radicale", "--server-hosts"])
                    .arg(format!("127.0.0.1:{port}"))
                    .arg("--storage-filesystem-folder")
                    .arg(storage.path().join("collections"))
                    // Each request and its REPORT's kind are logged at info (the tests count them).
                    .args(["--logging-level", "info"]);
                match &options.password {
                    Some(password) => {
                        let users = storage.path().join("users");
                        std::fs::write(&users, format!("alice:{password}\n")).unwrap();
                        c.args([
                            "--auth-type",
                            "htpasswd",
                            "--auth-htpasswd-encryption",
                            "plain",
                        ])
                        .arg("--auth-htpasswd-filename")
                        .arg(users);
                    }
                    None => {
                        c.args(["--auth-type", "none"]);
                    }
                }
                if options.uid_index {
                    c.args(["--storage-type", "radicale_uid_index"])
                        .env("PYTHONPATH", workspace_root().join("tests/python"));
                }
                if let Some(dir) = &options.tls {
                    c.args(["--server-ssl", "--server-certificate"])
                        .arg(dir.join("server.pem"))
                        .arg("--server-key")
                        .arg(dir.join("server.key"));
                }
                c
            }
            Kind::Xandikos => {
                let mut c = Command::new(bin.join("xandikos"));
                c.args(["serve", "--autocreate", "-d"])
                    .arg(storage.path().join("collections"))
                    .args(["-l", "127.0.0.1", "-p", &port.to_string()])
                    .arg("--state-dir")
                    .arg(storage.path().join("state"))
                    .arg("--debug");
                c
            }
        };
        let log_file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .unwrap();
        let mut child = command
            .stdin(Stdio::null())
            .stdout(log_file.try_clone().unwrap())
            .stderr(log_file)
            .spawn()
            .expect("the server starts");
        wait_for_port(port, &mut child, &format!("{kind:?}"));
        Server {
            kind,
            port,
            child: Some(child),
            storage,
            log,
            options,
        }
    }

    /// What a user types as the server's address.
    pub fn url(&self) -> String {
        let scheme = if self.options.tls.is_some() {
            "https"
        } else {
            "http"
        };
        format!("{scheme}://127.0.0.1:{}/", self.port)
    }

    /// Stops the server, as a server going away in the middle of a sync.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts it again on the same port over the same storage. Xandikos killed in the middle
    /// of a write leaves git's lock files behind (`index.lock`, or `refs/heads/master.lock` when
    /// killed while committing) and answers 423 Locked to every write until they are removed (it
    /// does not clean up after itself), as its admin would remove them.
    pub fn restart(mut self) -> Server {
        self.stop();
        if self.kind == Kind::Xandikos {
            remove_git_locks(self.storage.path());
        }
        let storage = std::mem::replace(&mut self.storage, tempfile::tempdir().unwrap());
        Server::start_on(self.kind, self.port, storage, self.options.clone())
    }

    /// The server's process (to measure its CPU time).
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// How many `method` requests the server has logged.
    pub fn requests(&self, method: &str) -> usize {
        let pattern = match self.kind {
            Kind::Radicale => format!("] {method} request for"),
            Kind::Xandikos => format!("\"{method} /"),
        };
        self.log().matches(&pattern).count()
    }

    /// Everything the server logged (Radicale logs each request and its headers).
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

fn remove_git_locks(dir: &Path) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            remove_git_locks(&path);
        } else if path.extension().is_some_and(|e| e == "lock") {
            std::fs::remove_file(&path).unwrap();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A D-Bus session bus with gnome-keyring's Secret Service on it, unlocked, in folders of its
/// own; both stopped when dropped.
pub struct Keyring {
    pub bus: String,
    pub home: TempDir,
    bus_daemon: Child,
    keyring_daemon: Child,
}

/// A session bus that starts no service by itself (nothing the system installed is activated on
/// it): only what a test puts there runs.
fn session_bus(dir: &Path) -> (Child, String) {
    let config = dir.join("bus.conf");
    std::fs::write(
        &config,
        format!(
            r#"<busconfig><type>session</type><listen>unix:dir={}</listen><policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>"#,
            dir.display()
        ),
    )
    .unwrap();
    let mut daemon = Command::new("dbus-daemon")
        .arg(format!("--config-file={}", config.display()))
        .args(["--nofork", "--print-address=1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("dbus-daemon runs (scripts/test.sh installs dbus)");
    let mut address = String::new();
    BufReader::new(daemon.stdout.take().unwrap())
        .read_line(&mut address)
        .unwrap();
    (daemon, address.trim().to_string())
}

/// A session bus with nothing on it, stopped when dropped.
pub struct BareBus {
    pub bus: String,
    daemon: Child,
    _dir: TempDir,
}

impl Drop for BareBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

impl Keyring {
    /// A bus with no Secret Service on it, as on a desktop without a keyring.
    pub fn bus_only() -> BareBus {
        let dir = tempfile::tempdir().unwrap();
        let (daemon, bus) = session_bus(dir.path());
        BareBus {
            bus,
            daemon,
            _dir: dir,
        }
    }

    pub fn start() -> Keyring {
        let home = tempfile::tempdir().unwrap();
        let (bus_daemon, bus) = session_bus(home.path());
        let runtime = home.path().join("run");
        std::fs::create_dir_all(&runtime).unwrap();
        let mut keyring_daemon = Command::new("gnome-keyring-daemon")
            .args(["--foreground", "--unlock", "--components=secrets"])
            .env("DBUS_SESSION_BUS_ADDRESS", &bus)
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_RUNTIME_DIR", &runtime)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("gnome-keyring-daemon runs (scripts/test.sh installs gnome-keyring)");
        // The password of the new login keyring, then end of input: it unlocks.
        let mut stdin = keyring_daemon.stdin.take().unwrap();
        stdin.write_all(b"rapport-test").unwrap();
        drop(stdin);
        let keyring = Keyring {
            bus,
            home,
            bus_daemon,
            keyring_daemon,
        };
        keyring.wait_for_secret_service();
        keyring
    }

    fn wait_for_secret_service(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let names = Command::new("dbus-send")
                .args([
                    "--print-reply",
                    "--dest=org.freedesktop.DBus",
                    "/org/freedesktop/DBus",
                    "org.freedesktop.DBus.ListNames",
                ])
                .env("DBUS_SESSION_BUS_ADDRESS", &self.bus)
                .output()
                .expect("dbus-send runs");
            if String::from_utf8_lossy(&names.stdout).contains("org.freedesktop.secrets") {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "no Secret Service on the test bus within 20 s"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Keyring {
    fn drop(&mut self) {
        let _ = self.keyring_daemon.kill();
        let _ = self.keyring_daemon.wait();
        let _ = self.bus_daemon.kill();
        let _ = self.bus_daemon.wait();
    }
}
