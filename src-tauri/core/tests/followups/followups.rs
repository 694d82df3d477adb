//! Follow-ups and their delivery, on an injected clock: due means due, each due time is
//! notified exactly once, across restarts, and snoozing makes it due again.

use crate::common::{add, at, clock_at, memory_store};
use chrono::Duration;
use rapport_core::followups::reminders::{Notice, MAX_SEPARATE_AT_START};
use rapport_core::followups::{FollowupInput, FollowupKind, FollowupState};
use rapport_core::Store;

fn followup(store: &Store, person_id: i64, title: &str, due: &str) -> i64 {
    store
        .add_followup(FollowupInput {
            person_id: Some(person_id),
            kind: Some(FollowupKind::ThankYou),
            title: title.into(),
            due_at: at(due),
        })
        .unwrap()
        .id
}

/// Runs one pass of delivery and returns what would have been shown.
fn deliver(store: &Store, at_start: bool) -> Vec<Notice> {
    let mut shown = Vec::new();
    store
        .deliver_due(at_start, |notice| {
            shown.push(notice.clone());
            Ok(())
        })
        .unwrap();
    shown
}

#[test]
fn due_includes_overdue_and_excludes_future_and_closed() {
    let clock = clock_at("2026-03-01T12:00:00Z");
    let store = memory_store(&clock);
    let ada = add(&store, "Ada").id;
    let overdue = followup(&store, ada, "Overdue", "2026-02-27T09:00:00Z");
    let now = followup(&store, ada, "Now", "2026-03-01T12:00:00Z");
    followup(&store, ada, "Later", "2026-03-01T12:00:01Z");
    let done = followup(&store, ada, "Done", "2026-03-01T08:00:00Z");
    store.complete_followup(done).unwrap();
    let due: Vec<i64> = store
        .followups_due_by(store.now())
        .unwrap()
        .into_iter()
        .map(|f| f.id)
        .collect();
    assert_eq!(due, [overdue, now]);
}

#[test]
fn a_due_follow_up_is_notified_once() {
    let clock = clock_at("2026-03-01T12:00:00Z");
    let store = memory_store(&clock);
    let ada = add(&store, "Ada Lovelace").id;
    followup(
        &store,
        ada,
        "Thank Ada for the chat",
        "2026-03-01T12:00:05Z",
    );

    assert!(deliver(&store, false).is_empty(), "not due yet");
    clock.advance(Duration::seconds(5));
    let shown = deliver(&store, false);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].title, "Thank Ada for the chat");
    assert_eq!(shown[0].body, "Send a thank-you · Ada Lovelace");
    clock.advance(Duration::minutes(10));
    assert!(deliver(&store, false).is_empty(), "never twice");
    let still_due = store.followups_due_by(store.now()).unwrap();
    assert_eq!(
        still_due.len(),
        1,
        "notified is not done: it stays due until the user acts"
    );
    assert_eq!(still_due[0].notified_at, Some(at("2026-03-01T12:00:05Z")));
}

#[test]
fn delivery_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let clock = clock_at("2026-03-01T12:00:00Z");
    {
        let store = Store::open_with_clock(dir.path(), clock.clone()).unwrap();
        let ada = add(&store, "Ada").id;
        followup(&store, ada, "Call Ada", "2026-03-01T11:00:00Z");
        assert_eq!(deliver(&store, true).len(), 1);
    }
    let store = Store::open_with_clock(dir.path(), clock).unwrap();
    assert!(deliver(&store, true).is_empty());
}

#[test]
fn what_came_due_while_closed_is_notified_once_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let clock = clock_at("2026-03-01T12:00:00Z");
    {
        let store = Store::open_with_clock(dir.path(), clock.clone()).unwrap();
        let ada = add(&store, "Ada").id;
        followup(&store, ada, "Write to Ada", "2026-03-01T18:00:00Z");
    }
    clock.advance(Duration::days(1));
    let store = Store::open_with_clock(dir.path(), clock).unwrap();
    let shown = deliver(&store, true);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].title, "Write to Ada");
    assert!(deliver(&store, false).is_empty());
}

