//! The network map, through the real ACL, filtered by circle.

use super::*;

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
