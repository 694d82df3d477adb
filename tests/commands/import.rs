//! Import: staging the raw bytes of a file in the format its header names, through the real
//! ACL; staging writes nothing.

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
        url: super::APP_ORIGIN.parse().unwrap(),
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
