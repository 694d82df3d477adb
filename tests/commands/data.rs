//! The commands behind import, duplicates, backups and the network map, through the real ACL.

use super::*;

/// Sends `bytes` as a raw body, the way the import screen sends a file.
fn invoke_raw(
    app: &TestApp,
    cmd: &str,
    bytes: &[u8],
    format: Option<&str>,
) -> Result<Value, Value> {
    let mut headers = tauri::http::HeaderMap::new();
    if let Some(format) = format {
        headers.insert("rapport-import-format", format.parse().unwrap());
    }
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body: InvokeBody::Raw(bytes.to_vec()),
        headers,
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(&app.main_window(), request).map(|body| body.deserialize::<Value>().unwrap())
}

fn connections() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/linkedin/Connections.csv"
    ))
    .unwrap()
}

#[test]
fn stage_import_reads_the_raw_bytes_of_a_file_in_the_format_named_by_its_header() {
    let app = TestApp::with_real_context();
    let staged = invoke_raw(&app, "stage_import", &connections(), Some("linkedin")).unwrap();
    assert_eq!(staged["format"], "linkedin");
    assert_eq!(staged["contacts"], 5);
    assert_eq!(staged["skipped"][0]["source"], "line 9");
    let error = invoke_raw(&app, "stage_import", &connections(), None).unwrap_err();
    assert_invalid(&error, "format");
    let error = invoke_raw(&app, "stage_import", b"\x89PNG\0\0", Some("vcard")).unwrap_err();
    assert_invalid(&error, "file");
    let error = app.err("stage_import", json!({}));
    assert_invalid(&error, "format");
    assert_eq!(
        app.ok("list_people", json!({})).as_array().unwrap().len(),
        0,
        "staging writes nothing"
    );
}

#[test]
fn likely_duplicates_can_be_merged_and_the_merge_undone() {
    let app = TestApp::with_real_context();
    let first = id_of(&app.add_person(json!({ "displayName": "Ada Lovelace" })));
    let second =
        id_of(&app.add_person(json!({ "displayName": "ada lovelace", "email": "ada@x.org" })));
    let pairs = app.ok("likely_duplicates", json!({}));
    assert_eq!(pairs[0]["reason"], "same name");
    let outcome = app.ok(
        "merge_people",
        json!({ "survivorId": first, "mergedId": second }),
    );
    assert_eq!(outcome["survivor"]["email"], "ada@x.org");
    assert_eq!(
        app.ok("list_people", json!({})).as_array().unwrap().len(),
        1
    );
    app.ok("undo_merge", json!({ "mergeId": outcome["mergeId"] }));
    assert_eq!(
        app.ok("list_people", json!({})).as_array().unwrap().len(),
        2
    );
    app.ok(
        "mark_distinct",
        json!({ "firstId": first, "secondId": second }),
    );
    assert_eq!(app.ok("likely_duplicates", json!({})), json!([]));
}

#[test]
fn backups_are_listed_and_only_a_backup_by_its_plain_name_can_be_restored() {
    let app = TestApp::with_real_context();
    app.add_person(json!({ "displayName": "Ada Lovelace" }));
    let backup = app.ok("backup_now", json!({}));
    app.add_person(json!({ "displayName": "Charles Babbage" }));
    let listed = app.ok("list_backups", json!({}));
    let name = backup["path"].as_str().unwrap().rsplit('/').next().unwrap();
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
fn the_network_map_is_filtered_by_circle() {
    let app = TestApp::with_real_context();
    app.add_person(json!({ "displayName": "Ada Lovelace", "circle": "Classmates", "organization": "Analytical Engines" }));
    app.add_person(json!({ "displayName": "Charles Babbage", "circle": "Coworkers" }));
    let map = app.ok(
        "network_map",
        json!({ "filter": { "circle": "Classmates" } }),
    );
    let labels: Vec<&str> = map["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        ["You", "Classmates", "Ada Lovelace", "Analytical Engines"]
    );
    assert_eq!(map["circles"], json!(["Classmates", "Coworkers"]));
}
