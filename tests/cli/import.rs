//! Getting a network in from the command line: imports that never duplicate, a dry run that
//! writes nothing, and files refused with the store unchanged.

use super::*;

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
fn a_preview_says_which_charset_it_assumed_for_text_that_declared_none() {
    let rapport = Rapport::new();
    let text = rapport.ok(&[
        "import",
        "vcard",
        &fixture("vcard/outlook-hebrew-undeclared-2.1.vcf"),
        "--dry-run",
    ]);
    assert!(text.contains("read as windows-1255 (detected)"), "{text}");
    assert!(text.contains("check that their names read right"), "{text}");
}