#[test]
fn more_than_three_waiting_at_start_become_one_summary() {
    let clock = clock_at("2026-03-01T12:00:00Z");
    let store = memory_store(&clock);
    let ada = add(&store, "Ada").id;
    for i in 0..5 {
        followup(&store, ada, &format!("Task {i}"), "2026-03-01T10:00:00Z");
    }
    let shown = deliver(&store, true);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].title, "5 follow-ups are due");
    assert_eq!(shown[0].delivers.len(), 5);
    assert!(shown[0].body.contains("…and 2 more"), "{}", shown[0].body);
    assert!(deliver(&store, false).is_empty());
}

#[test]
fn at_most_three_at_start_are_shown_one_by_one() {
    let clock = clock_at("2026-03-01T12:00:00Z");
    let store = memory_store(&clock);
    let ada = add(&store, "Ada").id;
    for i in 0..MAX_SEPARATE_AT_START {
        followup(&store, ada, &format!("Task {i}"), "2026-03-01T10:00:00Z");
    }
    assert_eq!(deliver(&store, true).len(), MAX_SEPARATE_AT_START);
}

#[test]
fn many_coming_due_while_running_are_not_summarised() {
    let clock = clock_at("2026-03-01T12:00:00Z");
    let store = memory_store(&clock);
    let ada = add(&store, "Ada").id;
    for i in 0..5 {
        followup(&store, ada, &format!("Task {i}"), "2026-03-01T12:30:00Z");
    }
    clock.advance(Duration::hours(1));
    assert_eq!(deliver(&store, false).len(), 5);
}

#[test]
fn a_snoozed_follow_up_fires_again_at_its_new_time() {
    let clock = clock_at("2026-03-01T12:00:00Z");
    let store = memory_store(&clock);
    let ada = add(&store, "Ada").id;
    let id = followup(&store, ada, "Call Ada", "2026-03-01T12:00:00Z");
    assert_eq!(deliver(&store, false).len(), 1);
    let snoozed = store
        .snooze_followup(id, at("2026-03-01T13:00:00Z"))
        .unwrap();
    assert_eq!(snoozed.state, FollowupState::Pending);
    assert_eq!(
        snoozed.notified_at, None,
        "not yet notified at its new time"
    );
    assert_eq!(
        store.next_undelivered_due().unwrap(),
        Some(at("2026-03-01T13:00:00Z"))
    );
    clock.advance(Duration::minutes(59));
    assert!(deliver(&store, false).is_empty());
    clock.advance(Duration::minutes(1));
    assert_eq!(deliver(&store, false).len(), 1);
    assert_eq!(store.next_undelivered_due().unwrap(), None);
}

#[test]
fn snoozing_into_the_past_or_a_closed_follow_up_is_refused() {
    let clock = clock_at("2026-03-01T12:00:00Z");
    let store = memory_store(&clock);
    let ada = add(&store, "Ada").id;
    let id = followup(&store, ada, "Call Ada", "2026-03-01T12:00:00Z");
    assert_eq!(
        store
            .snooze_followup(id, at("2026-03-01T11:00:00Z"))
            .unwrap_err()
            .field(),
        Some("until")
    );
    store.dismiss_followup(id).unwrap();
    assert_eq!(
        store
            .snooze_followup(id, at("2026-03-02T11:00:00Z"))
            .unwrap_err()
            .code(),
        "invalid_input"
    );
}

#[test]
fn a_delivery_recorded_for_an_old_due_time_does_not_cover_a_new_one() {
    // The loop read the follow-up at 12:00, the user snoozed it, then the loop recorded delivery.
    let clock = clock_at("2026-03-01T12:00:00Z");
    let store = memory_store(&clock);
    let ada = add(&store, "Ada").id;
    let id = followup(&store, ada, "Call Ada", "2026-03-01T12:00:00Z");
    store
        .snooze_followup(id, at("2026-03-01T15:00:00Z"))
        .unwrap();
    store
        .mark_notified(&[(id, at("2026-03-01T12:00:00Z"))], store.now())
        .unwrap();
    assert_eq!(
        store.next_undelivered_due().unwrap(),
        Some(at("2026-03-01T15:00:00Z"))
    );
}

