//! The `rapport` command line, run as a user runs it: the real binary, a throwaway data folder,
//! and nothing but its exit status, stdout and stderr to judge it by.
//!
//! Exit status: 0 success, 2 bad input (and then nothing is written), 1 any other failure.
//! Every test passes `--data-dir` (a temp dir) and also points `RAPPORT_DATA_DIR` at another temp
//! dir, so that no test can touch the real data folder. The CLI is headless: no display needed.

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

const PAST: &str = "2020-01-01T09:00:00Z";

// ---------------------------------------------------------------------------------------------
// people add

#[test]
fn people_add_prints_the_new_id_and_name() {
    let rapport = Rapport::new();
    let out = rapport.ok(&["people", "add", "Ada Lovelace"]);
    let line = out.trim();
    assert!(line.starts_with("Added #"), "{out}");
    assert!(line.ends_with(" Ada Lovelace"), "{out}");
    let id: i64 = line["Added #".len()..line.len() - " Ada Lovelace".len()]
        .parse()
        .unwrap_or_else(|e| panic!("no id in {out:?}: {e}"));
    assert_eq!(ids(&rapport.people()), vec![id]);
}

#[test]
fn people_add_with_json_prints_the_person_with_every_field_given() {
    let rapport = Rapport::new();
    let person = rapport.add_person(&[
        "Ada Lovelace",
        "--circle",
        "Classmates",
        "--org",
        "Analytical Engines Ltd",
        "--title",
        "Programmer",
        "--email",
        "ada@example.org",
    ]);
    assert!(person["id"].is_i64(), "{person}");
    assert_eq!(person["displayName"], "Ada Lovelace");
    assert_eq!(person["circle"], "Classmates");
    assert_eq!(person["organization"], "Analytical Engines Ltd");
    assert_eq!(person["title"], "Programmer");
    assert_eq!(person["email"], "ada@example.org");
    assert_eq!(person["tags"], serde_json::json!([]));
    assert_eq!(person["archived"], false);
    assert_eq!(person["isMe"], false);
}

#[test]
fn people_add_leaves_unset_fields_null() {
    let rapport = Rapport::new();
    let person = rapport.add_person(&["Grace Hopper"]);
    for field in ["circle", "organization", "title", "email"] {
        assert!(person[field].is_null(), "{field} should be null: {person}");
    }
}

// ---------------------------------------------------------------------------------------------
// people list

#[test]
fn people_list_json_is_an_array_of_everyone_added_but_not_the_user() {
    let rapport = Rapport::new();
    let ada = rapport.add_person(&["Ada Lovelace", "--circle", "Classmates"]);
    let grace = rapport.add_person(&["Grace Hopper", "--org", "US Navy", "--title", "Admiral"]);
    let people = rapport.people();
    assert_eq!(people.len(), 2, "{people:?}");
    let mut listed = ids(&people);
    listed.sort();
    assert_eq!(listed, vec![id_of(&ada), id_of(&grace)]);
    for person in &people {
        for field in [
            "id",
            "displayName",
            "circle",
            "organization",
            "title",
            "email",
            "tags",
            "archived",
        ] {
            assert!(person.get(field).is_some(), "{field} missing from {person}");
        }
        assert_eq!(person["isMe"], false);
    }
    let grace = people
        .iter()
        .find(|p| p["displayName"] == "Grace Hopper")
        .expect("Grace is listed");
    assert_eq!(grace["organization"], "US Navy");
    assert_eq!(grace["title"], "Admiral");
}

#[test]
fn people_list_json_of_an_empty_store_is_an_empty_array() {
    let rapport = Rapport::new();
    assert_eq!(rapport.people(), Vec::<Value>::new());
}

#[test]
fn people_list_text_groups_people_under_their_circle() {
    let rapport = Rapport::new();
    rapport.ok(&["people", "add", "Ada Lovelace", "--circle", "Classmates"]);
    rapport.ok(&["people", "add", "Alan Turing", "--circle", "Classmates"]);
    rapport.ok(&["people", "add", "Mary Jackson", "--circle", "Family"]);
    let out = rapport.ok(&["people", "list"]);
    let lines: Vec<&str> = out.lines().collect();

    let heading = |name: &str| {
        lines
            .iter()
            .position(|l| *l == name)
            .unwrap_or_else(|| panic!("no heading line {name:?} in\n{out}"))
    };
    let line_of = |name: &str| {
        lines
            .iter()
            .position(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} not listed in\n{out}"))
    };
    let family = heading("Family");
    let classmates = heading("Classmates");
    for (person, circle) in [
        ("Ada Lovelace", classmates),
        ("Alan Turing", classmates),
        ("Mary Jackson", family),
    ] {
        let at = line_of(person);
        assert!(
            lines[at].starts_with(char::is_whitespace),
            "{person} is indented under its circle:\n{out}"
        );
        let closest_heading = lines[..at]
            .iter()
            .rposition(|l| !l.is_empty() && !l.starts_with(char::is_whitespace))
            .expect("a heading above");
        assert_eq!(
            closest_heading, circle,
            "{person} is under the wrong circle:\n{out}"
        );
    }
}

