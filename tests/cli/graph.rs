//! `rapport graph path`: the warm introductions to an organization or a person.

use super::*;

#[test]
fn graph_path_to_an_organization_goes_through_whoever_works_there() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace", "--org", "Globex", "--title", "Analyst"]);
    rapport.add_person(&["Sam Lee"]);
    let text = rapport.ok(&["graph", "path", "--to", "Globex"]);
    assert!(text.starts_with("1. You → Ada Lovelace"), "{text}");
    assert!(text.contains("at Globex"), "{text}");
    let paths = rapport.json(&["graph", "path", "--to", "Globex"]);
    let paths = paths.as_array().unwrap();
    assert_eq!(paths.len(), 1);
    assert_eq!(
        paths[0]["steps"][0]["person"]["displayName"],
        "Ada Lovelace"
    );
    assert!(paths[0]["explanation"]
        .as_str()
        .unwrap()
        .contains("Ada Lovelace"));
}

#[test]
fn graph_path_to_a_person_names_them() {
    let rapport = Rapport::new();
    rapport.add_person(&["Sam Lee"]);
    let text = rapport.ok(&["graph", "path", "--to", "Sam Lee"]);
    assert!(text.contains("You → Sam Lee"), "{text}");
}

#[test]
fn graph_path_to_someone_unknown_or_too_far_is_bad_input() {
    let rapport = Rapport::new();
    rapport.add_person(&["Sam Lee"]);
    let unknown = rapport.run(&["graph", "path", "--to", "Nobody Atall"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("Nobody Atall"));
    let too_far = rapport.run(&["graph", "path", "--to", "Sam Lee", "--hops", "4"]);
    assert_eq!(too_far.status.code(), Some(2));
}
