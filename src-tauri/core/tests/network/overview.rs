//! The map at a glance: bubbles for you, your circles and your largest organizations, sized by
//! their people, with weighted ties; and a person's neighbourhood, two hops out.

use crate::common::*;
use rapport_core::network::links::LinkKind;
use rapport_core::network::map::{
    Bubble, BubbleKind, MapFilter, MapOverview, NodeKind, TieKind, COLLEAGUES, FIRST_HOP,
    OTHER_ORGANIZATIONS, TOP_ORGANIZATIONS,
};
use rapport_core::network::people::{Person, PersonInput};
use rapport_core::Store;

fn person(store: &Store, name: &str, circle: Option<&str>, organization: Option<&str>) -> Person {
    store
        .add_person(PersonInput {
            circle: circle.map(Into::into),
            organization: organization.map(Into::into),
            ..PersonInput::named(name)
        })
        .unwrap()
}

fn bubble<'o>(overview: &'o MapOverview, label: &str) -> &'o Bubble {
    overview
        .bubbles
        .iter()
        .find(|b| b.label == label)
        .unwrap_or_else(|| panic!("no bubble {label} in {:?}", overview.bubbles))
}

fn weight(overview: &MapOverview, kind: TieKind, a: &str, b: &str) -> usize {
    overview
        .ties
        .iter()
        .find(|t| {
            t.kind == kind && ((t.source == a && t.target == b) || (t.source == b && t.target == a))
        })
        .map_or(0, |t| t.weight)
}

/// Organization `i` has `TOP_ORGANIZATIONS + 2 - i` people, so they rank in order; all are
/// classmates but organization 0's first two are coworkers, and one classmate has no job.
fn a_network(store: &Store) -> Vec<Person> {
    let mut everyone = Vec::new();
    for i in 0..TOP_ORGANIZATIONS + 2 {
        for j in 0..TOP_ORGANIZATIONS + 2 - i {
            let circle = if i == 0 && j < 2 {
                "Coworkers"
            } else {
                "Classmates"
            };
            let organization = format!("Org {i:02}");
            everyone.push(person(
                store,
                &format!("P{i}-{j}"),
                Some(circle),
                Some(&organization),
            ));
        }
    }
    everyone.push(person(store, "Jobless Classmate", Some("Classmates"), None));
    everyone.push(person(store, "No Circle", None, Some("Org 00")));
    everyone
}

#[test]
fn the_overview_has_you_your_circles_and_largest_organizations_sized_by_their_people() {
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    let everyone = a_network(&store);
    let overview = store.network_overview(&MapFilter::default()).unwrap();

    assert_eq!(overview.people, everyone.len());
    assert_eq!(overview.bubbles[0].kind, BubbleKind::Me);
    let circles: Vec<(&str, usize)> = overview
        .bubbles
        .iter()
        .filter(|b| matches!(b.kind, BubbleKind::Circle | BubbleKind::NoCircle))
        .map(|b| (b.label.as_str(), b.people))
        .collect();
    let classmates = everyone.len() - 3;
    assert_eq!(
        circles,
        [
            ("Classmates", classmates),
            ("Coworkers", 2),
            ("No circle", 1)
        ],
        "in the circles' order, no circle last"
    );

    let organizations: Vec<&Bubble> = overview
        .bubbles
        .iter()
        .filter(|b| b.kind == BubbleKind::Organization)
        .collect();
    assert_eq!(organizations.len(), TOP_ORGANIZATIONS);
    assert_eq!(
        (organizations[0].label.as_str(), organizations[0].people),
        ("Org 00", TOP_ORGANIZATIONS + 3)
    );
    assert!(
        organizations.windows(2).all(|w| w[0].people >= w[1].people),
        "largest first"
    );
    let other = bubble(&overview, "2 other organizations");
    assert_eq!(
        (other.id.as_str(), other.kind, other.people),
        (OTHER_ORGANIZATIONS, BubbleKind::OtherOrganizations, 2 + 1)
    );
    assert_eq!(overview.other_organization_count, 2);
    assert_eq!(
        overview
            .other_organizations
            .iter()
            .map(|o| (o.name.as_str(), o.people))
            .collect::<Vec<_>>(),
        [("Org 12", 2), ("Org 13", 1)]
    );

    let classmates_id = bubble(&overview, "Classmates").id.clone();
    let coworkers_id = bubble(&overview, "Coworkers").id.clone();
    assert_eq!(
        weight(&overview, TieKind::Member, "me", &classmates_id),
        classmates
    );
    assert_eq!(
        weight(
            &overview,
            TieKind::WorksAt,
            &classmates_id,
            &organizations[0].id
        ),
        TOP_ORGANIZATIONS
    );
    assert_eq!(
        weight(
            &overview,
            TieKind::WorksAt,
            &coworkers_id,
            &organizations[0].id
        ),
        2
    );
    assert_eq!(
        weight(&overview, TieKind::WorksAt, "c-none", &organizations[0].id),
        1
    );
    assert_eq!(
        weight(
            &overview,
            TieKind::WorksAt,
            &classmates_id,
            OTHER_ORGANIZATIONS
        ),
        3,
        "people at the others, once each"
    );
    assert!(
        overview.ties.windows(2).all(|w| w[0].weight >= w[1].weight),
        "heaviest first"
    );
    assert_eq!(overview.circles, ["Classmates", "Coworkers"]);
    assert_eq!(overview.organizations.len(), TOP_ORGANIZATIONS + 2);
}