#[test]
fn people_list_text_puts_people_without_a_circle_under_no_circle() {
    let rapport = Rapport::new();
    rapport.ok(&["people", "add", "Grace Hopper"]);
    let out = rapport.ok(&["people", "list"]);
    let lines: Vec<&str> = out.lines().collect();
    let heading = lines
        .iter()
        .position(|l| *l == "No circle")
        .unwrap_or_else(|| panic!("no \"No circle\" heading in\n{out}"));
    assert!(lines[heading + 1].starts_with(char::is_whitespace), "{out}");
    assert!(lines[heading + 1].contains("Grace Hopper"), "{out}");
}

// ---------------------------------------------------------------------------------------------
// people search

#[test]
fn people_search_ignores_accents() {
    let rapport = Rapport::new();
    rapport.add_person(&["María Ñúñez"]);
    rapport.add_person(&["Mario Rossi"]);
    let found = array(rapport.json(&["people", "search", "nunez"]));
    assert_eq!(names(&found), vec!["María Ñúñez"]);
}

#[test]
fn people_search_matches_word_prefixes() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    rapport.add_person(&["Grace Hopper"]);
    let found = array(rapport.json(&["people", "search", "lov"]));
    assert_eq!(names(&found), vec!["Ada Lovelace"]);
}

#[test]
fn people_search_finds_a_word_of_the_organization() {
    let rapport = Rapport::new();
    rapport.add_person(&["Katherine Johnson", "--org", "Langley Research Center"]);
    rapport.add_person(&["Grace Hopper", "--org", "US Navy"]);
    let found = array(rapport.json(&["people", "search", "research"]));
    assert_eq!(names(&found), vec!["Katherine Johnson"]);
}

#[test]
fn people_search_with_no_match_is_an_empty_array() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let found = array(rapport.json(&["people", "search", "zzz"]));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn people_search_text_prints_one_line_per_match_with_its_id() {
    let rapport = Rapport::new();
    let ada = rapport.add_person(&["Ada Lovelace"]);
    rapport.add_person(&["Grace Hopper"]);
    let out = rapport.ok(&["people", "search", "ada"]);
    let lines: Vec<&str> = out.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "{out}");
    assert!(lines[0].contains(&format!("#{}", id_of(&ada))), "{out}");
    assert!(lines[0].contains("Ada Lovelace"), "{out}");
}

// ---------------------------------------------------------------------------------------------
// followups add

#[test]
fn followups_add_with_json_prints_the_pending_followup_for_the_named_person() {
    let rapport = Rapport::new();
    let ada = rapport.add_person(&["Ada Lovelace"]);
    let followup = rapport.add_followup("Ada Lovelace", "Send a thank-you note", "+3d");
    assert!(followup["id"].is_i64(), "{followup}");
    assert_eq!(followup["title"], "Send a thank-you note");
    assert_eq!(followup["state"], "pending");
    assert_eq!(followup["person"]["id"], ada["id"]);
    assert_eq!(followup["person"]["displayName"], "Ada Lovelace");
}

#[test]
fn followups_add_prints_the_new_followup_id_in_text() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let out = rapport.ok(&[
        "followups",
        "add",
        "--person",
        "Ada Lovelace",
        "--title",
        "Call back",
        "--due",
        "+2h",
    ]);
    assert!(out.starts_with("Added follow-up #"), "{out}");
    assert!(out.contains("Call back"), "{out}");
    assert!(out.contains("Ada Lovelace"), "{out}");
}

#[test]
fn followups_add_accepts_a_person_id_with_or_without_hash() {
    let rapport = Rapport::new();
    let ada = rapport.add_person(&["Ada Lovelace"]);
    let id = id_of(&ada).to_string();
    for person in [id.clone(), format!("#{id}")] {
        let followup = rapport.add_followup(&person, "Ask about the engine", "+1d");
        assert_eq!(followup["person"]["id"], ada["id"], "--person {person}");
    }
}

