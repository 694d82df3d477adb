//! Follow-ups' lifecycle and what is due, on an injected clock: due means due, Today's lists,
//! snoozing, done and dismissed, reopening, and what is refused.

use crate::common::{add, at, clock_at, memory_store};
use crate::{deliver, followup};
use chrono::Duration;
use rapport_core::followups::{FollowupInput, FollowupState};

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
