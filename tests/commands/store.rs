//! The store behind the app: backups listed and restored by their plain name only, and the
//! data folder, the same one the CLI uses.

use super::*;

#[test]
fn backups_are_listed_and_only_a_backup_by_its_plain_name_can_be_restored() {
    let app = TestApp::with_real_context();
    app.add_person(json!({ "displayName": "Ada Lovelace" }));
    let backup = app.ok("backup_now", json!({}));
    app.add_person(json!({ "displayName": "Charles Babbage" }));
    let listed = app.ok("list_backups", json!({}));
    let path = std::path::PathBuf::from(backup["path"].as_str().unwrap());
    let name = path.file_name().unwrap().to_str().unwrap();
    assert!(
        listed.as_array().unwrap().iter().any(|b| b["name"] == name),
        "{listed}"
    );
    for outside in ["../rapport.sqlite3", "/etc/passwd", ""] {
        assert_invalid(
            &app.err("restore_backup", json!({ "name": outside })),
            "backup",
        );
    }
    let restored = app.ok("restore_backup", json!({ "name": name }));
    assert_eq!(restored["people"], 1);
    assert_eq!(names(&app.ok("list_people", json!({}))), ["Ada Lovelace"]);
}

#[test]
fn the_app_and_the_cli_agree_on_the_data_folder() {
    let app = TestApp::with_real_context();
    let app_data_dir = app.app.path().app_data_dir().expect("app_data_dir");
    assert_eq!(
        Some(app_data_dir),
        rapport_core::store::paths::default_data_dir(),
        "Tauri's app_data_dir() and rapport_core::store::paths::default_data_dir() must be the same folder"
    );
    assert_eq!(
        app.app.config().identifier,
        rapport_core::store::paths::APP_IDENTIFIER
    );
}
