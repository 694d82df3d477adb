//! Likely duplicates, through the real ACL: found, merged, the merge undone, marked distinct.

use super::*;

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