#[test]
fn links_between_the_people_of_two_circles_weigh_their_tie_and_filters_narrow_the_overview() {
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    let ada = person(&store, "Ada", Some("Classmates"), Some("Engines"));
    let grace = store
        .add_person(PersonInput {
            circle: Some("Coworkers".into()),
            organization: Some("Navy".into()),
            tags: vec!["navy-tag".into()],
            ..PersonInput::named("Grace")
        })
        .unwrap();
    let mary = person(&store, "Mary", Some("Coworkers"), Some("Navy"));
    let alan = person(&store, "Alan", Some("Classmates"), Some("Engines"));
    link(&store, ada.id, grace.id, LinkKind::Knows);
    link(&store, mary.id, ada.id, LinkKind::Mentor);
    link(&store, ada.id, alan.id, LinkKind::Colleague);

    let overview = store.network_overview(&MapFilter::default()).unwrap();
    let c = |label: &str| bubble(&overview, label).id.clone();
    assert_eq!(
        weight(&overview, TieKind::Links, &c("Classmates"), &c("Coworkers")),
        2,
        "both directions, one tie"
    );
    assert_eq!(
        weight(&overview, TieKind::Links, &c("Engines"), &c("Navy")),
        0,
        "organizations' links are not counted: their people are in the circles'"
    );
    assert_eq!(
        weight(
            &overview,
            TieKind::Links,
            &c("Classmates"),
            &c("Classmates")
        ),
        0,
        "within a bubble: no tie"
    );

    let coworkers = store
        .network_overview(&MapFilter {
            circle: Some("coworkers".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(coworkers.people, 2);
    let labels: Vec<&str> = coworkers.bubbles.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(labels, ["You", "Coworkers", "Navy"]);
    assert_eq!(
        coworkers.circles,
        ["Classmates", "Coworkers"],
        "the menus still offer everything"
    );

    let at_engines = store
        .network_overview(&MapFilter {
            organization: Some("Engines".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        (at_engines.people, bubble(&at_engines, "Classmates").people),
        (2, 2)
    );
    let tagged = store
        .network_overview(&MapFilter {
            tag: Some("Navy-Tag".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(tagged.people, 1);
    assert_eq!(bubble(&tagged, "Coworkers").people, 1);
}

#[test]
fn a_persons_neighbourhood_holds_their_links_organizations_and_two_hops_with_you() {
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    let ada = person(&store, "Ada", Some("Classmates"), Some("Engines"));
    let grace = person(&store, "Grace", Some("Coworkers"), Some("Navy"));
    let katherine = person(&store, "Katherine", Some("Coworkers"), Some("NASA"));
    person(&store, "Charles", Some("Classmates"), Some("Engines"));
    let far = person(&store, "Three Hops", None, None);
    person(&store, "Stranger", None, Some("Elsewhere"));
    let me = store.me().unwrap().id;
    link(&store, me, grace.id, LinkKind::Knows);
    link(&store, grace.id, ada.id, LinkKind::Mentor);
    link(&store, ada.id, katherine.id, LinkKind::Colleague);
    link(&store, katherine.id, far.id, LinkKind::Knows);

    let map = store.person_neighbourhood(ada.id).unwrap();
    assert_eq!(map.focus, Some(format!("p{}", ada.id)));
    let node = |name: &str| map.nodes.iter().find(|n| n.label == name);
    assert_eq!(node("You").unwrap().kind, NodeKind::Me);
    assert_eq!(
        node("Grace").unwrap().parent,
        Some(format!("p{}", ada.id)),
        "one link away"
    );
    assert_eq!(
        node("Katherine").unwrap().parent,
        Some(format!("p{}", ada.id))
    );
    assert_eq!(
        node("Charles").unwrap().parent,
        node("Engines").map(|o| o.id.clone()),
        "a colleague: two hops through Engines"
    );
    assert_eq!(
        node("Three Hops").unwrap().parent,
        Some(format!("p{}", katherine.id)),
        "two links away"
    );
    assert!(node("Stranger").is_none() && node("Elsewhere").is_none());
    for organization in ["Engines", "Navy", "NASA"] {
        assert_eq!(
            node(organization).unwrap().kind,
            NodeKind::Organization,
            "{organization}: where they and their links work"
        );
    }
    let has_edge = |a: &str, b: &str| {
        let (a, b) = (node(a).unwrap().id.clone(), node(b).unwrap().id.clone());
        map.edges
            .iter()
            .any(|e| (e.source == a && e.target == b) || (e.source == b && e.target == a))
    };
    assert!(
        has_edge("You", "Grace"),
        "your link, where warm paths start"
    );
    assert!(has_edge("Grace", "Ada") && has_edge("Katherine", "Three Hops"));
    assert!(has_edge("Charles", "Engines"));

    let missing = store.person_neighbourhood(9_999).unwrap_err();
    assert_eq!(missing.code(), "not_found");
}

#[test]
fn a_neighbourhood_stays_bounded_however_many_people_are_linked() {
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    let hub = person(&store, "Hub", None, Some("Big Co"));
    for i in 0..FIRST_HOP + 10 {
        let other = person(&store, &format!("Friend {i}"), None, None);
        link(&store, hub.id, other.id, LinkKind::Knows);
    }
    for i in 0..COLLEAGUES + 5 {
        person(&store, &format!("Colleague {i}"), None, Some("Big Co"));
    }
    let map = store.person_neighbourhood(hub.id).unwrap();
    let count = |prefix: &str| {
        map.nodes
            .iter()
            .filter(|n| n.label.starts_with(prefix))
            .count()
    };
    assert_eq!(count("Friend"), FIRST_HOP);
    assert_eq!(count("Colleague"), COLLEAGUES);
}
