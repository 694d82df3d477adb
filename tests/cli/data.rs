//! Getting a network in and out from the command line: imports that never duplicate, exports,
//! backups and restores.

use std::path::PathBuf;

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
