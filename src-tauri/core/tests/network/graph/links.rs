//! Typed links: dated, seen from both ends, kept once, removed, and hidden with a deleted person.

use super::{store, NOW};
use crate::common::{add, at, link};
use rapport_core::network::links::{LinkInput, LinkKind};

#[test]
fn a_link_is_typed_dated_and_seen_from_both_ends() {
    let store = store();
    let ada = add(&store, "Ada").id;
    let charles = add(&store, "Charles").id;
    let link = store
        .add_link(LinkInput {
            from_person_id: charles,
            to_person_id: ada,
            kind: LinkKind::IntroducedBy,
            note: "  At the Royal Society  ".into(),
            happened_on: Some(at("2025-06-01T00:00:00Z")),
        })
        .unwrap();
    assert_eq!(link.kind, LinkKind::IntroducedBy);
    assert_eq!(link.note, "At the Royal Society");
    assert_eq!(link.happened_on, Some(at("2025-06-01T00:00:00Z")));
    assert_eq!(link.created_at, at(NOW));
    assert_eq!(link.from.display_name, "Charles");
    assert_eq!(link.to.display_name, "Ada");

    let of_ada = store.links_of(ada).unwrap();
    let of_charles = store.links_of(charles).unwrap();
    assert_eq!(of_ada, vec![link.clone()]);
    assert_eq!(of_charles, vec![link.clone()]);
    assert_eq!(of_ada[0].other(ada).display_name, "Charles");
    assert_eq!(of_charles[0].other(charles).display_name, "Ada");
}

#[test]
fn a_person_cannot_be_linked_to_themselves_or_to_nobody() {
    let store = store();
    let ada = add(&store, "Ada").id;
    let err = store
        .add_link(LinkInput {
            from_person_id: ada,
            to_person_id: ada,
            kind: LinkKind::Knows,
            note: String::new(),
            happened_on: None,
        })
        .unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    assert_eq!(err.field(), Some("toPersonId"));

    let err = store
        .add_link(LinkInput {
            from_person_id: ada,
            to_person_id: 9999,
            kind: LinkKind::Knows,
            note: String::new(),
            happened_on: None,
        })
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert_eq!(store.links_of(9999).unwrap_err().code(), "not_found");
    assert!(store.links_of(ada).unwrap().is_empty());
}

#[test]
fn the_same_link_twice_is_kept_once_and_mutual_kinds_match_either_way() {
    let store = store();
    let ada = add(&store, "Ada").id;
    let bob = add(&store, "Bob").id;
    let first = link(&store, ada, bob, LinkKind::Knows);
    let again = store
        .add_link(LinkInput {
            from_person_id: bob,
            to_person_id: ada,
            kind: LinkKind::Knows,
            note: "Rowing club".into(),
            happened_on: None,
        })
        .unwrap();
    assert_eq!(again.id, first);
    assert_eq!(again.note, "Rowing club");
    // Adding it once more without a note keeps the note.
    let kept = link(&store, ada, bob, LinkKind::Knows);
    assert_eq!(kept, first);
    assert_eq!(store.links_of(ada).unwrap()[0].note, "Rowing club");

    // A mentor link has a direction: Bob as Ada's mentor is not Ada as Bob's.
    link(&store, ada, bob, LinkKind::Mentor);
    link(&store, bob, ada, LinkKind::Mentor);
    assert_eq!(store.links_of(ada).unwrap().len(), 3);
}

#[test]
fn a_removed_link_is_returned_and_gone() {
    let store = store();
    let ada = add(&store, "Ada").id;
    let bob = add(&store, "Bob").id;
    let id = link(&store, ada, bob, LinkKind::Colleague);
    let removed = store.remove_link(id).unwrap();
    assert_eq!(removed.id, id);
    assert_eq!(removed.kind, LinkKind::Colleague);
    assert!(store.links_of(ada).unwrap().is_empty());
    assert_eq!(store.remove_link(id).unwrap_err().code(), "not_found");
}

#[test]
fn links_to_a_deleted_person_are_not_listed() {
    let store = store();
    let ada = add(&store, "Ada").id;
    let bob = add(&store, "Bob").id;
    let cleo = add(&store, "Cleo").id;
    link(&store, ada, bob, LinkKind::Knows);
    link(&store, cleo, ada, LinkKind::Family);
    store.delete_person(bob).unwrap();
    let links = store.links_of(ada).unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].other(ada).display_name, "Cleo");
}
