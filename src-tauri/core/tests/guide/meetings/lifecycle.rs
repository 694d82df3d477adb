//! A meeting through its life: every state change dated, and what holding, thanking and
//! following up set off (the thank-you's window, the follow-up on its date).

use super::{interview, of_kind};
use crate::common::{add, at, clock_at, memory_store};
use chrono::Duration;
use rapport_core::followups::interactions::{InteractionKind, TimelineEntry};
use rapport_core::followups::{FollowupKind, FollowupState};
use rapport_core::guide::meetings::{MeetingDetails, MeetingKind, MeetingState, NewMeeting};
use rapport_core::Store;

#[test]
fn a_meeting_moves_through_its_life_and_every_change_is_dated() {
    let clock = clock_at("2026-03-01T09:00:00Z");
    let store = memory_store(&clock);
    let ada = add(&store, "Ada").id;
    let id = interview(&store, ada);
    for state in [
        MeetingState::Preparing,
        MeetingState::Requested,
        MeetingState::Scheduled,
    ] {
        clock.advance(Duration::days(1));
        store.set_meeting_state(id, state, None).unwrap();
    }
    let meeting = store.meeting(id).unwrap();
    assert_eq!(meeting.state, MeetingState::Scheduled);
    let history: Vec<_> = meeting.history.iter().map(|c| (c.state, c.at)).collect();
    assert_eq!(
        history,
        [
            (MeetingState::Idea, at("2026-03-01T09:00:00Z")),
            (MeetingState::Preparing, at("2026-03-02T09:00:00Z")),
            (MeetingState::Requested, at("2026-03-03T09:00:00Z")),
            (MeetingState::Scheduled, at("2026-03-04T09:00:00Z")),
        ]
    );
}

#[test]
fn holding_an_informational_interview_logs_it_and_makes_a_thank_you_due_within_24_hours() {
    let clock = clock_at("2026-03-02T15:00:00Z");
    let store = memory_store(&clock);
    let ada = add(&store, "Ada").id;
    let id = interview(&store, ada);
    store
        .update_meeting(
            id,
            MeetingDetails {
                medium: Some("linkedin".into()),
                ..Default::default()
            },
        )
        .unwrap();
    store
        .set_meeting_state(id, MeetingState::Held, None)
        .unwrap();

    let thanks = of_kind(&store, FollowupKind::ThankYou);
    assert_eq!(thanks.len(), 1);
    assert!(thanks[0].due_at > clock_now(&store) && thanks[0].due_at <= at("2026-03-03T15:00:00Z"));
    assert!(
        thanks[0].title.contains("Ada") && thanks[0].title.contains("linkedin"),
        "{}",
        thanks[0].title
    );
    let timeline = store.timeline(ada).unwrap();
    assert!(timeline
        .iter()
        .any(|e| matches!(e, TimelineEntry::Interaction(i) if i.kind == InteractionKind::InformationalInterview)));
}

fn clock_now(store: &Store) -> chrono::DateTime<chrono::Utc> {
    store.now()
}

#[test]
fn a_formal_job_interview_is_thanked_24_to_48_hours_later() {
    let store = memory_store(&clock_at("2026-03-02T15:00:00Z"));
    let boss = add(&store, "Hiring manager").id;
    let id = store
        .plan_meeting(NewMeeting {
            person_id: boss,
            kind: MeetingKind::JobInterview,
            title: String::new(),
        })
        .unwrap()
        .id;
    store
        .set_meeting_state(id, MeetingState::Held, None)
        .unwrap();
    let thanks = of_kind(&store, FollowupKind::ThankYou);
    assert_eq!(thanks[0].due_at, at("2026-03-03T15:00:00Z"));
    assert!(
        thanks[0].title.contains("email"),
        "formal: email, not the contact's casual medium"
    );
}

