//! Getting a network out from the command line: exports to a file or standard output, each
//! format read back by Python's own parsers.

use std::path::PathBuf;

use serde_json::json;

use super::*;

#[test]
fn exports_go_to_a_file_or_standard_output() {
    let rapport = Rapport::new();
    rapport.add_person(&[
        "Ada Lovelace",
        "--org",
        "Analytical Engines",
        "--email",
        "ada@analytical.org",
    ]);
    rapport.add_person(&["=cmd|' /C calc'!A0"]);
    let csv = rapport.ok(&["export", "csv"]);
    assert!(csv.starts_with('\u{feff}'), "a BOM for spreadsheets");
    assert!(
        csv.contains("Ada Lovelace,Ada,Lovelace,,Analytical Engines")
            || csv.contains("Ada Lovelace,,,,Analytical Engines"),
        "{csv}"
    );
    assert!(csv.contains("'=cmd|"), "formulas are neutralised: {csv}");
    let out = rapport.data_dir().join("out/everything.json");
    let info = rapport.json(&["export", "json", "--out", out.to_str().unwrap()]);
    assert_eq!(info["format"], "json");
    let document: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(document["format"], "rapport-export");
    let names: Vec<&str> = document["tables"]["person"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["display_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Me", "Ada Lovelace", "=cmd|' /C calc'!A0"]);
}

/// A virtual environment with the pinned parsers of tests/python/requirements.txt.
fn python_with_parsers() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    crate::venv::python_with("python-venv", &root.join("tests/python/requirements.txt"))
}

#[test]
fn every_export_parses_in_python_vobject_icalendar_csv_and_json() {
    let rapport = Rapport::new();
    rapport.ok(&["import", "vcard", &fixture("vcard/network-4.0.vcf")]);
    rapport.add_person(&["=HYPERLINK(\"http://x\")"]);
    rapport.add_followup(
        "Katherine Johnson",
        "Send Katherine the trajectory paper",
        "+2d",
    );
    let out = rapport.data_dir().join("exports");
    let path = |name: &str| out.join(name).display().to_string();
    for (format, file) in [
        ("vcard", "c.vcf"),
        ("ics", "c.ics"),
        ("csv", "c.csv"),
        ("json", "c.json"),
    ] {
        rapport.ok(&["export", format, "--out", &path(file)]);
    }
    let output = Command::new(python_with_parsers())
        .arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/python/check_exports.py"))
        .args([path("c.vcf"), path("c.ics"), path("c.csv"), path("c.json")])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "the parsers refused an export:\n{}",
        stderr(&output)
    );
    let found: Value = serde_json::from_slice(&output.stdout).unwrap();

    let cards = found["cards"].as_array().unwrap();
    let names: Vec<&str> = cards.iter().map(|c| c["fn"].as_str().unwrap()).collect();
    assert_eq!(names.len(), 4, "{names:?}");
    assert!(cards.iter().all(|c| c["version"] == "4.0"));
    let katherine = cards
        .iter()
        .find(|c| c["fn"] == "Katherine Johnson")
        .unwrap();
    assert_eq!(katherine["emails"], json!(["kj@nasa.example"]));
    assert_eq!(
        katherine["related"],
        json!(["urn:uuid:6f1c0a52-3b7e-4c2a-9d41-0c5e8b2f7a10"])
    );
    assert_eq!(katherine["relatedKinds"], json!(["mentor"]));

    let events = found["calendar"]["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["summary"], "Send Katherine the trajectory paper");
    assert_eq!(events[0]["alarms"], 1);

    assert_eq!(found["csv"]["rows"], 4);
    let first_cells = found["csv"]["firstCells"].as_array().unwrap();
    assert!(
        first_cells.contains(&json!("'")),
        "the formula is neutralised: {}",
        found["csv"]
    );
    assert!(!first_cells.contains(&json!("=")));

    assert_eq!(found["json"]["format"], "rapport-export");
    assert_eq!(found["json"]["people"], 5, "you and the four others");
    let tables = found["json"]["tables"].as_array().unwrap();
    for table in ["person", "link", "followup", "organization", "role"] {
        assert!(
            tables.contains(&json!(table)),
            "{table} is in the JSON export"
        );
    }
}

#[test]
fn a_reader_that_stops_after_one_line_ends_the_export_quietly() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::Stdio;

    // Enough people that the CSV outgrows a pipe's buffer, so the export is still writing when
    // the reader goes away (as with `rapport export csv | head -1`).
    let rapport = Rapport::new();
    let cards = rapport.data_dir().join("many.vcf");
    let mut file = std::fs::File::create(&cards).unwrap();
    for i in 0..3000 {
        write!(
            file,
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {i}\r\nN:{i};Person;;;\r\nEMAIL:person{i}@example.org\r\nEND:VCARD\r\n"
        )
        .unwrap();
    }
    drop(file);
    rapport.ok(&["import", "vcard", cards.to_str().unwrap()]);

    let mut export = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .arg("--data-dir")
        .arg(rapport.data_dir())
        .args(["export", "csv"])
        .env("RAPPORT_DATA_DIR", rapport.env_dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the rapport binary runs");
    let mut header = String::new();
    BufReader::new(export.stdout.take().unwrap())
        .read_line(&mut header)
        .unwrap();
    // The reader is dropped here: the pipe is closed with most of the CSV unread.
    let output = export.wait_with_output().unwrap();

    assert!(
        header.starts_with("\u{feff}Name,"),
        "the header came first: {header}"
    );
    let stderr = stderr(&output);
    assert!(!stderr.contains("panicked"), "no panic: {stderr}");
    assert_eq!(output.status.code(), Some(0), "stderr: {stderr}");
}
