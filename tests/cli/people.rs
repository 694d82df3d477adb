//! `rapport people`: adding a person, the list grouped under circles, and the search.

use super::*;

// ---------------------------------------------------------------------------------------------
// people add

#[test]
fn people_add_prints_the_new_id_and_name() {
    let rapport = Rapport::new();
    let out = rapport.ok(&["people", "add", "Ada Lovelace"]);
    let line = out.trim();
    assert!(line.starts_with("Added #"), "{out}");
    assert!(line.ends_with(" Ada Lovelace"), "{out}");
    let id: i64 = line["Added #".len()..line.len() - " Ada Lovelace".len()]
        .parse()
        .unwrap_or_else(|e| panic!("no id in {out:?}: {e}"));
    assert_eq!(ids(&rapport.people()), vec![id]);
}

#[test]
fn people_add_with_json_prints_the_person_with_every_field_given() {
    let rapport = Rapport::new();
    let person = rapport.add_person(&[
        "Ada Lovelace",
        "--circle",
        "Classmates",
        "--org",
        "Analytical Engines Ltd",
        "--title",
        "Programmer",
        "--email",
        "ada@example.org",
    ]);
    assert!(person["id"].is_i64(), "{person}");
    assert_eq!(person["displayName"], "Ada Lovelace");
    assert_eq!(person["circle"], "Classmates");
    assert_eq!(person["organization"], "Analytical Engines Ltd");
    assert_eq!(person["title"], "Programmer");
    assert_eq!(person["email"], "ada@example.org");
    assert_eq!(person["tags"], serde_json::json!([]));
    assert_eq!(person["archived"], false);
    assert_eq!(person["isMe"], false);
}

#[test]
fn people_add_leaves_unset_fields_null() {
    let rapport = Rapport::new();
    let person = rapport.add_person(&["Grace Hopper"]);
    for field in ["circle", "organization", "title", "email"] {
        assert!(person[field].is_null(), "{field} should be null: {person}");
    }
}

// ---------------------------------------------------------------------------------------------
// people list

#[test]
fn people_list_json_is_an_array_of_everyone_added_but_not_the_user() {
    let rapport = Rapport::new();
    let ada = rapport.add_person(&["Ada Lovelace", "--circle", "Classmates"]);
    let grace = rapport.add_person(&["Grace Hopper", "--org", "US Navy", "--title", "Admiral"]);
    let people = rapport.people();
    assert_eq!(people.len(), 2, "{people:?}");
    let mut listed = ids(&people);
    listed.sort();
    assert_eq!(listed, vec![id_of(&ada), id_of(&grace)]);
    for person in &people {
        for field in [
            "id",
            "displayName",
            "circle",
            "organization",
            "title",
            "email",
            "tags",
            "archived",
        ] {
            assert!(person.get(field).is_some(), "{field} missing from {person}");
        }
        assert_eq!(person["isMe"], false);
    }
    let grace = people
        .iter()
        .find(|p| p["displayName"] == "Grace Hopper")
        .expect("Grace is listed");
    assert_eq!(grace["organization"], "US Navy");
    assert_eq!(grace["title"], "Admiral");
}

#[test]
fn people_list_json_of_an_empty_store_is_an_empty_array() {
    let rapport = Rapport::new();
    assert_eq!(rapport.people(), Vec::<Value>::new());
}

#[test]
fn people_list_text_groups_people_under_their_circle() {
    let rapport = Rapport::new();
    rapport.ok(&["people", "add", "Ada Lovelace", "--circle", "Classmates"]);
    rapport.ok(&["people", "add", "Alan Turing", "--circle", "Classmates"]);
    rapport.ok(&["people", "add", "Mary Jackson", "--circle", "Family"]);
    let out = rapport.ok(&["people", "list"]);
    let lines: Vec<&str> = out.lines().collect();

    let heading = |name: &str| {
        lines
            .iter()
            .position(|l| *l == name)
            .unwrap_or_else(|| panic!("no heading line {name:?} in\n{out}"))
    };
    let line_of = |name: &str| {
        lines
            .iter()
            .position(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} not listed in\n{out}"))
    };
    let family = heading("Family");
    let classmates = heading("Classmates");
    for (person, circle) in [
        ("Ada Lovelace", classmates),
        ("Alan Turing", classmates),
        ("Mary Jackson", family),
    ] {
        let at = line_of(person);
        assert!(
            lines[at].starts_with(char::is_whitespace),
            "{person} is indented under its circle:\n{out}"
        );
        let closest_heading = lines[..at]
            .iter()
            .rposition(|l| !l.is_empty() && !l.starts_with(char::is_whitespace))
            .expect("a heading above");
        assert_eq!(
            closest_heading, circle,
            "{person} is under the wrong circle:\n{out}"
        );
    }
}

#[test]
fn people_list_text_puts_people_without_a_circle_under_no_circle() {
    let rapport = Rapport::new();
    rapport.ok(&["people", "add", "Grace Hopper"]);
    let out = rapport.ok(&["people", "list"]);
    let lines: Vec<&str> = out.lines().collect();
    let heading = lines
        .iter()
        .position(|l| *l == "No circle")
        .unwrap_or_else(|| panic!("no \"No circle\" heading in\n{out}"));
    assert!(lines[heading + 1].starts_with(char::is_whitespace), "{out}");
    assert!(lines[heading + 1].contains("Grace Hopper"), "{out}");
}

// ---------------------------------------------------------------------------------------------
// people search

#[test]
fn people_search_ignores_accents() {
    let rapport = Rapport::new();
    rapport.add_person(&["María Ñúñez"]);
    rapport.add_person(&["Mario Rossi"]);
    let found = array(rapport.json(&["people", "search", "nunez"]));
    assert_eq!(names(&found), vec!["María Ñúñez"]);
}

#[test]
fn people_search_matches_word_prefixes() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    rapport.add_person(&["Grace Hopper"]);
    let found = array(rapport.json(&["people", "search", "lov"]));
    assert_eq!(names(&found), vec!["Ada Lovelace"]);
}

#[test]
fn people_search_finds_a_word_of_the_organization() {
    let rapport = Rapport::new();
    rapport.add_person(&["Katherine Johnson", "--org", "Langley Research Center"]);
    rapport.add_person(&["Grace Hopper", "--org", "US Navy"]);
    let found = array(rapport.json(&["people", "search", "research"]));
    assert_eq!(names(&found), vec!["Katherine Johnson"]);
}

#[test]
fn people_search_with_no_match_is_an_empty_array() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let found = array(rapport.json(&["people", "search", "zzz"]));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn people_search_text_prints_one_line_per_match_with_its_id() {
    let rapport = Rapport::new();
    let ada = rapport.add_person(&["Ada Lovelace"]);
    rapport.add_person(&["Grace Hopper"]);
    let out = rapport.ok(&["people", "search", "ada"]);
    let lines: Vec<&str> = out.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "{out}");
    assert!(lines[0].contains(&format!("#{}", id_of(&ada))), "{out}");
    assert!(lines[0].contains("Ada Lovelace"), "{out}");
}
