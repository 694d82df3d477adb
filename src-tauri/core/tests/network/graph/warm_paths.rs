//! Warm-introduction paths: explained in words, within the hops and number asked for, to a
//! person or an organization, never through the deleted or archived, and unchanged by pruning.

use super::{days_ago, me, met, routes, store, to_person, works_at};
use crate::common::{add, link};
use rapport_core::network::graph::{PathTarget, Tie, MAX_PATHS};
use rapport_core::network::links::LinkKind;
use rapport_core::network::people::PersonInput;

#[test]
fn a_path_is_explained_with_names_link_kinds_closeness_recency_and_organization() {
    let store = store();
    let me = me(&store);
    let ada = add(&store, "Ada Lovelace").id;
    let charles = works_at(&store, "Charles Babbage", "Analytical Engines", None);
    link(&store, me, ada, LinkKind::Mentor);
    met(&store, &[ada], days_ago(12));
    link(&store, charles, ada, LinkKind::Colleague);

    let paths = to_person(&store, charles, 2);
    let via_ada = paths
        .iter()
        .find(|p| p.hops == 2)
        .expect("a path through Ada");
    assert_eq!(
        via_ada.explanation,
        "You → Ada Lovelace (mentor, know them a little (2 of 5), last spoke 12 days ago) → Charles Babbage (colleague) at Analytical Engines"
    );
    assert_eq!(via_ada.steps[0].tie, Tie::Link);
    assert_eq!(via_ada.steps[0].link_kind, Some(LinkKind::Mentor));
    assert_eq!(via_ada.steps[0].last_interaction_at, Some(days_ago(12)));
    assert_eq!(via_ada.steps[1].link_kind, Some(LinkKind::Colleague));
    assert_eq!(
        via_ada.steps[1].organization.as_deref(),
        Some("Analytical Engines")
    );
    let direct = paths.iter().find(|p| p.hops == 1).unwrap();
    assert_eq!(
        direct.explanation,
        "You → Charles Babbage (in your contacts, know them a little (2 of 5), no interaction logged) at Analytical Engines"
    );
    assert_eq!(direct.steps[0].tie, Tie::Contact);
}

#[test]
fn paths_never_exceed_the_hops_asked_for_and_at_most_three_can_be_asked() {
    let store = store();
    let target = add(&store, "Target").id;
    let one = add(&store, "One").id;
    let two = add(&store, "Two").id;
    let three = add(&store, "Three").id;
    link(&store, one, target, LinkKind::Colleague);
    link(&store, two, one, LinkKind::Colleague);
    link(&store, three, two, LinkKind::Colleague);

    let hops = |max: u8| -> Vec<usize> {
        to_person(&store, target, max)
            .iter()
            .map(|p| p.hops)
            .collect()
    };
    assert_eq!(hops(1), [1]);
    assert!(hops(2).iter().all(|&h| h <= 2) && hops(2).contains(&2));
    let three_hops = to_person(&store, target, 3);
    assert!(three_hops.iter().all(|p| p.hops <= 3));
    assert!(routes(&three_hops).contains(&vec!["Two", "One", "Target"]));
    // Three is three links from the target: going through them would take four hops.
    assert!(!routes(&three_hops)
        .iter()
        .any(|r| r.len() > 1 && r[0] == "Three"));

    for bad in [0, 4] {
        let err = store
            .warm_paths(PathTarget::Person(target), bad, 5)
            .unwrap_err();
        assert_eq!(err.field(), Some("maxHops"));
    }
    let err = store
        .warm_paths(PathTarget::Person(target), 3, 0)
        .unwrap_err();
    assert_eq!(err.field(), Some("limit"));
}

#[test]
fn an_organization_is_reached_through_anyone_working_there() {
    let store = store();
    let me = me(&store);
    let charles = works_at(&store, "Charles", "Analytical Engines", Some("Inventor"));
    let mary = works_at(&store, "Mary", "Analytical Engines", None);
    let ada = add(&store, "Ada").id;
    let john = add(&store, "John").id;
    met(&store, &[charles], days_ago(1));
    link(&store, me, ada, LinkKind::Family);
    met(&store, &[ada], days_ago(1));
    link(&store, ada, mary, LinkKind::Colleague);
    link(&store, john, ada, LinkKind::Knows);
    // A colleague at the organization is not a way in to it.
    link(&store, charles, mary, LinkKind::Colleague);
    let organization = store.find_organization("analytical engines").unwrap().id;

    let paths = store
        .warm_paths(PathTarget::Organization(organization), 3, 10)
        .unwrap();
    let routes = routes(&paths);
    assert_eq!(routes[0], ["Charles"]);
    assert!(routes.contains(&vec!["Ada", "Mary"]));
    assert!(routes.contains(&vec!["John", "Ada", "Mary"]));
    assert!(routes.contains(&vec!["Mary"]));
    assert!(!routes.contains(&vec!["Charles", "Mary"]));
    assert!(!routes.contains(&vec!["Mary", "Charles"]));
    for path in &paths {
        let last = path.steps.last().unwrap();
        assert_eq!(last.organization.as_deref(), Some("Analytical Engines"));
        assert!(path.explanation.ends_with(" at Analytical Engines"));
        assert!(path.steps[..path.hops - 1]
            .iter()
            .all(|s| s.organization.is_none()));
    }
    assert_eq!(
        store.path_target("Analytical Engines").unwrap(),
        PathTarget::Organization(organization)
    );
    assert_eq!(store.path_target("ada").unwrap(), PathTarget::Person(ada));
    assert_eq!(
        store
            .warm_paths(PathTarget::Organization(9999), 3, 5)
            .unwrap_err()
            .code(),
        "not_found"
    );
}

