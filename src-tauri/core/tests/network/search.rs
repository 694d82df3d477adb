//! Search: every word a prefix, case and accents ignored, over names, organizations and notes.

use crate::common::{add, clock_at, memory_store};
use rapport_core::followups::interactions::{InteractionInput, InteractionKind};
use rapport_core::network::people::PersonInput;

fn names(people: Vec<rapport_core::network::people::Person>) -> Vec<String> {
    people.into_iter().map(|p| p.display_name).collect()
}

#[test]
fn every_word_matches_as_a_prefix() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    add(&store, "Ada Lovelace");
    add(&store, "Adam Smith");
    assert_eq!(
        names(store.search_people("ada lov").unwrap()),
        ["Ada Lovelace"]
    );
    assert_eq!(names(store.search_people("ad").unwrap()).len(), 2);
    assert_eq!(
        names(store.search_people("LOVE").unwrap()),
        ["Ada Lovelace"]
    );
}

#[test]
fn accents_are_ignored_both_ways() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    add(&store, "Ñúñez García");
    add(&store, "Zoe Noel");
    assert_eq!(
        names(store.search_people("nunez").unwrap()),
        ["Ñúñez García"]
    );
    assert_eq!(
        names(store.search_people("garcía").unwrap()),
        ["Ñúñez García"]
    );
    assert_eq!(names(store.search_people("NOËL").unwrap()), ["Zoe Noel"]);
}

#[test]
fn notes_organizations_titles_tags_and_interactions_are_searched() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    let person = store
        .add_person(PersonInput {
            organization: Some("Globex".into()),
            title: Some("Data scientist".into()),
            notes: Some("Loves birdwatching".into()),
            tags: vec!["alumni".into()],
            ..PersonInput::named("Kim")
        })
        .unwrap();
    for word in ["birdwatch", "globex", "scien", "alum"] {
        assert_eq!(names(store.search_people(word).unwrap()), ["Kim"], "{word}");
    }
    store
        .log_interaction(InteractionInput {
            person_ids: vec![person.id],
            kind: InteractionKind::Call,
            occurred_at: None,
            medium: None,
            summary: "Talked about volcanology".into(),
            notes: String::new(),
        })
        .unwrap();
    assert_eq!(names(store.search_people("volcano").unwrap()), ["Kim"]);
}

#[test]
fn an_edit_is_searchable_at_once() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    let person = add(&store, "Lee");
    store
        .update_person(
            person.id,
            PersonInput {
                notes: Some("quantum".into()),
                ..PersonInput::named("Lee")
            },
        )
        .unwrap();
    assert_eq!(names(store.search_people("quant").unwrap()), ["Lee"]);
    store
        .update_person(person.id, PersonInput::named("Lee"))
        .unwrap();
    assert!(store.search_people("quant").unwrap().is_empty());
}

#[test]
fn punctuation_and_query_syntax_are_plain_text() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    add(&store, "O'Brien");
    for typed in ["\"", "*", "OR", "NEAR(", "a AND", ")(", "-", "o'bri"] {
        store.search_people(typed).unwrap();
    }
    assert_eq!(names(store.search_people("o'bri").unwrap()), ["O'Brien"]);
    assert!(store.search_people("  ").unwrap().is_empty());
}

#[test]
fn the_user_is_never_a_search_result() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    assert!(store.search_people("me").unwrap().is_empty());
}

#[test]
fn names_that_match_come_first_alphabetically_then_matches_elsewhere_newest_first() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    for (name, notes) in [
        ("Zoe Walker", "met at the design meetup"),
        ("Desmond Tutu", ""),
        ("Bea Jones", "design systems lead"),
        ("Ada Designer", ""),
    ] {
        store
            .add_person(PersonInput {
                notes: Some(notes.into()),
                ..PersonInput::named(name)
            })
            .unwrap();
    }
    // "des" is in two names (alphabetically), then in two people's notes (newest first).
    assert_eq!(
        names(store.search_people("des").unwrap()),
        ["Ada Designer", "Desmond Tutu", "Bea Jones", "Zoe Walker"]
    );
}

#[test]
fn a_search_returns_at_most_a_hundred_however_many_match() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    for n in 0..150 {
        add(&store, &format!("Ada Number{n}"));
    }
    assert_eq!(
        store.search_people("a").unwrap().len(),
        rapport_core::network::search::MAX_RESULTS
    );
}

#[test]
fn a_whole_name_word_comes_first_however_many_newer_names_start_with_it() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    add(&store, "Li Wei");
    for n in 0..120 {
        add(&store, &format!("Lisa Number{n}"));
    }
    let found = names(store.search_people("li").unwrap());
    assert_eq!(found.len(), rapport_core::network::search::MAX_RESULTS);
    assert_eq!(found[0], "Li Wei");
}

#[test]
fn a_name_that_keeps_the_accents_typed_comes_before_names_found_by_folding_them() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    add(&store, "Ana Murphy");
    add(&store, "Ana Müller");
    add(&store, "Ana Murazik");
    assert_eq!(
        names(store.search_people("mü").unwrap()),
        ["Ana Müller", "Ana Murazik", "Ana Murphy"]
    );
    assert_eq!(
        names(store.search_people("MÜL").unwrap()),
        ["Ana Müller"],
        "folding still finds it"
    );
    // Typed without accents, every name is as good a match: alphabetical, as before.
    assert_eq!(
        names(store.search_people("mu").unwrap()),
        ["Ana Murazik", "Ana Murphy", "Ana Müller"]
    );
}

#[test]
fn a_whole_name_word_still_comes_before_a_start_that_keeps_the_accents() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    add(&store, "Müller Ana");
    add(&store, "Mu Chen");
    add(&store, "Mü Li");
    add(&store, "Murphy Bo");
    assert_eq!(
        names(store.search_people("mü").unwrap()),
        ["Mü Li", "Mu Chen", "Müller Ana", "Murphy Bo"]
    );
}

#[test]
fn the_accented_name_comes_first_however_many_newer_names_fold_to_the_same_start() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    add(&store, "Jonas Müller");
    for n in 0..150 {
        add(&store, &format!("Number{n} Murphy"));
    }
    let found = names(store.search_people("mü").unwrap());
    assert_eq!(found.len(), rapport_core::network::search::MAX_RESULTS);
    assert_eq!(found[0], "Jonas Müller");
    let summaries = store.search_people_summaries("mü").unwrap();
    assert_eq!(summaries[0].display_name, "Jonas Müller");
}

#[test]
fn an_edit_or_a_deletion_reaches_the_names_kept_with_their_accents() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    let person = add(&store, "Zoë Noel");
    add(&store, "Zoe Adams");
    assert_eq!(names(store.search_people("zoë").unwrap())[0], "Zoë Noel");
    store
        .update_person(person.id, PersonInput::named("Zoe Noel"))
        .unwrap();
    assert_eq!(
        names(store.search_people("zoë").unwrap()),
        ["Zoe Adams", "Zoe Noel"]
    );
    store
        .update_person(person.id, PersonInput::named("Chloé Noel"))
        .unwrap();
    store.delete_person(person.id).unwrap();
    assert!(store.search_people("chloé").unwrap().is_empty());
}
