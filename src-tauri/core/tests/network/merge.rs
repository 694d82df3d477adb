//! Duplicates and merging: everything that named the merged person moves to the survivor,
//! nothing is lost, and undo puts every row back where it was.

use crate::common::*;
use rapport_core::followups::interactions::{InteractionInput, InteractionKind};
use rapport_core::followups::FollowupInput;
use rapport_core::guide::meetings::{AirInput, AirKind, MeetingKind, NewMeeting};
use rapport_core::guide::opportunities::OpportunityInput;
use rapport_core::network::links::LinkKind;
use rapport_core::network::people::{PeopleFilter, PersonInput};
use rapport_core::Store;

struct World {
    store: Store,
    ada: i64,
    ada_again: i64,
    charles: i64,
    grace: i64,
}

/// Ada twice: once typed by hand, once imported with her email, each with their own history,
/// sharing one interaction, a tag and a link between them.
fn world() -> World {
    let clock = clock_at("2026-03-01T10:00:00Z");
    let store = memory_store(&clock);
    let ada = store
        .add_person(PersonInput {
            notes: Some("Met at the Royal Society".into()),
            tags: vec!["math".into()],
            ..PersonInput::named("Ada Lovelace")
        })
        .unwrap()
        .id;
    let ada_again = store
        .add_person(PersonInput {
            email: Some("ada@analytical.org".into()),
            phone: Some("+44 20 7946 0000".into()),
            organization: Some("Analytical Engines".into()),
            tags: vec!["math".into(), "engines".into()],
            notes: Some("Imported from LinkedIn".into()),
            ..PersonInput::named("ada lovelace")
        })
        .unwrap()
        .id;
    let charles = add(&store, "Charles Babbage").id;
    let grace = add(&store, "Grace Hopper").id;
    link(&store, ada_again, charles, LinkKind::IntroducedBy);
    link(&store, ada, ada_again, LinkKind::Knows);
    link(&store, grace, ada_again, LinkKind::ReferredBy);
    let log = |people: Vec<i64>, summary: &str| {
        store
            .log_interaction(InteractionInput {
                person_ids: people,
                kind: InteractionKind::Call,
                occurred_at: None,
                medium: None,
                summary: summary.into(),
                notes: String::new(),
            })
            .unwrap();
    };
    log(vec![ada_again], "Talked engines");
    log(vec![ada, ada_again], "Both at once");
    store
        .add_followup(FollowupInput {
            person_id: Some(ada_again),
            kind: None,
            title: "Send Ada the article".into(),
            due_at: at("2026-03-02T09:00:00Z"),
        })
        .unwrap();
    let meeting = store
        .plan_meeting(NewMeeting {
            person_id: ada_again,
            kind: MeetingKind::InformationalInterview,
            title: String::new(),
        })
        .unwrap();
    let with_grace = store
        .plan_meeting(NewMeeting {
            person_id: grace,
            kind: MeetingKind::InformationalInterview,
            title: String::new(),
        })
        .unwrap();
    store
        .add_air(
            with_grace.id,
            AirInput {
                kind: Some(AirKind::Referral),
                text: "Talk to Ada".into(),
                referred_person_id: Some(ada_again),
                referred_name: None,
            },
        )
        .unwrap();
    store
        .add_opportunity(OpportunityInput {
            role: "Analyst".into(),
            organization: Some("Analytical Engines".into()),
            source_person_id: Some(ada_again),
            meeting_id: Some(meeting.id),
            air_id: None,
            notes: String::new(),
        })
        .unwrap();
    World {
        store,
        ada,
        ada_again,
        charles,
        grace,
    }
}

/// Everything that names a person, in a comparable form.
fn everything_of(store: &Store, id: i64) -> String {
    let person = store.person(id).unwrap();
    let links = store.links_of(id).unwrap();
    let timeline = store.timeline(id).unwrap();
    let followups: Vec<_> = store
        .pending_followups()
        .unwrap()
        .into_iter()
        .filter(|f| f.person.as_ref().is_some_and(|p| p.id == id))
        .collect();
    let meetings = store.meetings(Some(id)).unwrap();
    format!("{person:?}\n{links:?}\n{timeline:?}\n{followups:?}\n{meetings:?}")
}