#[test]
fn deleted_and_archived_people_are_never_part_of_a_path() {
    let store = store();
    let target = add(&store, "Target").id;
    let archived = add(&store, "Archived").id;
    let deleted = add(&store, "Deleted").id;
    let kept = add(&store, "Kept").id;
    let behind = add(&store, "Behind").id;
    for introducer in [archived, deleted, kept] {
        link(&store, introducer, target, LinkKind::Mentor);
        met(&store, &[introducer], days_ago(1));
    }
    link(&store, behind, archived, LinkKind::Mentor);
    link(&store, behind, deleted, LinkKind::Mentor);
    store.set_archived(archived, true).unwrap();
    store.delete_person(deleted).unwrap();

    let paths = to_person(&store, target, 3);
    let everyone: Vec<&str> = routes(&paths).into_iter().flatten().collect();
    assert!(everyone.contains(&"Kept"));
    assert!(!everyone.contains(&"Archived"));
    assert!(!everyone.contains(&"Deleted"));
    assert!(!everyone.contains(&"Behind"), "{everyone:?}");

    let err = store
        .warm_paths(PathTarget::Person(archived), 3, 5)
        .unwrap_err();
    assert_eq!(err.field(), Some("target"));
    let err = store
        .warm_paths(PathTarget::Person(deleted), 3, 5)
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
    let err = store
        .warm_paths(PathTarget::Person(me(&store)), 3, 5)
        .unwrap_err();
    assert_eq!(err.field(), Some("target"));
}

#[test]
fn one_path_per_first_contact_and_no_more_than_asked_for() {
    let store = store();
    let target = add(&store, "Target").id;
    let ada = add(&store, "Ada").id;
    let bob = add(&store, "Bob").id;
    met(&store, &[ada], days_ago(1));
    link(&store, ada, target, LinkKind::Colleague);
    // Ada could also go through Bob, but she knows the target herself.
    link(&store, ada, bob, LinkKind::Mentor);
    link(&store, bob, target, LinkKind::Mentor);
    let paths = to_person(&store, target, 3);
    let through_ada: Vec<_> = routes(&paths)
        .into_iter()
        .filter(|r| r[0] == "Ada")
        .collect();
    assert_eq!(through_ada, [vec!["Ada", "Target"]]);

    let one = store.warm_paths(PathTarget::Person(target), 3, 1).unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].explanation, paths[0].explanation);
}

/// A small deterministic pseudo-random network: whatever the limit, the search returns the best
/// paths of the complete list, so pruning branches never loses a path that belongs on the list.
#[test]
fn pruning_never_changes_the_best_paths() {
    let store = store();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n
    };
    let organizations = ["Acme", "Globex", "Initech"];
    let people: Vec<i64> = (0..60)
        .map(|i| {
            let input = match next(3) {
                0 => PersonInput::named(format!("P{i}")),
                _ => PersonInput {
                    organization: Some(organizations[next(3) as usize].into()),
                    ..PersonInput::named(format!("P{i}"))
                },
            };
            store.add_person(input).unwrap().id
        })
        .collect();
    let pick = |r: u64| people[r as usize];
    for _ in 0..140 {
        let (a, b) = (pick(next(60)), pick(next(60)));
        if a != b {
            link(&store, a, b, LinkKind::ALL[next(6) as usize]);
        }
    }
    for _ in 0..40 {
        let a = pick(next(60));
        let b = pick(next(60));
        let ids = if a == b { vec![a] } else { vec![a, b] };
        met(&store, &ids, days_ago(next(500) as i64));
    }
    let mut targets: Vec<PathTarget> = people[..8]
        .iter()
        .map(|&id| PathTarget::Person(id))
        .collect();
    for name in organizations {
        targets.push(PathTarget::Organization(
            store.find_organization(name).unwrap().id,
        ));
    }
    for target in targets {
        for hops in 1..=3 {
            let all = store.warm_paths(target, hops, MAX_PATHS).unwrap();
            for limit in [1, 3, 10] {
                let top = store.warm_paths(target, hops, limit).unwrap();
                let expected: Vec<_> = all.iter().take(limit).cloned().collect();
                assert_eq!(top, expected, "{target:?}, {hops} hops, limit {limit}");
            }
        }
    }
}