#[test]
fn followups_add_finds_the_person_by_a_unique_word_of_the_name() {
    let rapport = Rapport::new();
    let ada = rapport.add_person(&["Ada Lovelace"]);
    rapport.add_person(&["Grace Hopper"]);
    let followup = rapport.add_followup("lovelace", "Ask about the engine", "+1d");
    assert_eq!(followup["person"]["id"], ada["id"]);
}

#[test]
fn followups_add_counts_relative_due_times_from_now() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    for (due, offset) in [
        ("+90s", Duration::seconds(90)),
        ("+2h", Duration::hours(2)),
        ("+3d", Duration::days(3)),
    ] {
        let before = Utc::now();
        let followup = rapport.add_followup("Ada Lovelace", "Check in", due);
        let after = Utc::now();
        let due_at = time(&followup["dueAt"]);
        // Stored to the second: allow the truncated fraction below, and a second of slack above.
        assert!(
            due_at >= before + offset - Duration::seconds(1)
                && due_at <= after + offset + Duration::seconds(1),
            "--due {due}: {due_at} is not within [{before}, {after}] + {offset}"
        );
    }
}

#[test]
fn followups_add_keeps_an_rfc3339_due_time_exactly() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let followup = rapport.add_followup("Ada Lovelace", "Coffee", "2030-03-02T09:30:00+01:00");
    assert_eq!(
        time(&followup["dueAt"]),
        time(&Value::from("2030-03-02T08:30:00Z"))
    );
}

// ---------------------------------------------------------------------------------------------
// followups due

#[test]
fn followups_due_lists_overdue_followups_but_not_future_ones() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let overdue = rapport.add_followup("Ada Lovelace", "Overdue thank-you", PAST);
    rapport.add_followup("Ada Lovelace", "Next month", "+30d");
    let due = rapport.due();
    assert_eq!(ids(&due), vec![id_of(&overdue)]);
    assert_eq!(due[0]["title"], "Overdue thank-you");
}

#[test]
fn followups_due_lists_the_soonest_first() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let later = rapport.add_followup("Ada Lovelace", "Later", "2021-06-01T09:00:00Z");
    let earlier = rapport.add_followup("Ada Lovelace", "Earlier", "2020-06-01T09:00:00Z");
    assert_eq!(ids(&rapport.due()), vec![id_of(&earlier), id_of(&later)]);
}

#[test]
fn followups_due_text_lists_each_due_followup_with_its_id() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let overdue = rapport.add_followup("Ada Lovelace", "Overdue thank-you", PAST);
    let out = rapport.ok(&["followups", "due"]);
    assert!(out.contains(&format!("#{}", id_of(&overdue))), "{out}");
    assert!(out.contains("Overdue thank-you"), "{out}");
}

#[test]
fn followups_due_says_so_when_nothing_is_due() {
    let rapport = Rapport::new();
    let out = rapport.ok(&["followups", "due"]);
    assert_eq!(out.trim(), "Nothing is due.");
}

// ---------------------------------------------------------------------------------------------
// followups done / snooze

#[test]
fn followups_done_closes_the_followup_and_removes_it_from_due() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let followup = rapport.add_followup("Ada Lovelace", "Thank-you note", PAST);
    let id = id_of(&followup).to_string();
    let done = rapport.json(&["followups", "done", &id]);
    assert_eq!(done["state"], "done");
    assert!(!done["closedAt"].is_null(), "{done}");
    assert!(rapport.due().is_empty());
}

#[test]
fn followups_done_prints_a_confirmation_in_text() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let followup = rapport.add_followup("Ada Lovelace", "Thank-you note", PAST);
    let id = id_of(&followup).to_string();
    let out = rapport.ok(&["followups", "done", &id]);
    assert!(out.starts_with(&format!("Done: #{id} ")), "{out}");
    assert!(out.contains("Thank-you note"), "{out}");
}

