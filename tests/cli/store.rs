//! The data folder: which one is used and that each is a store of its own, the failures that
//! are not the input's fault (exit 1), and backups and restores.

use super::*;

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

// ---------------------------------------------------------------------------------------------
// Backups and restores

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
