//! Today's overview: meetings coming up, people going cold, brainstorm progress.

mod common;

use chrono::Duration;
use common::{add, at, clock_at, memory_store};
use rapport_core::interactions::{InteractionInput, InteractionKind};
use rapport_core::meetings::{MeetingDetails, MeetingKind, MeetingState, NewMeeting};
use rapport_core::people::PersonInput;

#[test]
fn meetings_in_the_next_two_weeks_are_upcoming_soonest_first() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    let ada = add(&store, "Ada").id;
    let mut ids = Vec::new();
    for when in [
        "2026-03-10T15:00:00Z",
        "2026-03-03T15:00:00Z",
        "2026-04-30T15:00:00Z",
    ] {
        let id = store
            .plan_meeting(NewMeeting {
                person_id: ada,
                kind: MeetingKind::InformationalInterview,
                title: when.into(),
            })
            .unwrap()
            .id;
        store
            .update_meeting(
                id,
                MeetingDetails {
                    title: when.into(),
                    scheduled_at: Some(at(when)),
                    ..Default::default()
                },
            )
            .unwrap();
        store
            .set_meeting_state(id, MeetingState::Scheduled, None)
            .unwrap();
        ids.push(id);
    }
    let upcoming: Vec<i64> = store
        .today_overview()
        .unwrap()
        .upcoming_meetings
        .into_iter()
        .map(|m| m.id)
        .collect();
    assert_eq!(upcoming, [ids[1], ids[0]]);
}

#[test]
fn a_contact_is_going_cold_when_their_cadence_has_run_out_or_soon_will() {
    let clock = clock_at("2026-03-01T09:00:00Z");
    let store = memory_store(&clock);
    // Friends: 60 days.
    let sam = store
        .add_person(PersonInput {
            circle: Some("Friends".into()),
            ..PersonInput::named("Sam")
        })
        .unwrap()
        .id;
    let kim = store
        .add_person(PersonInput {
            circle: Some("Friends".into()),
            ..PersonInput::named("Kim")
        })
        .unwrap()
        .id;
    add(&store, "No cadence");
    let call = |person: i64, when: &str| InteractionInput {
        person_ids: vec![person],
        kind: InteractionKind::Call,
        occurred_at: Some(at(when)),
        medium: None,
        summary: String::new(),
        notes: String::new(),
    };
    store
        .log_interaction(call(sam, "2026-01-01T09:00:00Z"))
        .unwrap(); // 59 days ago: cold within a week
    store
        .log_interaction(call(kim, "2026-02-20T09:00:00Z"))
        .unwrap(); // 9 days ago: warm
    let cold = store.today_overview().unwrap().going_cold;
    assert_eq!(cold.len(), 1);
    assert_eq!(cold[0].person.display_name, "Sam");
    assert_eq!(cold[0].days_since, 59);
    clock.advance(Duration::days(60));
    assert_eq!(store.today_overview().unwrap().going_cold.len(), 2);
}

#[test]
fn the_network_size_counts_toward_fifty_to_a_hundred_names() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    for name in ["A", "B", "C"] {
        add(&store, name);
    }
    let archived = add(&store, "D").id;
    store.set_archived(archived, true).unwrap();
    let overview = store.today_overview().unwrap();
    assert_eq!(overview.network_size, 3);
    assert_eq!(
        (overview.network_goal_min, overview.network_goal_max),
        (50, 100)
    );
}
