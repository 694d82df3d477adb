//! Errors with `--json`: one JSON object on stderr, with its code and the field at fault or
//! the people a name matched.

use super::*;

#[test]
fn with_json_invalid_input_is_a_json_error_naming_the_field() {
    let rapport = Rapport::new();
    let output = rapport.run(&["people", "add", "", "--json"]);
    assert_bad_input(&output);
    let error = json_error(&output);
    assert_eq!(error["code"], "invalid_input");
    assert_eq!(error["field"], "displayName");
}

#[test]
fn with_json_a_bad_due_date_is_an_invalid_input_json_error() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let output = rapport.run(&[
        "followups",
        "add",
        "--person",
        "Ada Lovelace",
        "--title",
        "Call",
        "--due",
        "soon",
        "--json",
    ]);
    assert_bad_input(&output);
    let error = json_error(&output);
    assert_eq!(error["code"], "invalid_input");
    assert_eq!(error["field"], "due");
}

#[test]
fn with_json_an_unknown_person_is_a_not_found_json_error() {
    let rapport = Rapport::new();
    let output = rapport.run(&[
        "followups",
        "add",
        "--person",
        "Nobody",
        "--title",
        "Call",
        "--due",
        "+1d",
        "--json",
    ]);
    assert_bad_input(&output);
    assert_eq!(json_error(&output)["code"], "not_found");
}

#[test]
fn with_json_an_unknown_followup_is_a_not_found_json_error() {
    let rapport = Rapport::new();
    let output = rapport.run(&["followups", "done", "42", "--json"]);
    assert_bad_input(&output);
    assert_eq!(json_error(&output)["code"], "not_found");
}

#[test]
fn with_json_an_ambiguous_name_is_an_ambiguous_json_error_with_the_matches() {
    let rapport = Rapport::new();
    let ana_n = rapport.add_person(&["Ana Núñez"]);
    let ana_p = rapport.add_person(&["Ana Pérez"]);
    let output = rapport.run(&[
        "followups",
        "add",
        "--person",
        "ana",
        "--title",
        "Call",
        "--due",
        "+1d",
        "--json",
    ]);
    assert_bad_input(&output);
    let error = json_error(&output);
    assert_eq!(error["code"], "ambiguous");
    let mut matched = ids(&array(error["matches"].clone()));
    matched.sort();
    assert_eq!(matched, vec![id_of(&ana_n), id_of(&ana_p)]);
    for m in error["matches"].as_array().unwrap() {
        assert!(m["displayName"].is_string(), "{m}");
    }
}
