//! Goals: defaults offered at first start, progress counted from the records in the current
//! period, and bad values refused.

use crate::common::{add, clock_at, held_interview, log_with, memory_store};
use chrono::Duration;
use rapport_core::coach::goals::{GoalInput, GoalPer, GoalWhat};
use rapport_core::followups::interactions::InteractionKind;
use rapport_core::guide::meetings::MeetingState;
use rapport_core::Store;

fn done(store: &Store, what: GoalWhat) -> Option<i64> {
    store
        .goals()
        .unwrap()
        .into_iter()
        .find(|g| g.what == what)
        .unwrap()
        .done
}

#[test]
fn a_new_store_offers_four_goals_from_the_guide() {
    let store = memory_store(&clock_at("2026-12-02T10:00:00Z"));
    let goals: Vec<(String, String)> = store
        .goals()
        .unwrap()
        .into_iter()
        .map(|g| (g.label, g.period))
        .collect();
    assert_eq!(
        goals,
        [
            (
                "Reach out to 5 people a week".to_string(),
                "2026-W49".to_string()
            ),
            (
                "2 informational interviews a month".to_string(),
                "2026-12".to_string()
            ),
            ("50 names in your network".to_string(), "total".to_string()),
            (
                "Every thank-you within 24 hours, each month".to_string(),
                "2026-12".to_string()
            ),
        ]
    );
}

#[test]
fn reach_outs_count_people_contacted_this_week_once_each_and_not_notes() {
    let store = memory_store(&clock_at("2026-12-02T10:00:00Z"));
    let (ada, bea, cy) = (
        add(&store, "Ada").id,
        add(&store, "Bea").id,
        add(&store, "Cy").id,
    );
    log_with(
        &store,
        &[ada],
        InteractionKind::Email,
        "2026-11-30T08:00:00Z",
    );
    log_with(
        &store,
        &[ada, bea],
        InteractionKind::Meeting,
        "2026-12-01T08:00:00Z",
    );
    log_with(&store, &[cy], InteractionKind::Note, "2026-12-01T08:00:00Z");
    log_with(&store, &[cy], InteractionKind::Call, "2026-11-29T08:00:00Z"); // last week
    assert_eq!(done(&store, GoalWhat::ReachOuts), Some(2));
}

#[test]
fn interviews_count_those_held_this_month() {
    let store = memory_store(&clock_at("2026-12-02T10:00:00Z"));
    let ada = add(&store, "Ada").id;
    for held in ["2026-12-01T15:00:00Z", "2026-11-28T15:00:00Z"] {
        held_interview(&store, ada, Some(held));
    }
    assert_eq!(done(&store, GoalWhat::Interviews), Some(1));
}

#[test]
fn new_people_in_total_counts_everyone_but_you() {
    let store = memory_store(&clock_at("2026-12-02T10:00:00Z"));
    for name in ["A", "B", "C"] {
        add(&store, name);
    }
    assert_eq!(done(&store, GoalWhat::NewPeople), Some(3));
}

#[test]
fn thank_yous_on_time_are_a_share_of_those_due_and_none_due_is_not_zero() {
    let clock = clock_at("2026-12-01T10:00:00Z");
    let store = memory_store(&clock);
    assert_eq!(done(&store, GoalWhat::ThankYouOnTime), None);
    let ada = add(&store, "Ada").id;
    let bea = add(&store, "Bea").id;
    let on_time = held_interview(&store, ada, None);
    held_interview(&store, bea, None);
    store
        .set_meeting_state(on_time, MeetingState::Thanked, None)
        .unwrap();
    // Two days on: Bea's thank-you is past its 24 hours and still not done.
    clock.advance(Duration::days(2));
    assert_eq!(done(&store, GoalWhat::ThankYouOnTime), Some(50));
}

#[test]
fn goals_can_be_added_changed_and_removed_and_bad_counts_are_refused() {
    let store = memory_store(&clock_at("2026-12-02T10:00:00Z"));
    let goal = store
        .add_goal(GoalInput {
            what: GoalWhat::Interviews,
            count: 1,
            per: GoalPer::Week,
        })
        .unwrap();
    assert_eq!(goal.label, "1 informational interview a week");
    let changed = store
        .update_goal(
            goal.id,
            GoalInput {
                what: GoalWhat::Interviews,
                count: 3,
                per: GoalPer::Month,
            },
        )
        .unwrap();
    assert_eq!((changed.count, changed.period.as_str()), (3, "2026-12"));
    store.remove_goal(goal.id).unwrap();
    assert!(store.goals().unwrap().iter().all(|g| g.id != goal.id));
    for (what, count) in [(GoalWhat::ReachOuts, 0), (GoalWhat::ThankYouOnTime, 101)] {
        let error = store
            .add_goal(GoalInput {
                what,
                count,
                per: GoalPer::Week,
            })
            .unwrap_err();
        assert_eq!(error.field(), Some("count"));
    }
    assert_eq!(store.remove_goal(9999).unwrap_err().code(), "not_found");
}
