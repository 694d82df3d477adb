//! Getting a network in and out from the command line: imports that never duplicate, exports,
//! backups and restores.

use std::path::PathBuf;

use serde_json::json;

use super::*;

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

#[test]
fn importing_the_same_linkedin_file_twice_leaves_the_same_number_of_people() {
    let rapport = Rapport::new();
    let file = fixture("linkedin/Connections.csv");
    let first = rapport.json(&["import", "linkedin", &file]);
    assert_eq!(first["new"], 5);
    assert_eq!(first["written"], true);
    assert_eq!(people_count(&rapport), 5);
    let second = rapport.json(&["import", "linkedin", &file]);
    assert_eq!(
        (second["new"].as_u64(), second["unchanged"].as_u64()),
        (Some(0), Some(5))
    );
    assert_eq!(people_count(&rapport), 5);
}

#[test]
fn a_dry_run_says_what_would_happen_and_writes_nothing() {
    let rapport = Rapport::new();
    let text = rapport.ok(&[
        "import",
        "linkedin",
        &fixture("linkedin/Connections.csv"),
        "--dry-run",
    ]);
    assert!(
        text.contains("5 contacts — 5 new, 0 updated, 0 unchanged"),
        "{text}"
    );
    assert!(text.contains("line 9: no name"), "{text}");
    assert!(text.contains("Nothing was written"), "{text}");
    assert_eq!(people_count(&rapport), 0);
}

#[test]
fn a_file_that_cannot_be_imported_is_refused_with_exit_2_and_the_store_is_unchanged() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let database = rapport.data_dir().join("rapport.sqlite3");
    let before = std::fs::read(&database).unwrap();
    for (format, file, says) in [
        ("linkedin", fixture("hostile/binary.bin"), "not a text file"),
        (
            "linkedin",
            fixture("hostile/not-linkedin.csv"),
            "not a LinkedIn connections export",
        ),
        (
            "linkedin",
            fixture("hostile/empty.csv"),
            "not a LinkedIn connections export",
        ),
        (
            "linkedin",
            fixture("hostile/no-such-file.csv"),
            "There is no file",
        ),
        ("linkedin", fixture("hostile"), "is a folder"),
    ] {
        let output = rapport.run(&["import", format, &file]);
        assert_eq!(output.status.code(), Some(2), "{file}: {}", stderr(&output));
        assert!(
            stderr(&output).contains(says),
            "{file}: {}",
            stderr(&output)
        );
    }
    assert_eq!(
        std::fs::read(&database).unwrap(),
        before,
        "the store file is byte-identical"
    );
}

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

#[test]
fn a_backup_can_be_restored_and_a_bad_file_is_refused() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let backup = rapport.data_dir().join("elsewhere/ada.sqlite3");
    let info = rapport.json(&["backup", "--out", backup.to_str().unwrap()]);
    assert_eq!(info["people"], 1);
    rapport.add_person(&["Charles Babbage"]);
    assert_eq!(people_count(&rapport), 2);
    let restored = rapport.json(&["restore", backup.to_str().unwrap()]);
    assert_eq!(restored["people"], 1);
    assert_eq!(people_count(&rapport), 1);
    assert!(PathBuf::from(restored["previousSavedTo"].as_str().unwrap()).exists());

    let output = rapport.run(&["restore", &fixture("linkedin/Connections.csv")]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("is not a Rapport data file"),
        "{}",
        stderr(&output)
    );
    assert_eq!(people_count(&rapport), 1);
    let default = rapport.json(&["backup"]);
    assert!(
        default["path"].as_str().unwrap().contains("backups"),
        "{default}"
    );
}

/// A virtual environment with the pinned parsers of tests/python/requirements.txt, made once
/// under target/ and reused.
fn python_with_parsers() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let venv = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("python-venv");
    let python = venv.join("bin/python");
    let requirements = root.join("tests/python/requirements.txt");
    let stamp = venv.join("requirements.txt");
    let current = std::fs::read(&stamp).ok() == std::fs::read(&requirements).ok();
    if !python.exists() || !current {
        let made = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status();
        assert!(
            made.is_ok_and(|s| s.success()),
            "python3 -m venv failed: install python3 and python3-venv (scripts/test.sh does)"
        );
        let installed = Command::new(&python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-r",
            ])
            .arg(&requirements)
            .status()
            .expect("pip runs");
        assert!(
            installed.success(),
            "pip could not install {}",
            requirements.display()
        );
        std::fs::copy(&requirements, &stamp).unwrap();
    }
    python
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