#[test]
fn followups_snooze_moves_the_due_time_and_removes_it_from_due() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let followup = rapport.add_followup("Ada Lovelace", "Thank-you note", PAST);
    let id = id_of(&followup).to_string();
    let before = Utc::now();
    let snoozed = rapport.json(&["followups", "snooze", &id, "--until", "+1h"]);
    let after = Utc::now();
    let due_at = time(&snoozed["dueAt"]);
    assert!(
        due_at >= before + Duration::hours(1) - Duration::seconds(1)
            && due_at <= after + Duration::hours(1) + Duration::seconds(1),
        "snoozed to {due_at}, expected about an hour from now"
    );
    assert_eq!(snoozed["state"], "pending");
    assert!(rapport.due().is_empty());
}

// ---------------------------------------------------------------------------------------------
// Bad input: exit 2, a clear message, nothing written

#[test]
fn an_empty_name_is_refused_with_exit_2_and_nothing_written() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let before = rapport.snapshot();
    for name in ["", "   "] {
        let message = assert_bad_input(&rapport.run(&["people", "add", name]));
        assert!(message.contains("name"), "{message}");
    }
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn an_unknown_circle_is_refused_with_exit_2_and_the_known_circles() {
    let rapport = Rapport::new();
    let before = rapport.snapshot();
    let message =
        assert_bad_input(&rapport.run(&["people", "add", "Ada Lovelace", "--circle", "Atlantis"]));
    assert!(message.contains("Atlantis"), "{message}");
    assert!(
        message.contains("Classmates"),
        "the message lists the circles: {message}"
    );
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn a_title_without_an_organization_is_refused_with_exit_2() {
    let rapport = Rapport::new();
    let before = rapport.snapshot();
    let message =
        assert_bad_input(&rapport.run(&["people", "add", "Ada Lovelace", "--title", "Countess"]));
    assert!(message.contains("organization"), "{message}");
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn a_malformed_email_is_refused_with_exit_2() {
    let rapport = Rapport::new();
    let before = rapport.snapshot();
    let message =
        assert_bad_input(&rapport.run(&["people", "add", "Ada Lovelace", "--email", "ada"]));
    assert!(message.contains("email"), "{message}");
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn a_followup_for_an_unknown_person_is_refused_with_exit_2_and_nothing_written() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let before = rapport.snapshot();
    let message = assert_bad_input(&rapport.run(&[
        "followups",
        "add",
        "--person",
        "Nobody Known",
        "--title",
        "Call",
        "--due",
        PAST,
    ]));
    assert!(message.contains("Nobody Known"), "{message}");
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn a_followup_for_an_unknown_person_id_is_refused_with_exit_2() {
    let rapport = Rapport::new();
    let before = rapport.snapshot();
    let message = assert_bad_input(&rapport.run(&[
        "followups",
        "add",
        "--person",
        "#999",
        "--title",
        "Call",
        "--due",
        PAST,
    ]));
    assert!(message.contains("999"), "{message}");
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn a_name_matching_several_people_is_refused_listing_them_with_their_ids() {
    let rapport = Rapport::new();
    let ana_n = rapport.add_person(&["Ana Núñez"]);
    let ana_p = rapport.add_person(&["Ana Pérez"]);
    let before = rapport.snapshot();
    let message = assert_bad_input(&rapport.run(&[
        "followups",
        "add",
        "--person",
        "Ana",
        "--title",
        "Call",
        "--due",
        PAST,
    ]));
    for person in [&ana_n, &ana_p] {
        let name = person["displayName"].as_str().unwrap();
        assert!(
            message.contains(&format!("#{}", id_of(person))),
            "{message}"
        );
        assert!(message.contains(name), "{message}");
    }
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn a_bad_due_date_is_refused_with_exit_2_and_nothing_written() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let before = rapport.snapshot();
    for due in ["tomorrow-ish", "2026-13-01", "+5y", ""] {
        let message = assert_bad_input(&rapport.run(&[
            "followups",
            "add",
            "--person",
            "Ada Lovelace",
            "--title",
            "Call",
            "--due",
            due,
        ]));
        assert!(message.contains("not a date"), "--due {due:?}: {message}");
    }
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn an_empty_followup_title_is_refused_with_exit_2_and_nothing_written() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let before = rapport.snapshot();
    for title in ["", "  "] {
        let message = assert_bad_input(&rapport.run(&[
            "followups",
            "add",
            "--person",
            "Ada Lovelace",
            "--title",
            title,
            "--due",
            PAST,
        ]));
        assert!(message.contains("title"), "{message}");
    }
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn snoozing_into_the_past_is_refused_with_exit_2_and_the_due_time_kept() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let followup = rapport.add_followup("Ada Lovelace", "Thank-you note", PAST);
    let id = id_of(&followup).to_string();
    let before = rapport.snapshot();
    let message = assert_bad_input(&rapport.run(&[
        "followups",
        "snooze",
        &id,
        "--until",
        "2021-01-01T00:00:00Z",
    ]));
    assert!(message.contains("future"), "{message}");
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn snoozing_to_a_bad_date_is_refused_with_exit_2() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let followup = rapport.add_followup("Ada Lovelace", "Thank-you note", PAST);
    let id = id_of(&followup).to_string();
    let before = rapport.snapshot();
    let message =
        assert_bad_input(&rapport.run(&["followups", "snooze", &id, "--until", "someday"]));
    assert!(message.contains("someday"), "{message}");
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn acting_on_an_unknown_followup_is_refused_with_exit_2() {
    let rapport = Rapport::new();
    let before = rapport.snapshot();
    for args in [
        &["followups", "done", "999"][..],
        &["followups", "snooze", "999", "--until", "+1h"][..],
    ] {
        let message = assert_bad_input(&rapport.run(args));
        assert!(message.contains("999"), "{}: {message}", args.join(" "));
    }
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn an_unknown_subcommand_is_a_usage_error_with_exit_2() {
    let rapport = Rapport::new();
    for args in [&["people", "frobnicate"][..], &["teleport"][..]] {
        let output = rapport.run(args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{}: {}",
            args.join(" "),
            stderr(&output)
        );
        assert!(stderr(&output).contains("Usage"), "{}", stderr(&output));
    }
}

#[test]
fn a_missing_argument_is_a_usage_error_with_exit_2() {
    let rapport = Rapport::new();
    for args in [
        &["people", "add"][..],
        &["people", "search"][..],
        &["followups", "add", "--person", "Ada", "--title", "Call"][..],
        &["followups", "snooze", "1"][..],
        &["followups", "done"][..],
    ] {
        let output = rapport.run(args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{}: {}",
            args.join(" "),
            stderr(&output)
        );
        assert!(stderr(&output).contains("Usage"), "{}", stderr(&output));
    }
}

#[test]
fn a_non_numeric_followup_id_is_a_usage_error_with_exit_2() {
    let rapport = Rapport::new();
    let output = rapport.run(&["followups", "done", "first"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}

#[test]
fn help_exits_0_and_describes_the_commands() {
    let rapport = Rapport::new();
    let out = rapport.ok(&["--help"]);
    assert!(out.contains("people"), "{out}");
    assert!(out.contains("followups"), "{out}");
}

// ---------------------------------------------------------------------------------------------
// --json errors

#[test]
fn with_json_invalid_input_is_a_json_error_naming_the_field() {
    let rapport = Rapport::new();
    let output = rapport.run(&["people", "add", "", "--json"]);
    assert_bad_input(&output);
    let error = json_error(&output);
    assert_eq!(error["code"], "invalid_input");
    assert_eq!(error["field"], "displayName");
}

#[test]
fn with_json_a_bad_due_date_is_an_invalid_input_json_error() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let output = rapport.run(&[
        "followups",
        "add",
        "--person",
        "Ada Lovelace",
        "--title",
        "Call",
        "--due",
        "soon",
        "--json",
    ]);
    assert_bad_input(&output);
    let error = json_error(&output);
    assert_eq!(error["code"], "invalid_input");
    assert_eq!(error["field"], "due");
}

#[test]
fn with_json_an_unknown_person_is_a_not_found_json_error() {
    let rapport = Rapport::new();
    let output = rapport.run(&[
        "followups",
        "add",
        "--person",
        "Nobody",
        "--title",
        "Call",
        "--due",
        "+1d",
        "--json",
    ]);
    assert_bad_input(&output);
    assert_eq!(json_error(&output)["code"], "not_found");
}

#[test]
fn with_json_an_unknown_followup_is_a_not_found_json_error() {
    let rapport = Rapport::new();
    let output = rapport.run(&["followups", "done", "42", "--json"]);
    assert_bad_input(&output);
    assert_eq!(json_error(&output)["code"], "not_found");
}

#[test]
fn with_json_an_ambiguous_name_is_an_ambiguous_json_error_with_the_matches() {
    let rapport = Rapport::new();
    let ana_n = rapport.add_person(&["Ana Núñez"]);
    let ana_p = rapport.add_person(&["Ana Pérez"]);
    let output = rapport.run(&[
        "followups",
        "add",
        "--person",
        "ana",
        "--title",
        "Call",
        "--due",
        "+1d",
        "--json",
    ]);
    assert_bad_input(&output);
    let error = json_error(&output);
    assert_eq!(error["code"], "ambiguous");
    let mut matched = ids(&array(error["matches"].clone()));
    matched.sort();
    assert_eq!(matched, vec![id_of(&ana_n), id_of(&ana_p)]);
    for m in error["matches"].as_array().unwrap() {
        assert!(m["displayName"].is_string(), "{m}");
    }
}

// ---------------------------------------------------------------------------------------------
// Failures that are not the input's fault: exit 1

/// A data folder that cannot be created: its parent is a regular file.
fn data_dir_under_a_file(rapport: &Rapport) -> PathBuf {
    let file = rapport.data_dir().join("not-a-folder");
    std::fs::write(&file, "just a file").unwrap();
    file.join("data")
}

#[test]
fn a_data_folder_that_cannot_be_created_exits_1_with_a_message() {
    let rapport = Rapport::new();
    let output = rapport.run_in(&data_dir_under_a_file(&rapport), &["people", "list"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    let message = stderr(&output);
    assert!(
        message.contains("cannot create the data folder"),
        "{message}"
    );
    assert!(message.contains("not-a-folder"), "{message}");
}

#[test]
fn with_json_a_data_folder_that_cannot_be_created_is_an_io_json_error_with_exit_1() {
    let rapport = Rapport::new();
    let output = rapport.run_in(
        &data_dir_under_a_file(&rapport),
        &["people", "add", "Ada Lovelace", "--json"],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(json_error(&output)["code"], "io");
}

#[test]
fn a_data_file_that_is_not_a_rapport_store_exits_1_and_is_left_untouched() {
    let rapport = Rapport::new();
    let file = rapport.data_dir().join("rapport.sqlite3");
    let garbage = b"this is not a database, just some text that happens to be here".repeat(20);
    std::fs::write(&file, &garbage).unwrap();
    let output = rapport.run(&["people", "add", "Ada Lovelace"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("rapport.sqlite3"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(&file).unwrap(), garbage);
}

// ---------------------------------------------------------------------------------------------
// Data folder

#[test]
fn data_dir_flag_wins_over_the_environment_variable() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    assert!(rapport.data_dir().join("rapport.sqlite3").exists());
    assert!(
        !rapport.env_dir.path().join("rapport.sqlite3").exists(),
        "nothing is written to RAPPORT_DATA_DIR when --data-dir is given"
    );
}

#[test]
fn each_data_folder_is_a_separate_store() {
    let first = Rapport::new();
    let second = Rapport::new();
    first.add_person(&["Ada Lovelace"]);
    assert!(second.people().is_empty());
    assert_eq!(names(&first.people()), vec!["Ada Lovelace"]);
}

// --- graph path ------------------------------------------------------------------------------

#[test]
fn graph_path_to_an_organization_goes_through_whoever_works_there() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace", "--org", "Globex", "--title", "Analyst"]);
    rapport.add_person(&["Sam Lee"]);
    let text = rapport.ok(&["graph", "path", "--to", "Globex"]);
    assert!(text.starts_with("1. You → Ada Lovelace"), "{text}");
    assert!(text.contains("at Globex"), "{text}");
    let paths = rapport.json(&["graph", "path", "--to", "Globex"]);
    let paths = paths.as_array().unwrap();
    assert_eq!(paths.len(), 1);
    assert_eq!(
        paths[0]["steps"][0]["person"]["displayName"],
        "Ada Lovelace"
    );
    assert!(paths[0]["explanation"]
        .as_str()
        .unwrap()
        .contains("Ada Lovelace"));
}

#[test]
fn graph_path_to_a_person_names_them() {
    let rapport = Rapport::new();
    rapport.add_person(&["Sam Lee"]);
    let text = rapport.ok(&["graph", "path", "--to", "Sam Lee"]);
    assert!(text.contains("You → Sam Lee"), "{text}");
}

#[test]
fn graph_path_to_someone_unknown_or_too_far_is_bad_input() {
    let rapport = Rapport::new();
    rapport.add_person(&["Sam Lee"]);
    let unknown = rapport.run(&["graph", "path", "--to", "Nobody Atall"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("Nobody Atall"));
    let too_far = rapport.run(&["graph", "path", "--to", "Sam Lee", "--hops", "4"]);
    assert_eq!(too_far.status.code(), Some(2));
}

#[path = "cli/data.rs"]
mod data;
