//! Naming a circle, an interaction kind or a link kind as people say it: any case and accents,
//! singular or plural, or a start no other name shares; an exact name wins over a start.

use crate::common::{clock_at, memory_store};
use rapport_core::error::{Candidate, Error, ErrorPayload};
use rapport_core::exchange::import::{ImportFormat, Incoming, Parsed};
use rapport_core::followups::interactions::InteractionKind;
use rapport_core::network::links::LinkKind;
use rapport_core::network::naming::{best, fit, Fit};
use rapport_core::network::people::PersonInput;
use rapport_core::Store;

fn store() -> Store {
    memory_store(&clock_at("2026-03-01T12:00:00Z"))
}

fn circle_of(store: &Store, typed: &str) -> String {
    store
        .find_circle(typed)
        .unwrap_or_else(|e| panic!("{typed}: {e}"))
        .name
}

// --- the matcher ------------------------------------------------------------------------------

#[test]
fn a_name_fits_itself_exactly_in_any_case() {
    assert_eq!(fit("Classmates", "Classmates"), Some(Fit::Exact));
    assert_eq!(fit("  classMATES ", "Classmates"), Some(Fit::Exact));
}

#[test]
fn accents_spacing_punctuation_and_number_say_the_same_name() {
    assert_eq!(fit("clàssmâtes", "Classmates"), Some(Fit::Same));
    assert_eq!(fit("classmate", "Classmates"), Some(Fit::Same));
    assert_eq!(fit("friend", "Friends"), Some(Fit::Same));
    assert_eq!(fit("families", "Family"), Some(Fit::Same));
    assert_eq!(fit("co-workers", "Coworkers"), Some(Fit::Same));
    assert_eq!(fit("Événement", "evenements"), Some(Fit::Same));
    assert_eq!(
        fit("professor and advisor", "Professors & advisors"),
        Some(Fit::Same)
    );
    assert_eq!(
        fit("professors   &advisors", "Professors & advisors"),
        Some(Fit::Same)
    );
}

#[test]
fn the_start_of_each_word_fits_as_a_prefix() {
    assert_eq!(fit("prof", "Professors & advisors"), Some(Fit::Prefix));
    assert_eq!(fit("professor", "Professors & advisors"), Some(Fit::Prefix));
    assert_eq!(fit("PROF adv", "Professors & advisors"), Some(Fit::Prefix));
    assert_eq!(fit("stud org", "Student organizations"), Some(Fit::Prefix));
    assert_eq!(fit("c", "Classmates"), Some(Fit::Prefix));
}

#[test]
fn other_words_do_not_fit() {
    assert_eq!(fit("advisors", "Professors & advisors"), None);
    assert_eq!(fit("classmates club", "Classmates"), None);
    assert_eq!(fit("atlantis", "Classmates"), None);
    assert_eq!(fit("", "Classmates"), None);
    assert_eq!(fit(" & ", "Classmates"), None);
}

#[test]
fn the_best_fit_wins_and_several_at_the_best_are_all_returned() {
    let names = [(1, "Friends"), (2, "Friends from work"), (3, "Fri")];
    assert_eq!(
        best("fri", names, Fit::Prefix),
        [3],
        "exact wins over prefix"
    );
    assert_eq!(
        best("friend", names, Fit::Prefix),
        [1],
        "same wins over prefix"
    );
    assert_eq!(best("friends f", names, Fit::Prefix), [2]);
    assert_eq!(best("fr", names, Fit::Prefix), [1, 2, 3], "ambiguous");
    assert_eq!(best("fr", names, Fit::Same), Vec::<i32>::new(), "no looser");
    assert_eq!(best("nobody", names, Fit::Prefix), Vec::<i32>::new());
}

// --- circles ----------------------------------------------------------------------------------

#[test]
fn a_seeded_circle_is_found_as_people_say_it() {
    let store = store();
    for (typed, circle) in [
        ("classmate", "Classmates"),
        ("CLASSMATES", "Classmates"),
        ("Clâssmates", "Classmates"),
        ("professor", "Professors & advisors"),
        ("prof", "Professors & advisors"),
        ("friend", "Friends"),
        ("family", "Family"),
        ("coworker", "Coworkers"),
        ("student org", "Student organizations"),
        ("events and career fairs", "Events & career fairs"),
    ] {
        assert_eq!(circle_of(&store, typed), circle, "{typed}");
    }
}

#[test]
fn a_person_added_with_a_circle_as_people_say_it_is_in_that_circle() {
    let store = store();
    let person = store
        .add_person(PersonInput {
            circle: Some("classmate".into()),
            ..PersonInput::named("Ada Lovelace")
        })
        .unwrap();
    assert_eq!(person.circle.as_deref(), Some("Classmates"));
}

#[test]
fn a_word_that_starts_several_circles_is_ambiguous_and_lists_them() {
    let store = store();
    let error = store.find_circle("c").unwrap_err();
    assert_eq!(error.code(), "ambiguous");
    let Error::Ambiguous { query, matches } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(query, "c");
    let names: Vec<&str> = matches.iter().map(Candidate::name).collect();
    assert_eq!(names, ["Classmates", "Coworkers", "Community"]);
    assert!(matches
        .iter()
        .all(|m| matches!(m, Candidate::Circle { .. })));
    let message = error.to_string();
    assert!(message.contains("3 circles"), "{message}");
    assert!(message.contains("Coworkers"), "{message}");
}

#[test]
fn an_ambiguous_circle_is_written_as_circles_with_ids_and_names() {
    let store = store();
    let coworkers = store.find_circle("Coworkers").unwrap();
    let payload = ErrorPayload::from(&store.find_circle("co").unwrap_err());
    let json = serde_json::to_value(&payload).unwrap();
    assert_eq!(json["code"], "ambiguous");
    assert_eq!(
        json["matches"][0],
        serde_json::json!({"id": coworkers.id, "name": "Coworkers"})
    );
    assert_eq!(json["matches"].as_array().unwrap().len(), 2);
}

