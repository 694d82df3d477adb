//! Who you know at an organization (directly and through one introduction), and the mutual
//! contacts of two people.

use super::{days_ago, me, met, names, store, works_at};
use crate::common::{add, link};
use rapport_core::network::graph::Tie;
use rapport_core::network::links::LinkKind;
use rapport_core::network::people::PersonInput;

#[test]
fn who_you_know_at_an_organization_directly_and_through_one_introduction() {
    let store = store();
    let charles = works_at(
        &store,
        "Charles Babbage",
        "Analytical Engines",
        Some("Inventor"),
    );
    let mary = works_at(&store, "Mary Somerville", "Analytical Engines", None);
    let ada = add(&store, "Ada Lovelace").id;
    let john = add(&store, "John Herschel").id;
    let dora = add(&store, "Dora").id;
    works_at(&store, "Elsewhere Ed", "Difference Works", None);
    link(&store, ada, charles, LinkKind::Mentor);
    link(&store, charles, john, LinkKind::Knows);
    met(&store, &[dora, mary], days_ago(3));

    for name in ["analytical engines", "ANALYTICAL ENGINES "] {
        let who = store.who_do_i_know_at(name).unwrap();
        assert_eq!(who.organization.name, "Analytical Engines");
        let direct: Vec<_> = who
            .direct
            .iter()
            .map(|k| (k.person.display_name.as_str(), k.title.as_deref()))
            .collect();
        assert_eq!(
            direct,
            [
                ("Charles Babbage", Some("Inventor")),
                ("Mary Somerville", None)
            ]
        );
        let through: Vec<_> = who
            .through_one
            .iter()
            .map(|i| {
                (
                    i.person.display_name.as_str(),
                    i.via.display_name.as_str(),
                    i.tie,
                    i.link_kind,
                )
            })
            .collect();
        assert_eq!(
            through,
            [
                (
                    "Charles Babbage",
                    "Ada Lovelace",
                    Tie::Link,
                    Some(LinkKind::Mentor)
                ),
                (
                    "Charles Babbage",
                    "John Herschel",
                    Tie::Link,
                    Some(LinkKind::Knows)
                ),
                ("Mary Somerville", "Dora", Tie::SharedInteraction, None),
            ]
        );
    }
    let by_id = store
        .who_do_i_know_at(&format!(
            "#{}",
            store
                .who_do_i_know_at("Analytical Engines")
                .unwrap()
                .organization
                .id
        ))
        .unwrap();
    assert_eq!(by_id.direct.len(), 2);
    assert_eq!(
        store.who_do_i_know_at("Nowhere Inc").unwrap_err().code(),
        "not_found"
    );
}

#[test]
fn who_you_know_at_an_organization_leaves_out_you_the_deleted_the_archived_and_those_who_left() {
    let store = store();
    let me = me(&store);
    store
        .update_person(
            me,
            PersonInput {
                organization: Some("Acme".into()),
                ..PersonInput::named("Me")
            },
        )
        .unwrap();
    let stays = works_at(&store, "Stays", "Acme", None);
    let gone = works_at(&store, "Gone", "Acme", None);
    let archived = works_at(&store, "Archived", "Acme", None);
    let left = works_at(&store, "Left", "Acme", None);
    store
        .update_person(
            left,
            PersonInput {
                organization: Some("Elsewhere".into()),
                ..PersonInput::named("Left")
            },
        )
        .unwrap();
    let hidden_via = add(&store, "Hidden via").id;
    link(&store, hidden_via, stays, LinkKind::Colleague);
    link(&store, me, stays, LinkKind::Colleague);
    store.delete_person(gone).unwrap();
    store.set_archived(archived, true).unwrap();
    store.set_archived(hidden_via, true).unwrap();

    let who = store.who_do_i_know_at("Acme").unwrap();
    assert_eq!(
        who.direct
            .iter()
            .map(|k| k.person.display_name.as_str())
            .collect::<Vec<_>>(),
        ["Stays"]
    );
    assert!(who.through_one.is_empty(), "{:?}", who.through_one);
}

#[test]
fn mutual_contacts_are_linked_to_both_or_met_both() {
    let store = store();
    let ada = add(&store, "Ada").id;
    let bob = add(&store, "Bob").id;
    let cleo = add(&store, "Cleo").id;
    let dan = add(&store, "Dan").id;
    let eve = add(&store, "Eve").id;
    let fay = add(&store, "Fay").id;
    // Cleo: linked to both, in either direction and of any kind.
    link(&store, ada, cleo, LinkKind::Mentor);
    link(&store, cleo, bob, LinkKind::Knows);
    // Dan: met Ada and Bob together.
    met(&store, &[ada, bob, dan], days_ago(10));
    // Eve: linked to Ada and met Bob.
    link(&store, eve, ada, LinkKind::Family);
    met(&store, &[bob, eve], days_ago(5));
    // Fay: only knows Ada.
    link(&store, fay, ada, LinkKind::Knows);
    // You are not a mutual contact, even linked to both.
    let me = me(&store);
    link(&store, me, ada, LinkKind::Knows);
    link(&store, me, bob, LinkKind::Knows);

    let mutual = store.mutual_contacts(ada, bob).unwrap();
    assert_eq!(names(&mutual), ["Cleo", "Dan", "Eve"]);
    assert_eq!(store.mutual_contacts(bob, ada).unwrap(), mutual);
}

#[test]
fn mutual_contacts_leave_out_the_deleted_and_archived_and_need_two_people() {
    let store = store();
    let ada = add(&store, "Ada").id;
    let bob = add(&store, "Bob").id;
    let cleo = add(&store, "Cleo").id;
    let dan = add(&store, "Dan").id;
    for mutual in [cleo, dan] {
        link(&store, ada, mutual, LinkKind::Knows);
        link(&store, bob, mutual, LinkKind::Knows);
    }
    store.delete_person(cleo).unwrap();
    store.set_archived(dan, true).unwrap();
    assert!(store.mutual_contacts(ada, bob).unwrap().is_empty());
    assert_eq!(
        store.mutual_contacts(ada, ada).unwrap_err().code(),
        "invalid_input"
    );
    assert_eq!(
        store.mutual_contacts(ada, 9999).unwrap_err().code(),
        "not_found"
    );
}