#[test]
fn a_meeting_held_at_a_past_time_counts_from_then_and_only_once() {
    let clock = clock_at("2026-03-02T15:00:00Z");
    let store = memory_store(&clock);
    let id = interview(&store, add(&store, "Ada").id);
    store
        .set_meeting_state(id, MeetingState::Held, Some(at("2026-03-02T10:00:00Z")))
        .unwrap();
    store
        .set_meeting_state(id, MeetingState::Scheduled, None)
        .unwrap();
    store
        .set_meeting_state(id, MeetingState::Held, None)
        .unwrap();
    let thanks = of_kind(&store, FollowupKind::ThankYou);
    assert_eq!(
        thanks.len(),
        1,
        "holding again does not make a second thank-you"
    );
    assert_eq!(thanks[0].due_at, at("2026-03-02T12:00:00Z"));
}

#[test]
fn marking_a_meeting_thanked_closes_its_thank_you() {
    let store = memory_store(&clock_at("2026-03-02T15:00:00Z"));
    let id = interview(&store, add(&store, "Ada").id);
    store
        .set_meeting_state(id, MeetingState::Held, None)
        .unwrap();
    store
        .set_meeting_state(id, MeetingState::Thanked, None)
        .unwrap();
    assert!(of_kind(&store, FollowupKind::ThankYou).is_empty());
}

#[test]
fn follow_up_on_a_date_makes_a_follow_up_then_and_following_up_closes_it() {
    let store = memory_store(&clock_at("2026-03-02T15:00:00Z"));
    let id = interview(&store, add(&store, "Ada").id);
    let on = at("2026-04-01T09:00:00Z");
    store
        .update_meeting(
            id,
            MeetingDetails {
                follow_up_on: Some(on),
                ..Default::default()
            },
        )
        .unwrap();
    let follow = of_kind(&store, FollowupKind::FollowUp);
    assert_eq!(follow.len(), 1);
    assert_eq!(follow[0].due_at, on);
    let later = at("2026-04-08T09:00:00Z");
    store
        .update_meeting(
            id,
            MeetingDetails {
                follow_up_on: Some(later),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        of_kind(&store, FollowupKind::FollowUp)[0].due_at,
        later,
        "moved, not duplicated"
    );
    store
        .set_meeting_state(id, MeetingState::FollowedUp, None)
        .unwrap();
    assert!(of_kind(&store, FollowupKind::FollowUp).is_empty());
}

#[test]
fn saving_a_meeting_leaves_its_follow_up_as_handled_unless_the_date_changes() {
    let store = memory_store(&clock_at("2026-03-02T15:00:00Z"));
    let id = interview(&store, add(&store, "Ada").id);
    let on = at("2026-04-01T09:00:00Z");
    let details = |notes: &str, follow_up_on| MeetingDetails {
        notes: notes.into(),
        follow_up_on,
        ..Default::default()
    };
    store.update_meeting(id, details("", Some(on))).unwrap();
    let follow_up = of_kind(&store, FollowupKind::FollowUp)[0].id;

    // Snoozed, then the notes are saved: it stays snoozed.
    let snoozed_to = at("2026-04-03T09:00:00Z");
    store.snooze_followup(follow_up, snoozed_to).unwrap();
    store
        .update_meeting(id, details("Asked about the field", Some(on)))
        .unwrap();
    assert_eq!(store.followup(follow_up).unwrap().due_at, snoozed_to);

    // Done, then the notes are saved: it stays done.
    store.complete_followup(follow_up).unwrap();
    store
        .update_meeting(id, details("Asked about the field and pay", Some(on)))
        .unwrap();
    assert_eq!(
        store.followup(follow_up).unwrap().state,
        FollowupState::Done
    );
    assert!(of_kind(&store, FollowupKind::FollowUp).is_empty());

    // Dismissed, then saved again: it stays dismissed.
    let later = at("2026-04-08T09:00:00Z");
    store.update_meeting(id, details("", Some(later))).unwrap();
    assert_eq!(
        store.followup(follow_up).unwrap().due_at,
        later,
        "a new date schedules it again"
    );
    store.dismiss_followup(follow_up).unwrap();
    store
        .update_meeting(id, details("More", Some(later)))
        .unwrap();
    assert_eq!(
        store.followup(follow_up).unwrap().state,
        FollowupState::Dismissed
    );

    // Clearing the date keeps the record of a handled one.
    store.update_meeting(id, details("More", None)).unwrap();
    assert_eq!(
        store.followup(follow_up).unwrap().state,
        FollowupState::Dismissed
    );
}
