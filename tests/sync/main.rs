//! `rapport sync` against real servers on 127.0.0.1 (Radicale and Xandikos, each scenario on
//! both), with the password in a real Secret Service, and an independent client (Python's
//! vobject and caldav) that reads and edits what Rapport wrote, as a phone would.
//!
//! This file is the harness; the scenarios are in their own files.

mod servers;

mod contacts;
mod events;
mod failures;
mod secrets;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use tempfile::TempDir;

pub use servers::client;
use servers::{Keyring, Kind, Server};

pub const USER: &str = "alice";
pub const PASSWORD: &str = "correct horse battery staple";

/// A computer running Rapport: a data folder of its own, the shared keyring's bus.
pub struct Device<'k> {
    data: TempDir,
    env: TempDir,
    keyring: &'k Keyring,
    /// Extra environment for every command (a test switch, `RAPPORT_LOG`).
    pub vars: Vec<(String, String)>,
}

impl<'k> Device<'k> {
    pub fn new(keyring: &'k Keyring) -> Self {
        Device {
            data: tempfile::tempdir().unwrap(),
            env: tempfile::tempdir().unwrap(),
            keyring,
            vars: Vec::new(),
        }
    }

    pub fn data_dir(&self) -> &Path {
        self.data.path()
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_rapport"));
        command
            .arg("--data-dir")
            .arg(self.data_dir())
            .args(args)
            .env("RAPPORT_DATA_DIR", self.env.path())
            .env("DBUS_SESSION_BUS_ADDRESS", &self.keyring.bus)
            .env_remove("RUST_LOG");
        for (key, value) in &self.vars {
            command.env(key, value);
        }
        command
    }

    pub fn run_with_input(&self, args: &[&str], input: &str) -> Output {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("rapport runs");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with_input(args, "")
    }

    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        let output = self.run(&all);
        assert_eq!(
            output.status.code(),
            Some(0),
            "`rapport {}` failed\nstdout: {}\nstderr: {}",
            all.join(" "),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).expect("JSON")
    }

    pub fn add_person(&self, args: &[&str]) -> Value {
        let mut all = vec!["people", "add"];
        all.extend_from_slice(args);
        self.json(&all)
    }

    /// Adds the server's account for `alice` (a trailing newline, as typed, is dropped).
    pub fn add_account(&self, server: &Server) -> Value {
        let output = self.run_with_input(
            &[
                "accounts",
                "add",
                "--url",
                &server.url(),
                "--user",
                USER,
                "--password-stdin",
                "--json",
            ],
            &format!("{PASSWORD}\n"),
        );
        assert_eq!(
            output.status.code(),
            Some(0),
            "accounts add failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).unwrap()
    }

    /// One `rapport sync --json` that must succeed; the account's report.
    pub fn sync(&self) -> Value {
        let report = self.json(&["sync"]);
        let account = report["accounts"][0].clone();
        assert!(account["error"].is_null(), "the sync failed: {report}");
        account
    }

    pub fn people(&self) -> Vec<Value> {
        self.json(&["people", "list"]).as_array().unwrap().clone()
    }

    pub fn person_named(&self, name: &str) -> Value {
        let found: Vec<Value> = self
            .people()
            .into_iter()
            .filter(|p| p["displayName"] == name)
            .collect();
        assert_eq!(found.len(), 1, "{name} is there once: {found:?}");
        found[0].clone()
    }
}

/// Every card in the account's address book, as the independent client reads it.
pub fn cards_on(account: &Value) -> Vec<Value> {
    let book = account["addressbook"]["url"].as_str().unwrap();
    client(&["cards", book, USER, PASSWORD])
        .as_array()
        .unwrap()
        .clone()
}

pub fn events_on(account: &Value) -> Vec<Value> {
    let calendar = account["calendar"]["url"].as_str().unwrap();
    client(&["events", calendar, USER, PASSWORD])
        .as_array()
        .unwrap()
        .clone()
}

/// Runs a scenario against each server, on its own keyring and storage.
pub fn on_both_servers(scenario: impl Fn(&Keyring, &mut Server)) {
    for kind in [Kind::Radicale, Kind::Xandikos] {
        let keyring = Keyring::start();
        let mut server = Server::start(kind);
        eprintln!("— on {kind:?}");
        scenario(&keyring, &mut server);
    }
}
