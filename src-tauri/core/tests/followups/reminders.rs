//! Delivery, on an injected clock: each due time is notified exactly once, across restarts, at
//! start in one summary when many are waiting, and again after a snooze.

use crate::common::{add, at, clock_at, memory_store};
use crate::{deliver, followup};
use chrono::Duration;
use rapport_core::followups::reminders::MAX_SEPARATE_AT_START;
use rapport_core::followups::FollowupState;
use rapport_core::Store;

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