#[test]
fn done_and_dismissed_are_never_notified_and_can_be_reopened() {
    let clock = clock_at("2026-03-01T12:00:00Z");
    let store = memory_store(&clock);
    let ada = add(&store, "Ada").id;
    let done = followup(&store, ada, "A", "2026-03-01T13:00:00Z");
    let dismissed = followup(&store, ada, "B", "2026-03-01T13:00:00Z");
    assert_eq!(
        store.complete_followup(done).unwrap().state,
        FollowupState::Done
    );
    assert_eq!(
        store.dismiss_followup(dismissed).unwrap().state,
        FollowupState::Dismissed
    );
    clock.advance(Duration::hours(2));
    assert!(deliver(&store, false).is_empty());
    assert_eq!(
        store.reopen_followup(done).unwrap().state,
        FollowupState::Pending
    );
    assert_eq!(deliver(&store, false).len(), 1);
}

#[test]
fn a_failing_notification_service_still_counts_as_delivered_so_the_loop_does_not_spin() {
    let clock = clock_at("2026-03-01T12:00:00Z");
    let store = memory_store(&clock);
    let ada = add(&store, "Ada").id;
    followup(&store, ada, "Call Ada", "2026-03-01T11:00:00Z");
    assert_eq!(
        store
            .deliver_due(false, |_| Err("ServiceUnknown".into()))
            .unwrap(),
        1
    );
    assert_eq!(store.next_undelivered_due().unwrap(), None);
    assert_eq!(
        store.followups_due_by(store.now()).unwrap().len(),
        1,
        "still visible as due"
    );
}

#[test]
fn an_empty_title_is_refused() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    let err = store
        .add_followup(FollowupInput {
            person_id: None,
            kind: None,
            title: " ".into(),
            due_at: at("2026-03-02T00:00:00Z"),
        })
        .unwrap_err();
    assert_eq!(err.field(), Some("title"));
}

#[test]
fn a_person_timeline_mixes_interactions_and_follow_ups_newest_first() {
    use rapport_core::followups::interactions::{InteractionInput, InteractionKind, TimelineEntry};
    let clock = clock_at("2026-03-01T12:00:00Z");
    let store = memory_store(&clock);
    let ada = add(&store, "Ada").id;
    followup(&store, ada, "Thank Ada", "2026-03-02T12:00:00Z");
    store
        .log_interaction(InteractionInput {
            person_ids: vec![ada],
            kind: InteractionKind::InformationalInterview,
            occurred_at: Some(at("2026-03-01T10:00:00Z")),
            medium: Some("coffee".into()),
            summary: "Informational interview".into(),
            notes: "Advice: learn SQL".into(),
        })
        .unwrap();
    let timeline = store.timeline(ada).unwrap();
    assert!(matches!(&timeline[0], TimelineEntry::Followup(f) if f.title == "Thank Ada"));
    assert!(
        matches!(&timeline[1], TimelineEntry::Interaction(i) if i.notes == "Advice: learn SQL")
    );
}

#[test]
fn today_gets_everything_due_by_the_end_of_the_day_and_only_the_first_of_what_comes_later() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    let ada = add(&store, "Ada").id;
    followup(&store, ada, "Overdue", "2026-02-20T09:00:00Z");
    followup(&store, ada, "This evening", "2026-03-01T20:00:00Z");
    for day in 2..=9 {
        followup(
            &store,
            ada,
            &format!("Later {day}"),
            &format!("2026-03-{day:02}T09:00:00Z"),
        );
    }
    let done = followup(&store, ada, "Done already", "2026-03-01T10:00:00Z");
    store.complete_followup(done).unwrap();

    let ahead = store
        .followups_ahead(at("2026-03-02T00:00:00Z"), 3)
        .unwrap();
    let titles = |list: &[rapport_core::followups::Followup]| -> Vec<String> {
        list.iter().map(|f| f.title.clone()).collect()
    };
    assert_eq!(titles(&ahead.due), ["Overdue", "This evening"]);
    assert_eq!(titles(&ahead.later), ["Later 2", "Later 3", "Later 4"]);
    assert_eq!(ahead.later_total, 8);
}
