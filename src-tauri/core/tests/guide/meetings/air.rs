//! AIR and referrals: a referral creates the person it names, and holding a meeting with them
//! tells you to thank the referrer.

use super::{interview, of_kind};
use crate::common::{add, clock_at, memory_store};
use rapport_core::followups::FollowupKind;
use rapport_core::guide::meetings::{AirInput, AirKind, MeetingState};

#[test]
fn a_referral_creates_the_referred_person_with_a_referred_by_link() {
    let store = memory_store(&clock_at("2026-03-02T15:00:00Z"));
    let ada = add(&store, "Ada Lovelace").id;
    let id = interview(&store, ada);
    let meeting = store
        .add_air(
            id,
            AirInput {
                kind: Some(AirKind::Advice),
                text: "Learn SQL".into(),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(meeting.air[0].kind, AirKind::Advice);
    let meeting = store
        .add_air(
            id,
            AirInput {
                kind: Some(AirKind::Referral),
                text: "Knows the museum team".into(),
                referred_name: Some("Charles Babbage".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let referred = meeting.air[1].referred_person.clone().expect("a person");
    assert_eq!(referred.display_name, "Charles Babbage");
    let charles = store.person(referred.id).unwrap();
    assert_eq!(charles.how_met.as_deref(), Some("Referred by Ada Lovelace"));
}

#[test]
fn air_items_need_their_content() {
    let store = memory_store(&clock_at("2026-03-02T15:00:00Z"));
    let id = interview(&store, add(&store, "Ada").id);
    let err = store
        .add_air(
            id,
            AirInput {
                kind: Some(AirKind::Advice),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("text"));
    let err = store
        .add_air(
            id,
            AirInput {
                kind: Some(AirKind::Referral),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("referredName"));
    let err = store
        .add_air(
            id,
            AirInput {
                kind: Some(AirKind::Referral),
                referred_name: Some("   ".into()),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("referredName"));
    assert_eq!(store.meeting(id).unwrap().air.len(), 0);
}

#[test]
fn holding_a_meeting_with_a_referred_person_tells_you_to_thank_the_referrer() {
    let store = memory_store(&clock_at("2026-03-02T15:00:00Z"));
    let ada = add(&store, "Ada Lovelace").id;
    let first = interview(&store, ada);
    store
        .set_meeting_state(first, MeetingState::Held, None)
        .unwrap();
    let meeting = store
        .add_air(
            first,
            AirInput {
                kind: Some(AirKind::Referral),
                referred_name: Some("Charles Babbage".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let charles = meeting.air[0].referred_person.clone().unwrap().id;
    assert!(
        of_kind(&store, FollowupKind::InformReferrer).is_empty(),
        "not before the referral is used"
    );

    let second = interview(&store, charles);
    store
        .set_meeting_state(second, MeetingState::Held, None)
        .unwrap();
    let tell = of_kind(&store, FollowupKind::InformReferrer);
    assert_eq!(tell.len(), 1);
    assert_eq!(tell[0].person.as_ref().unwrap().id, ada);
    assert!(
        tell[0].title.contains("Ada Lovelace") && tell[0].title.contains("Charles Babbage"),
        "{}",
        tell[0].title
    );
    assert!(
        store.meeting(first).unwrap().air[0].closed_at.is_some(),
        "the referral's loop is closed"
    );
}
