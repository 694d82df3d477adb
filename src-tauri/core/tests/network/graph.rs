//! The contact graph: typed links, who you know at an organization, mutual contacts, and
//! warm-introduction paths ranked and explained.

use crate::common::{add, at, clock_at, link, memory_store};
use chrono::{DateTime, Duration, Utc};
use rapport_core::followups::interactions::{InteractionInput, InteractionKind};
use rapport_core::network::graph::{PathTarget, Tie, WarmPath, MAX_PATHS};
use rapport_core::network::links::{LinkInput, LinkKind};
use rapport_core::network::people::{PersonInput, PersonRef};
use rapport_core::Store;

const NOW: &str = "2026-03-01T12:00:00Z";

fn store() -> Store {
    memory_store(&clock_at(NOW))
}

fn works_at(store: &Store, name: &str, organization: &str, title: Option<&str>) -> i64 {
    store
        .add_person(PersonInput {
            organization: Some(organization.into()),
            title: title.map(Into::into),
            ..PersonInput::named(name)
        })
        .unwrap()
        .id
}

fn met(store: &Store, person_ids: &[i64], occurred_at: DateTime<Utc>) {
    store
        .log_interaction(InteractionInput {
            person_ids: person_ids.to_vec(),
            kind: InteractionKind::Meeting,
            occurred_at: Some(occurred_at),
            medium: None,
            summary: String::new(),
            notes: String::new(),
        })
        .unwrap();
}

fn days_ago(days: i64) -> DateTime<Utc> {
    at(NOW) - Duration::days(days)
}

fn me(store: &Store) -> i64 {
    store.me().unwrap().id
}

fn names(refs: &[PersonRef]) -> Vec<&str> {
    refs.iter().map(|p| p.display_name.as_str()).collect()
}

/// Each path as the names along it.
fn routes(paths: &[WarmPath]) -> Vec<Vec<&str>> {
    paths
        .iter()
        .map(|p| {
            p.steps
                .iter()
                .map(|s| s.person.display_name.as_str())
                .collect()
        })
        .collect()
}

fn to_person(store: &Store, id: i64, max_hops: u8) -> Vec<WarmPath> {
    store
        .warm_paths(PathTarget::Person(id), max_hops, MAX_PATHS)
        .unwrap()
}

// ---------------------------------------------------------------------------------------------
// Links

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

// ---------------------------------------------------------------------------------------------
// Who do I know at ORG

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

// ---------------------------------------------------------------------------------------------
// Mutual contacts

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

// ---------------------------------------------------------------------------------------------
// Warm-introduction paths

#[test]
fn a_path_is_explained_with_names_link_kinds_recency_and_organization() {
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
        "You → Ada Lovelace (mentor, last spoke 12 days ago) → Charles Babbage (colleague) at Analytical Engines"
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
        "You → Charles Babbage (in your contacts, no interaction logged) at Analytical Engines"
    );
    assert_eq!(direct.steps[0].tie, Tie::Contact);
}

#[test]
fn a_mentor_path_beats_a_knows_path_of_the_same_length() {
    let store = store();
    let target = add(&store, "Target").id;
    let knows = add(&store, "Knows Them").id;
    let mentor = add(&store, "Mentors Them").id;
    met(&store, &[knows], days_ago(7));
    met(&store, &[mentor], days_ago(7));
    link(&store, knows, target, LinkKind::Knows);
    link(&store, target, mentor, LinkKind::Mentor);

    let paths = to_person(&store, target, 2);
    let two_hops: Vec<_> = paths.iter().filter(|p| p.hops == 2).collect();
    assert_eq!(two_hops.len(), 2);
    assert_eq!(two_hops[0].steps[0].person.display_name, "Mentors Them");
    assert_eq!(two_hops[1].steps[0].person.display_name, "Knows Them");
    assert!(two_hops[0].score > two_hops[1].score);
    assert!(two_hops[0].explanation.contains("(mentor)"));
    assert!(two_hops[1].explanation.contains("(knows)"));
}

#[test]
fn a_two_hop_path_beats_a_three_hop_path() {
    let store = store();
    let target = add(&store, "Target").id;
    let near = add(&store, "Near").id;
    let far = add(&store, "Far").id;
    let middle = add(&store, "Middle").id;
    met(&store, &[near], days_ago(7));
    met(&store, &[far], days_ago(7));
    // The weakest tie on the short path, the strongest on the long one.
    met(&store, &[near, target], days_ago(30));
    link(&store, far, middle, LinkKind::Mentor);
    link(&store, middle, target, LinkKind::Mentor);

    let paths = to_person(&store, target, 3);
    let position = |route: &[&str]| {
        routes(&paths)
            .iter()
            .position(|r| r == route)
            .unwrap_or_else(|| panic!("no path {route:?} in {:?}", routes(&paths)))
    };
    assert!(position(&["Near", "Target"]) < position(&["Far", "Middle", "Target"]));
    let near_path = &paths[position(&["Near", "Target"])];
    assert_eq!(near_path.steps[1].tie, Tie::SharedInteraction);
    assert!(near_path.explanation.contains("Target (met together)"));
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
fn a_recent_introducer_beats_a_contact_you_have_never_spoken_to() {
    let store = store();
    let ada = add(&store, "Ada").id;
    let charles = add(&store, "Charles").id;
    met(&store, &[ada], days_ago(2));
    link(&store, charles, ada, LinkKind::ReferredBy);

    let paths = to_person(&store, charles, 3);
    assert_eq!(
        routes(&paths)[..2],
        [vec!["Ada", "Charles"], vec!["Charles"]]
    );
    assert!(paths[0].explanation.contains("Charles (referral)"));
}

#[test]
fn recency_and_keep_in_touch_health_of_the_first_contact_rank_paths() {
    let store = store();
    let target = add(&store, "Target").id;
    let recent = add(&store, "Recent").id;
    let stale = add(&store, "Stale").id;
    let healthy = store
        .add_person(PersonInput {
            cadence_days: Some(90),
            ..PersonInput::named("Healthy")
        })
        .unwrap()
        .id;
    let overdue = store
        .add_person(PersonInput {
            cadence_days: Some(30),
            ..PersonInput::named("Overdue")
        })
        .unwrap()
        .id;
    met(&store, &[recent], days_ago(5));
    met(&store, &[stale], days_ago(400));
    met(&store, &[healthy], days_ago(60));
    met(&store, &[overdue], days_ago(60));
    for introducer in [recent, stale, healthy, overdue] {
        link(&store, introducer, target, LinkKind::Colleague);
    }

    let paths = to_person(&store, target, 2);
    let firsts: Vec<&str> = paths
        .iter()
        .filter(|p| p.hops == 2)
        .map(|p| p.steps[0].person.display_name.as_str())
        .collect();
    assert_eq!(firsts, ["Recent", "Healthy", "Overdue", "Stale"]);
    let overdue_path = paths
        .iter()
        .find(|p| p.steps[0].person.display_name == "Overdue")
        .unwrap();
    assert!(overdue_path.steps[0].keep_in_touch_overdue);
    assert!(overdue_path
        .explanation
        .contains("Overdue (in your contacts, last spoke 60 days ago, keep-in-touch overdue)"));
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