#[test]
fn an_ambiguous_person_is_still_written_with_a_display_name() {
    let payload = ErrorPayload::from(&Error::Ambiguous {
        query: "ana".into(),
        matches: vec![
            Candidate::Person {
                id: 3,
                display_name: "Ana Núñez".into(),
            },
            Candidate::Person {
                id: 4,
                display_name: "Ana Pérez".into(),
            },
        ],
    });
    assert_eq!(
        serde_json::to_value(&payload).unwrap(),
        serde_json::json!({
            "code": "ambiguous",
            "message": "“ana” matches 2 people: #3 Ana Núñez, #4 Ana Pérez",
            "matches": [
                {"id": 3, "displayName": "Ana Núñez"},
                {"id": 4, "displayName": "Ana Pérez"},
            ],
        })
    );
}

#[test]
fn an_exact_circle_name_wins_over_a_longer_one_it_starts() {
    let store = store();
    store.add_circle("Co").unwrap();
    assert_eq!(circle_of(&store, "co"), "Co");
    store.add_circle("Friends from work").unwrap();
    assert_eq!(circle_of(&store, "friend"), "Friends");
    assert_eq!(circle_of(&store, "friends f"), "Friends from work");
}

#[test]
fn an_unknown_circle_is_invalid_and_lists_the_circles() {
    let store = store();
    let error = store.find_circle("Atlantis").unwrap_err();
    assert_eq!(error.code(), "invalid_input");
    assert_eq!(error.field(), Some("circle"));
    assert!(error.to_string().contains("Classmates"), "{error}");
}

#[test]
fn a_new_circle_that_is_an_existing_one_said_differently_is_refused() {
    let store = store();
    for name in ["classmate", "CLASSMATES", "Clàssmates"] {
        let error = store.add_circle(name).unwrap_err();
        assert_eq!(error.field(), Some("circle"), "{name}");
        assert!(error.to_string().contains("“Classmates”"), "{error}");
    }
    // A start of one is a circle of its own.
    assert_eq!(store.add_circle("Class").unwrap().name, "Class");
}

#[test]
fn an_import_finds_a_circle_said_differently_but_makes_its_own_of_a_start_or_a_new_name() {
    let store = store();
    let contact = |name: &str, circle: &str| Incoming {
        source: name.into(),
        display_name: name.into(),
        circle: Some(circle.into()),
        ..Incoming::default()
    };
    let parsed = Parsed {
        contacts: vec![
            contact("Ada Lovelace", "Classmates"),
            contact("Alan Turing", "classmate"),
            contact("Grace Hopper", "Prof"),
            contact("Edsger Dijkstra", "C"),
            contact("Barbara Liskov", "Pen pals"),
        ],
        ..Parsed::default()
    };
    let before = store.circles().unwrap().len();
    store
        .import(ImportFormat::Vcard, &parsed, &mut |_| {})
        .unwrap();
    let circle_of_person = |name: &str| store.find_person(name).map(|p| store.person(p.id));
    let circle = |name: &str| circle_of_person(name).unwrap().unwrap().circle.unwrap();
    assert_eq!(circle("Ada Lovelace"), "Classmates");
    assert_eq!(circle("Alan Turing"), "Classmates");
    assert_eq!(
        circle("Grace Hopper"),
        "Prof",
        "a start is not the same name"
    );
    assert_eq!(
        circle("Edsger Dijkstra"),
        "C",
        "an import never stops on an ambiguous word"
    );
    assert_eq!(circle("Barbara Liskov"), "Pen pals");
    assert_eq!(store.circles().unwrap().len(), before + 3);
}

// --- kinds ------------------------------------------------------------------------------------

#[test]
fn interaction_kinds_are_read_as_people_say_them() {
    for (typed, kind) in [
        ("call", InteractionKind::Call),
        ("Calls", InteractionKind::Call),
        (
            "informational interview",
            InteractionKind::InformationalInterview,
        ),
        (
            "informational_interview",
            InteractionKind::InformationalInterview,
        ),
        ("info", InteractionKind::InformationalInterview),
        ("job", InteractionKind::JobInterview),
        ("e-mail", InteractionKind::Email),
        ("Méeting", InteractionKind::Meeting),
    ] {
        assert_eq!(typed.parse::<InteractionKind>().unwrap(), kind, "{typed}");
    }
}

#[test]
fn an_ambiguous_or_unknown_interaction_kind_is_refused_with_what_it_could_be() {
    let error = "e".parse::<InteractionKind>().unwrap_err();
    assert_eq!(error.field(), Some("kind"));
    assert!(error.to_string().contains("email, event"), "{error}");
    let error = "dinner".parse::<InteractionKind>().unwrap_err();
    assert!(error.to_string().contains("job interview"), "{error}");
}

#[test]
fn link_kinds_are_read_as_people_say_them() {
    for (typed, kind) in [
        ("introduced by", LinkKind::IntroducedBy),
        ("Introduced_By", LinkKind::IntroducedBy),
        ("intro", LinkKind::IntroducedBy),
        ("ref", LinkKind::ReferredBy),
        ("colleagues", LinkKind::Colleague),
        ("mentors", LinkKind::Mentor),
        ("knows", LinkKind::Knows),
    ] {
        assert_eq!(typed.parse::<LinkKind>().unwrap(), kind, "{typed}");
    }
    assert_eq!("".parse::<LinkKind>().unwrap_err().field(), Some("kind"));
}
