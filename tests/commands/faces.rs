//! A person's addresses and face over IPC: the photo's bytes cross as the raw body (as an
//! import's file does), errors come back beside the field, and lists learn only photo ids.

use super::*;

fn photo_fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/photos/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn set_photo(app: &TestApp, person: Option<i64>, bytes: &[u8]) -> Result<Value, Value> {
    let mut headers = tauri::http::HeaderMap::new();
    if let Some(person) = person {
        headers.insert("rapport-person-id", person.to_string().parse().unwrap());
    }
    let request = InvokeRequest {
        cmd: "set_person_photo".into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: super::APP_ORIGIN.parse().unwrap(),
        body: InvokeBody::Raw(bytes.to_vec()),
        headers,
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(&app.main_window(), request).map(|body| body.deserialize::<Value>().unwrap())
}

#[test]
fn a_photo_is_set_from_raw_bytes_listed_by_id_fetched_as_a_thumbnail_and_removed() {
    let app = TestApp::with_real_context();
    let ada = id_of(&app.add_person(json!({ "displayName": "Ada Lovelace" })));
    let photo = set_photo(&app, Some(ada), &photo_fixture("face.jpg")).unwrap();
    assert_eq!(
        (&photo["width"], &photo["height"], &photo["mediaType"]),
        (&json!(240), &json!(240), &json!("image/jpeg"))
    );
    let photo_id = photo["id"].as_i64().unwrap();
    let listed = app.ok("list_people_summaries", json!({}));
    assert_eq!(listed[0]["photo"], photo_id);
    let found = app.ok("search_people", json!({ "query": "ada" }));
    assert_eq!(found[0]["photo"], photo_id, "the palette learns it too");
    let thumbnails = app.ok("photo_thumbnails", json!({ "ids": [photo_id, 999] }));
    assert_eq!(thumbnails.as_array().unwrap().len(), 1);
    assert!(thumbnails[0]["dataUri"]
        .as_str()
        .unwrap()
        .starts_with("data:image/jpeg;base64,/9j/"));
    assert_eq!(app.ok("person_photo", json!({ "id": ada }))["id"], photo_id);
    assert_eq!(app.ok("remove_person_photo", json!({ "id": ada })), true);
    assert_eq!(app.ok("person_photo", json!({ "id": ada })), Value::Null);
}

#[test]
fn a_photo_that_is_not_an_image_or_for_no_one_is_refused_beside_the_photo_field() {
    let app = TestApp::with_real_context();
    let ada = id_of(&app.add_person(json!({ "displayName": "Ada Lovelace" })));
    let error = set_photo(&app, Some(ada), b"%PDF-1.7 not a face").unwrap_err();
    assert_eq!(
        (&error["code"], &error["field"]),
        (&json!("invalid_input"), &json!("photo"))
    );
    let error = set_photo(&app, None, &photo_fixture("square.png")).unwrap_err();
    assert_eq!(error["field"], "photo");
    let error = set_photo(&app, Some(ada + 100), &photo_fixture("square.png")).unwrap_err();
    assert_eq!(error["code"], "not_found");
}

#[test]
fn addresses_are_read_and_replaced_and_a_bad_one_is_refused_beside_the_address_field() {
    let app = TestApp::with_real_context();
    let ada = id_of(&app.add_person(json!({ "displayName": "Ada Lovelace" })));
    let stored = app.ok(
        "set_person_addresses",
        json!({ "id": ada, "addresses": [
            { "kind": "home", "street": "12 St James's Square", "locality": "London", "country": "UK" },
            { "kind": "work", "label": "Lab", "street": "" }
        ]}),
    );
    assert_eq!(
        stored.as_array().unwrap().len(),
        1,
        "the empty one is dropped"
    );
    assert_eq!(stored[0]["street"], "12 St James's Square");
    assert_eq!(app.ok("person_addresses", json!({ "id": ada })), stored);
    let error = app.err(
        "set_person_addresses",
        json!({ "id": ada, "addresses": [{ "kind": "home", "street": "x".repeat(501) }] }),
    );
    assert_eq!(
        (&error["code"], &error["field"]),
        (&json!("invalid_input"), &json!("address"))
    );
}
