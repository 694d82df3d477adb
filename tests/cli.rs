//! The `rapport` command line, run as a user runs it: the real binary, a throwaway data folder,
//! and nothing but its exit status, stdout and stderr to judge it by.
//!
//! Exit status: 0 success, 2 bad input (and then nothing is written), 1 any other failure.
//! Every test passes `--data-dir` (a temp dir) and also points `RAPPORT_DATA_DIR` at another temp
//! dir, so that no test can touch the real data folder. The CLI is headless: no display needed.
//!
//! This file is the harness; the tests are in `cli/`, one file per concept.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{DateTime, Duration, Utc};
use serde_json::Value;
use tempfile::TempDir;

/// A data folder of its own, and the commands to run against it.
struct Rapport {
    data_dir: TempDir,
    env_dir: TempDir,
}

impl Rapport {
    fn new() -> Self {
        Rapport {
            data_dir: tempfile::tempdir().expect("temp data dir"),
            env_dir: tempfile::tempdir().expect("temp env dir"),
        }
    }

    fn data_dir(&self) -> &Path {
        self.data_dir.path()
    }

    /// Runs `rapport --data-dir DIR ARGS...`.
    fn run(&self, args: &[&str]) -> Output {
        self.run_in(self.data_dir(), args)
    }

    /// Runs `rapport --data-dir DIR ARGS...` with any folder as DIR.
    fn run_in(&self, data_dir: &Path, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_rapport"))
            .arg("--data-dir")
            .arg(data_dir)
            .args(args)
            .env("RAPPORT_DATA_DIR", self.env_dir.path())
            .env_remove("RUST_LOG")
            .output()
            .expect("the rapport binary runs")
    }

    /// Runs a command that must succeed and returns its stdout.
    fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert_eq!(
            output.status.code(),
            Some(0),
            "`rapport {}` failed\nstdout: {}\nstderr: {}",
            args.join(" "),
            stdout(&output),
            stderr(&output)
        );
        stdout(&output)
    }

    /// Runs a command that must succeed with `--json` and returns the parsed JSON it printed.
    fn json(&self, args: &[&str]) -> Value {
        let mut args = args.to_vec();
        args.push("--json");
        let text = self.ok(&args);
        serde_json::from_str(&text).unwrap_or_else(|e| {
            panic!("`rapport {}` printed no JSON ({e}): {text}", args.join(" "))
        })
    }

    fn add_person(&self, args: &[&str]) -> Value {
        let mut all = vec!["people", "add"];
        all.extend_from_slice(args);
        self.json(&all)
    }

    fn add_followup(&self, person: &str, title: &str, due: &str) -> Value {
        self.json(&[
            "followups",
            "add",
            "--person",
            person,
            "--title",
            title,
            "--due",
            due,
        ])
    }

    fn people(&self) -> Vec<Value> {
        array(self.json(&["people", "list"]))
    }

    fn due(&self) -> Vec<Value> {
        array(self.json(&["followups", "due"]))
    }

    /// Everything the CLI can show of the store, to prove that a failed command wrote nothing.
    fn snapshot(&self) -> (Vec<Value>, Vec<Value>) {
        (self.people(), self.due())
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn array(value: Value) -> Vec<Value> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("expected a JSON array, got {value}"))
        .clone()
}

fn id_of(value: &Value) -> i64 {
    value["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("no id in {value}"))
}

fn names(people: &[Value]) -> Vec<&str> {
    people
        .iter()
        .map(|p| p["displayName"].as_str().expect("displayName is a string"))
        .collect()
}

fn ids(values: &[Value]) -> Vec<i64> {
    values.iter().map(id_of).collect()
}

fn time(value: &Value) -> DateTime<Utc> {
    let text = value
        .as_str()
        .unwrap_or_else(|| panic!("expected an RFC 3339 string, got {value}"));
    DateTime::parse_from_rfc3339(text)
        .unwrap_or_else(|e| panic!("{text:?} is not RFC 3339: {e}"))
        .with_timezone(&Utc)
}

/// Asserts a failure of bad input: exit status exactly 2, nothing on stdout, a message on stderr.
fn assert_bad_input(output: &Output) -> String {
    assert_eq!(
        output.status.code(),
        Some(2),
        "expected exit status 2\nstdout: {}\nstderr: {}",
        stdout(output),
        stderr(output)
    );
    assert_eq!(
        stdout(output),
        "",
        "a failed command prints nothing on stdout"
    );
    let message = stderr(output);
    assert!(
        !message.trim().is_empty(),
        "a failure explains itself on stderr"
    );
    message
}

/// Parses the one JSON object a failing `--json` command prints on stderr.
fn json_error(output: &Output) -> Value {
    let text = stderr(output);
    let error: Value = serde_json::from_str(text.trim())
        .unwrap_or_else(|e| panic!("stderr is not a JSON object ({e}): {text}"));
    assert!(error.is_object(), "the error is a JSON object: {error}");
    assert!(
        error["message"].as_str().is_some_and(|m| !m.is_empty()),
        "the error has a message: {error}"
    );
    error
}

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

fn people_count(rapport: &Rapport) -> usize {
    rapport.json(&["people", "list"]).as_array().unwrap().len()
}

const PAST: &str = "2020-01-01T09:00:00Z";

// ---------------------------------------------------------------------------------------------
// The tests, by concept (`#[path]`: a test crate's root looks for its modules beside it)

#[path = "support/venv.rs"]
mod venv;

#[path = "cli/store.rs"]
mod store;

#[path = "cli/people.rs"]
mod people;

#[path = "cli/circles.rs"]
mod circles;

#[path = "cli/coach.rs"]
mod coach;

#[path = "cli/graph.rs"]
mod graph;

#[path = "cli/followups.rs"]
mod followups;

#[path = "cli/import.rs"]
mod import;

#[path = "cli/export.rs"]
mod export;

#[path = "cli/bad_input.rs"]
mod bad_input;

#[path = "cli/json_errors.rs"]
mod json_errors;
