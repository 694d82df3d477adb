//! The network map: you → circles → people → organizations, with links, and its filters.

use crate::common::*;
use rapport_core::network::links::{LinkInput, LinkKind};
use rapport_core::network::map::{EdgeKind, MapFilter, NodeKind};
use rapport_core::network::people::PersonInput;

fn labels(map: &rapport_core::network::map::NetworkMap, kind: NodeKind) -> Vec<String> {
    map.nodes
        .iter()
        .filter(|n| n.kind == kind)
        .map(|n| n.label.clone())
        .collect()
}

#[test]
fn the_map_runs_from_you_through_circles_and_people_to_organizations_and_filters_narrow_it() {
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    let ada = store
        .add_person(PersonInput {
            circle: Some("Classmates".into()),
            organization: Some("Analytical Engines".into()),
            tags: vec!["math".into()],
            ..PersonInput::named("Ada Lovelace")
        })
        .unwrap();
    let charles = store
        .add_person(PersonInput {
            circle: Some("Coworkers".into()),
            organization: Some("Difference Engines".into()),
            ..PersonInput::named("Charles Babbage")
        })
        .unwrap();
    let loner = add(&store, "No Circle");
    store
        .add_link(LinkInput {
            from_person_id: charles.id,
            to_person_id: ada.id,
            kind: LinkKind::IntroducedBy,
            note: String::new(),
            happened_on: None,
        })
        .unwrap();

    let map = store.network_map(&MapFilter::default()).unwrap();
    assert_eq!(labels(&map, NodeKind::Me), ["You"]);
    assert_eq!(labels(&map, NodeKind::Circle), ["Classmates", "Coworkers"]);
    assert_eq!(labels(&map, NodeKind::Person).len(), 3);
    assert_eq!(
        labels(&map, NodeKind::Organization),
        ["Analytical Engines", "Difference Engines"]
    );
    let ada_node = format!("p{}", ada.id);
    assert!(map
        .edges
        .iter()
        .any(|e| e.target == ada_node && e.kind == EdgeKind::Member));
    let link = map.edges.iter().find(|e| e.kind == EdgeKind::Link).unwrap();
    assert_eq!(
        (link.source.as_str(), link.target.as_str(), link.link_kind),
        (
            format!("p{}", charles.id).as_str(),
            ada_node.as_str(),
            Some(LinkKind::IntroducedBy)
        )
    );
    let loner_node = format!("p{}", loner.id);
    assert!(
        map.edges
            .iter()
            .any(|e| e.source == "me" && e.target == loner_node),
        "people in no circle hang from you"
    );
    assert_eq!(map.tags, ["math"]);

    let classmates = store
        .network_map(&MapFilter {
            circle: Some("classmates".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(labels(&classmates, NodeKind::Person), ["Ada Lovelace"]);
    assert_eq!(
        labels(&classmates, NodeKind::Organization),
        ["Analytical Engines"]
    );
    assert!(
        classmates.edges.iter().all(|e| e.kind != EdgeKind::Link),
        "a link to someone hidden is hidden"
    );
    let at_difference = store
        .network_map(&MapFilter {
            organization: Some("Difference Engines".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        labels(&at_difference, NodeKind::Person),
        ["Charles Babbage"]
    );
    let tagged = store
        .network_map(&MapFilter {
            tag: Some("MATH".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(labels(&tagged, NodeKind::Person), ["Ada Lovelace"]);
}

#[test]
fn people_with_a_photo_carry_its_id_on_the_map_and_in_a_neighbourhood() {
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    let ada = add(&store, "Ada Lovelace");
    let grace = add(&store, "Grace Hopper");
    link(&store, ada.id, grace.id, LinkKind::Knows);
    let photo = store
        .set_photo(ada.id, &crate::common::faces::small_png())
        .unwrap();
    let photo_of = |map: &rapport_core::network::map::NetworkMap, name: &str| {
        map.nodes.iter().find(|n| n.label == name).unwrap().photo
    };
    let map = store.network_map(&MapFilter::default()).unwrap();
    assert_eq!(photo_of(&map, "Ada Lovelace"), Some(photo.id));
    assert_eq!(photo_of(&map, "Grace Hopper"), None);
    let around = store.person_neighbourhood(grace.id).unwrap();
    assert_eq!(photo_of(&around, "Ada Lovelace"), Some(photo.id));
}