#[test]
fn the_same_email_name_or_profile_is_offered_as_a_likely_duplicate() {
    let w = world();
    let pairs = w.store.likely_duplicates().unwrap();
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    assert_eq!(
        (pairs[0].first.id, pairs[0].second.id),
        (w.ada, w.ada_again)
    );
    assert_eq!(pairs[0].reason, "same name");
    w.store.mark_distinct(w.ada_again, w.ada).unwrap();
    assert!(
        w.store.likely_duplicates().unwrap().is_empty(),
        "a pair marked distinct stays hidden"
    );
}

#[test]
fn merging_moves_every_link_interaction_follow_up_and_air_item_to_the_survivor() {
    let w = world();
    let outcome = w.store.merge_people(w.ada, w.ada_again).unwrap();
    let ada = outcome.survivor;
    assert_eq!(
        ada.display_name, "Ada Lovelace",
        "the survivor keeps its own name"
    );
    assert_eq!(
        ada.email.as_deref(),
        Some("ada@analytical.org"),
        "empty fields are filled in"
    );
    assert_eq!(ada.organization.as_deref(), Some("Analytical Engines"));
    assert_eq!(
        ada.notes,
        "Met at the Royal Society\n\nImported from LinkedIn"
    );
    assert_eq!(ada.tags, ["engines", "math"]);
    assert!(
        w.store.person(w.ada_again).is_err(),
        "the merged person is gone"
    );

    let links = w.store.links_of(w.ada).unwrap();
    let others: Vec<i64> = links.iter().map(|l| l.other(w.ada).id).collect();
    // Grace twice: the referral link the AIR item made, and the one added by hand.
    assert_eq!(
        others,
        [w.charles, w.grace, w.grace],
        "links moved; the one between the two is gone"
    );
    let timeline = w.store.timeline(w.ada).unwrap();
    assert_eq!(
        timeline.len(),
        3,
        "two interactions and a follow-up: {timeline:?}"
    );
    let followups = w.store.pending_followups().unwrap();
    assert_eq!(followups[0].person.as_ref().unwrap().id, w.ada);
    assert_eq!(w.store.meetings(Some(w.ada)).unwrap().len(), 1);
    let grace_meeting = &w.store.meetings(Some(w.grace)).unwrap()[0];
    assert_eq!(
        grace_meeting.air[0].referred_person.as_ref().unwrap().id,
        w.ada
    );
    let opportunity = &w.store.opportunities(true).unwrap()[0];
    assert_eq!(opportunity.source.as_ref().unwrap().id, w.ada);
    assert_eq!(w.store.search_people("analytical").unwrap()[0].id, w.ada);
    assert_eq!(w.store.people(PeopleFilter::default()).unwrap().len(), 3);
}

#[test]
fn undoing_a_merge_puts_everything_back_as_it_was() {
    let w = world();
    let before = (
        everything_of(&w.store, w.ada),
        everything_of(&w.store, w.ada_again),
    );
    let outcome = w.store.merge_people(w.ada, w.ada_again).unwrap();
    let back = w.store.undo_merge(outcome.merge_id).unwrap();
    assert_eq!(back.id, w.ada_again);
    let after = (
        everything_of(&w.store, w.ada),
        everything_of(&w.store, w.ada_again),
    );
    assert_eq!(before.0, after.0);
    assert_eq!(before.1, after.1);
    assert_eq!(
        w.store.undo_merge(outcome.merge_id).unwrap_err().code(),
        "invalid_input"
    );
}

#[test]
fn a_person_cannot_be_merged_into_themselves_or_you_into_someone() {
    let w = world();
    assert_eq!(
        w.store.merge_people(w.ada, w.ada).unwrap_err().code(),
        "invalid_input"
    );
    let me = w.store.me().unwrap().id;
    assert_eq!(
        w.store.merge_people(w.ada, me).unwrap_err().code(),
        "invalid_input"
    );
    assert_eq!(
        w.store.merge_people(w.ada, 9999).unwrap_err().code(),
        "not_found"
    );
}
