//! Target organizations: who the user knows there, with their titles, and the open leads; the
//! organizations listed with how many people the user knows at each.

use super::{at_organization, organization_id, works_at};
use crate::common::{clock_at, memory_store};
use rapport_core::guide::opportunities::{Contact, OpportunityStatus};
use rapport_core::network::people::PersonInput;

#[test]
fn a_target_shows_who_you_know_there_with_their_titles_and_its_open_leads() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    let grace = works_at(&store, "Grace Hopper", "Acme", Some("Engineer"));
    let alan = works_at(&store, "Alan Turing", "Acme", None);
    let gone = works_at(&store, "Former Colleague", "Acme", Some("Manager"));
    store.delete_person(gone).unwrap();
    works_at(&store, "Someone Else", "Globex", Some("Analyst"));
    let moved = works_at(&store, "Moved On", "Acme", Some("Intern"));
    store
        .update_person(
            moved,
            PersonInput {
                organization: Some("Globex".into()),
                ..PersonInput::named("Moved On")
            },
        )
        .unwrap();
    store
        .add_opportunity(at_organization("Junior engineer", "Acme"))
        .unwrap();
    let closed = store
        .add_opportunity(at_organization("Summer intern", "Acme"))
        .unwrap()
        .id;
    store
        .set_opportunity_status(closed, OpportunityStatus::Closed)
        .unwrap();

    assert!(store.targets().unwrap().is_empty(), "no target yet");
    let acme = organization_id(&store, "Acme");
    assert!(store.set_organization_target(acme, true).unwrap().is_target);

    let targets = store.targets().unwrap();
    assert_eq!(targets.len(), 1);
    let target = &targets[0];
    assert_eq!(target.organization_id, acme);
    assert_eq!(target.name, "Acme");
    assert_eq!(
        target.people,
        [
            Contact {
                id: alan,
                display_name: "Alan Turing".into(),
                title: None
            },
            Contact {
                id: grace,
                display_name: "Grace Hopper".into(),
                title: Some("Engineer".into())
            },
        ],
        "current roles only, deleted people left out, by name"
    );
    assert_eq!(target.open_opportunities, 1);

    store.set_organization_target(acme, false).unwrap();
    assert!(store.targets().unwrap().is_empty());
}

#[test]
fn a_target_can_be_a_place_where_you_know_nobody_yet() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    store
        .add_opportunity(at_organization("Analyst", "Initech"))
        .unwrap();
    let initech = organization_id(&store, "Initech");
    store.set_organization_target(initech, true).unwrap();
    let targets = store.targets().unwrap();
    assert!(targets[0].people.is_empty());
    assert_eq!(targets[0].open_opportunities, 1);
}

#[test]
fn organizations_are_listed_by_name_with_how_many_people_you_know_there() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    works_at(&store, "Grace", "globex", None);
    works_at(&store, "Alan", "Acme", None);
    works_at(&store, "Ada", "Acme", Some("Engineer"));
    store
        .add_opportunity(at_organization("Analyst", "Initech"))
        .unwrap();
    store
        .set_organization_target(organization_id(&store, "globex"), true)
        .unwrap();
    let summaries: Vec<_> = store
        .organizations()
        .unwrap()
        .into_iter()
        .map(|o| (o.name, o.is_target, o.people_count))
        .collect();
    assert_eq!(
        summaries,
        [
            ("Acme".to_string(), false, 2),
            ("globex".to_string(), true, 1),
            ("Initech".to_string(), false, 0),
        ]
    );
}
