//! Circles as people say them on the command line: any case and accents, singular or plural, or
//! a start no other circle shares; a word several circles start with is refused with them.

use super::*;

fn circle_of(person: &Value) -> &str {
    person["circle"]
        .as_str()
        .unwrap_or_else(|| panic!("no circle in {person}"))
}

#[test]
fn people_add_takes_a_circle_in_the_singular_lower_case_or_by_its_start() {
    let rapport = Rapport::new();
    for (name, typed, circle) in [
        ("Ada Lovelace", "classmate", "Classmates"),
        ("Charles Babbage", "professor", "Professors & advisors"),
        ("Mary Somerville", "prof", "Professors & advisors"),
        ("Augustus De Morgan", "friend", "Friends"),
        ("Annabella Milbanke", "FAMILY", "Family"),
        ("Lord Byron", "Clàssmates", "Classmates"),
    ] {
        let person = rapport.add_person(&[name, "--circle", typed]);
        assert_eq!(circle_of(&person), circle, "--circle {typed}");
    }
}

#[test]
fn a_circle_several_circles_start_with_is_refused_with_exit_2_and_the_candidates() {
    let rapport = Rapport::new();
    let before = rapport.snapshot();
    let message =
        assert_bad_input(&rapport.run(&["people", "add", "Ada Lovelace", "--circle", "c"]));
    for circle in ["Classmates", "Coworkers", "Community"] {
        assert!(message.contains(circle), "{circle} in: {message}");
    }
    assert_eq!(rapport.snapshot(), before, "nothing was written");
}

#[test]
fn with_json_an_ambiguous_circle_is_an_ambiguous_error_with_each_circle_id_and_name() {
    let rapport = Rapport::new();
    let output = rapport.run(&["people", "add", "Ada Lovelace", "--circle", "c", "--json"]);
    assert_bad_input(&output);
    let error = json_error(&output);
    assert_eq!(error["code"], "ambiguous");
    let matches = array(error["matches"].clone());
    let names: Vec<&str> = matches
        .iter()
        .map(|m| m["name"].as_str().expect("each circle has a name"))
        .collect();
    assert_eq!(names, ["Classmates", "Coworkers", "Community"]);
    for m in &matches {
        assert!(m["id"].is_i64(), "{m}");
        assert_eq!(m.as_object().unwrap().len(), 2, "just id and name: {m}");
    }
}
