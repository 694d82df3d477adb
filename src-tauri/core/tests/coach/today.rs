//! Today's overview: meetings coming up, people going cold, brainstorm progress.

use crate::common::{add, at, clock_at, memory_store};
use chrono::Duration;
use rapport_core::followups::interactions::{InteractionInput, InteractionKind};
use rapport_core::guide::meetings::{MeetingDetails, MeetingKind, MeetingState, NewMeeting};
use rapport_core::network::people::PersonInput;

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
    let sam = friend(&store, "Sam");
    let kim = friend(&store, "Kim");
    add(&store, "No cadence");
    call_with(&store, sam, "2026-01-01T09:00:00Z"); // 59 days ago: cold within a week
    call_with(&store, kim, "2026-02-20T09:00:00Z"); // 9 days ago: warm
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

fn friend(store: &rapport_core::Store, name: &str) -> i64 {
    store
        .add_person(PersonInput {
            circle: Some("Friends".into()),
            ..PersonInput::named(name)
        })
        .unwrap()
        .id
}

fn call_with(store: &rapport_core::Store, person: i64, when: &str) {
    store
        .log_interaction(InteractionInput {
            person_ids: vec![person],
            kind: InteractionKind::Call,
            occurred_at: Some(at(when)),
            medium: None,
            summary: String::new(),
            notes: String::new(),
        })
        .unwrap();
}

#[test]
fn today_lists_the_twenty_five_most_overdue_and_counts_the_rest() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    for n in 0..30 {
        let id = friend(&store, &format!("Friend {n:02}"));
        call_with(&store, id, &format!("2025-10-{:02}T09:00:00Z", n + 1));
    }
    let overview = store.today_overview().unwrap();
    assert_eq!(
        overview.going_cold.len(),
        rapport_core::coach::today::GOING_COLD_SHOWN
    );
    assert_eq!(overview.going_cold_total, 30);
    assert_eq!(overview.going_cold[0].person.display_name, "Friend 00");
}

#[test]
fn the_last_contact_follows_interactions_as_people_are_merged_unmerged_and_deleted() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    let sam = friend(&store, "Sam");
    let samuel = friend(&store, "Samuel");
    call_with(&store, sam, "2026-01-01T09:00:00Z"); // cold
    call_with(&store, samuel, "2026-02-25T09:00:00Z"); // warm
    let cold = |store: &rapport_core::Store| -> Vec<String> {
        let overview = store.today_overview().unwrap();
        overview
            .going_cold
            .into_iter()
            .map(|c| c.person.display_name)
            .collect()
    };
    assert_eq!(cold(&store), ["Sam"]);
    // A later call warms Sam up again.
    call_with(&store, sam, "2026-02-27T09:00:00Z");
    assert!(cold(&store).is_empty());

    let old = friend(&store, "Old Friend");
    call_with(&store, old, "2025-12-01T09:00:00Z");
    assert_eq!(cold(&store), ["Old Friend"]);
    // Samuel merged into Old Friend: Samuel's recent call moves to Old Friend, who is no longer
    // cold; undone, Old Friend is cold again.
    let merged = store.merge_people(old, samuel).unwrap();
    assert!(cold(&store).is_empty());
    store.undo_merge(merged.merge_id).unwrap();
    assert_eq!(cold(&store), ["Old Friend"]);
    store.delete_person(old).unwrap();
    assert!(cold(&store).is_empty());
}

#[test]
fn a_contact_goes_cold_or_warm_as_soon_as_what_their_cadence_is_made_of_changes() {
    // Friends keep in touch every 60 days (the circle's default); Sam was called 40 days ago.
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    let sam = friend(&store, "Sam");
    call_with(&store, sam, "2026-01-20T09:00:00Z");
    let cold = |store: &rapport_core::Store| -> Vec<i64> {
        let overview = store.today_overview().unwrap();
        assert_eq!(overview.going_cold_total, overview.going_cold.len());
        overview.going_cold.iter().map(|c| c.person.id).collect()
    };
    assert!(cold(&store).is_empty());

    // Very close (strength 5): every 30 days, so Sam is cold; back to unset, warm again.
    store.set_strength(sam, Some(5)).unwrap();
    assert_eq!(cold(&store), [sam]);
    store.set_strength(sam, None).unwrap();
    assert!(cold(&store).is_empty());

    // Sam's own cadence wins over the circle's.
    let with_cadence = |days: Option<i64>| PersonInput {
        circle: Some("Friends".into()),
        cadence_days: days,
        ..PersonInput::named("Sam")
    };
    store.update_person(sam, with_cadence(Some(21))).unwrap();
    assert_eq!(cold(&store)[0], sam);
    assert_eq!(
        store.today_overview().unwrap().going_cold[0].cadence_days,
        21
    );
    store.update_person(sam, with_cadence(None)).unwrap();
    assert!(cold(&store).is_empty());

    // The circle's cadence moves everyone in it.
    let friends = store.find_circle("Friends").unwrap().id;
    store.set_circle_cadence(friends, Some(30)).unwrap();
    assert_eq!(cold(&store), [sam]);
    store.set_circle_cadence(friends, None).unwrap();
    assert!(cold(&store).is_empty(), "no cadence at all: never cold");

    // Moved to a circle that keeps in touch monthly.
    let mentors = store.add_circle("Mentors").unwrap().id;
    store.set_circle_cadence(mentors, Some(28)).unwrap();
    store
        .update_person(
            sam,
            PersonInput {
                circle: Some("Mentors".into()),
                ..PersonInput::named("Sam")
            },
        )
        .unwrap();
    assert_eq!(cold(&store), [sam]);
    // Archived or deleted people are not suggested, nor counted; brought back, they are again.
    store.set_archived(sam, true).unwrap();
    assert!(cold(&store).is_empty());
    store.set_archived(sam, false).unwrap();
    assert_eq!(cold(&store), [sam]);
    store.delete_person(sam).unwrap();
    assert!(cold(&store).is_empty());
    store.restore_person(sam).unwrap();
    assert_eq!(cold(&store), [sam]);
}

#[test]
fn the_most_overdue_by_their_own_cadence_come_first() {
    // Ada (very close: every 30 days) was called 45 days ago: 15 days overdue. Bo (a friend,
    // every 60 days) was called 70 days ago: longer out of touch, but only 10 days overdue.
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    let ada = friend(&store, "Ada");
    store.set_strength(ada, Some(5)).unwrap();
    call_with(&store, ada, "2026-01-15T09:00:00Z");
    let bo = friend(&store, "Bo");
    call_with(&store, bo, "2025-12-21T09:00:00Z");
    let overview = store.today_overview().unwrap();
    let order: Vec<i64> = overview.going_cold.iter().map(|c| c.person.id).collect();
    assert_eq!(order, [ada, bo]);
}
