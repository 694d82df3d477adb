//! Keeping in touch: the cadence counts from the last interaction (a person's own cadence over
//! the one their closeness asks for, over their circle's), and sharing a resource is an
//! interaction.

use crate::common::{add, at, clock_at, log_with, memory_store, of_kind};
use rapport_core::followups::interactions::{InteractionInput, InteractionKind, SharedResource};
use rapport_core::followups::{FollowupKind, FollowupState};
use rapport_core::network::people::PersonInput;

#[test]
fn keep_in_touch_counts_from_the_last_interaction_and_restarts_with_each() {
    let clock = clock_at("2026-03-02T15:00:00Z");
    let store = memory_store(&clock);
    // Friends are seeded with a 60-day cadence.
    let sam = store
        .add_person(PersonInput {
            circle: Some("Friends".into()),
            ..PersonInput::named("Sam")
        })
        .unwrap()
        .id;
    assert!(
        of_kind(&store, FollowupKind::KeepInTouch).is_empty(),
        "nothing to keep up before a first contact"
    );
    let call = |when: &str| InteractionInput {
        person_ids: vec![sam],
        kind: InteractionKind::Call,
        occurred_at: Some(at(when)),
        medium: None,
        summary: "Catch-up".into(),
        notes: String::new(),
    };
    store.log_interaction(call("2026-03-01T10:00:00Z")).unwrap();
    assert_eq!(
        of_kind(&store, FollowupKind::KeepInTouch)[0].due_at,
        at("2026-04-30T10:00:00Z")
    );
    store.log_interaction(call("2026-03-20T10:00:00Z")).unwrap();
    let kit = of_kind(&store, FollowupKind::KeepInTouch);
    assert_eq!(kit.len(), 1);
    assert_eq!(kit[0].due_at, at("2026-05-19T10:00:00Z"));
    // Logging an older interaction later does not pull it back.
    store.log_interaction(call("2026-02-01T10:00:00Z")).unwrap();
    assert_eq!(
        of_kind(&store, FollowupKind::KeepInTouch)[0].due_at,
        at("2026-05-19T10:00:00Z")
    );
    // Done, then a new interaction re-arms it.
    let id = of_kind(&store, FollowupKind::KeepInTouch)[0].id;
    assert_eq!(
        store.complete_followup(id).unwrap().state,
        FollowupState::Done
    );
    store.log_interaction(call("2026-03-25T10:00:00Z")).unwrap();
    assert_eq!(
        of_kind(&store, FollowupKind::KeepInTouch)[0].due_at,
        at("2026-05-24T10:00:00Z")
    );
}

#[test]
fn sharing_a_resource_logs_an_interaction() {
    let store = memory_store(&clock_at("2026-03-02T15:00:00Z"));
    let ada = add(&store, "Ada").id;
    let shared = store
        .share_resource(SharedResource {
            person_id: ada,
            url: "https://example.org/engines".into(),
            note: "Made me think of you".into(),
        })
        .unwrap();
    assert_eq!(shared.kind, InteractionKind::SharedResource);
    assert_eq!(shared.summary, "https://example.org/engines");
    assert_eq!(
        store
            .share_resource(SharedResource {
                person_id: ada,
                url: " ".into(),
                note: String::new()
            })
            .unwrap_err()
            .field(),
        Some("url")
    );
}

#[test]
fn a_persons_own_cadence_overrides_their_circles_and_is_editable() {
    let store = memory_store(&clock_at("2026-03-02T15:00:00Z"));
    let input = |cadence: Option<i64>| PersonInput {
        circle: Some("Friends".into()),
        cadence_days: cadence,
        ..PersonInput::named("Sam")
    };
    let sam = store.add_person(input(Some(14))).unwrap();
    assert_eq!(sam.cadence_days, Some(14));
    store
        .log_interaction(InteractionInput {
            person_ids: vec![sam.id],
            kind: InteractionKind::Message,
            occurred_at: Some(at("2026-03-01T10:00:00Z")),
            medium: None,
            summary: String::new(),
            notes: String::new(),
        })
        .unwrap();
    assert_eq!(
        of_kind(&store, FollowupKind::KeepInTouch)[0].due_at,
        at("2026-03-15T10:00:00Z")
    );
    store.update_person(sam.id, input(None)).unwrap();
    assert_eq!(
        of_kind(&store, FollowupKind::KeepInTouch)[0].due_at,
        at("2026-04-30T10:00:00Z"),
        "back to the circle's 60 days"
    );
    store
        .update_person(sam.id, PersonInput::named("Sam"))
        .unwrap();
    assert!(
        of_kind(&store, FollowupKind::KeepInTouch).is_empty(),
        "no circle, no cadence: nothing to keep up"
    );
    assert_eq!(
        store
            .add_person(PersonInput {
                cadence_days: Some(0),
                ..PersonInput::named("X")
            })
            .unwrap_err()
            .field(),
        Some("cadenceDays")
    );
}

#[test]
fn a_closeness_set_sets_how_often_to_keep_in_touch_unless_the_person_has_their_own() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    // LinkedIn keeps in touch every 180 days; someone set very close, every 30.
    let ana = store
        .add_person(PersonInput {
            circle: Some("LinkedIn".into()),
            ..PersonInput::named("Ana")
        })
        .unwrap()
        .id;
    log_with(
        &store,
        &[ana],
        InteractionKind::Call,
        "2026-03-01T08:00:00Z",
    );
    let due = || of_kind(&store, FollowupKind::KeepInTouch)[0].due_at;
    assert_eq!(due(), at("2026-08-28T08:00:00Z"));
    store.set_strength(ana, Some(5)).unwrap();
    assert_eq!(due(), at("2026-03-31T08:00:00Z"));
    store.set_strength(ana, None).unwrap();
    assert_eq!(due(), at("2026-08-28T08:00:00Z"), "back to the circle's");
}
