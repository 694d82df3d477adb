//! How warm paths rank: the kind of each tie, the number of hops, and the recency,
//! keep-in-touch health and closeness of your tie to the first person.

use super::{days_ago, met, routes, store, to_person};
use crate::common::{add, link};
use rapport_core::network::graph::Tie;
use rapport_core::network::links::LinkKind;
use rapport_core::network::people::PersonInput;

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
        .contains("Overdue (in your contacts, know them a little (2 of 5), last spoke 60 days ago, keep-in-touch overdue)"));
}

#[test]
fn the_closer_first_contact_ranks_first_among_equal_ties() {
    let store = store();
    let target = add(&store, "Target").id;
    let close = add(&store, "Close").id;
    let distant = add(&store, "Distant").id;
    for introducer in [close, distant] {
        met(&store, &[introducer], days_ago(20));
        link(&store, introducer, target, LinkKind::Colleague);
    }
    store.set_strength(close, Some(5)).unwrap();
    store.set_strength(distant, Some(1)).unwrap();
    let paths = to_person(&store, target, 2);
    let firsts: Vec<&str> = paths
        .iter()
        .filter(|p| p.hops == 2)
        .map(|p| p.steps[0].person.display_name.as_str())
        .collect();
    assert_eq!(firsts, ["Close", "Distant"]);
    assert!(
        paths[0]
            .explanation
            .contains("Close (in your contacts, very close (5 of 5)"),
        "{}",
        paths[0].explanation
    );
}
