//! Birthday reminders: a follow-up of kind `birthday` at 09:00 local on the day (or days
//! before), one per year, through the same delivery as every follow-up.

use crate::common::{at, clock_at, memory_store, of_kind};
use chrono::Duration;
use rapport_core::followups::FollowupKind;
use rapport_core::network::people::PersonInput;
use rapport_core::store::clock::ManualClock;
use rapport_core::Store;
use std::sync::Arc;

fn with_birthday(store: &Store, name: &str, birthday: &str) -> i64 {
    store
        .add_person(PersonInput {
            birthday: Some(birthday.into()),
            ..PersonInput::named(name)
        })
        .unwrap()
        .id
}

#[test]
fn a_birthday_is_reminded_at_nine_in_the_morning_local_time_on_the_day() {
    // UTC+2: 09:00 there is 07:00 UTC.
    let clock = Arc::new(ManualClock::at_in(at("2026-03-01T10:00:00Z"), 2));
    let store = Store::open_in_memory(clock).unwrap();
    let sam = with_birthday(&store, "Sam Lee", "1999-04-12");
    let reminders = of_kind(&store, FollowupKind::Birthday);
    assert_eq!(reminders.len(), 1);
    assert_eq!(reminders[0].person.as_ref().unwrap().id, sam);
    assert_eq!(reminders[0].title, "Sam Lee's birthday");
    assert_eq!(reminders[0].due_at, at("2026-04-12T07:00:00Z"));
}

#[test]
fn done_this_year_the_next_years_reminder_is_armed_once_the_day_has_passed() {
    let clock = clock_at("2026-04-12T09:30:00Z");
    let store = memory_store(&clock);
    with_birthday(&store, "Sam", "--04-12");
    let this_year = of_kind(&store, FollowupKind::Birthday)[0].clone();
    assert_eq!(this_year.due_at, at("2026-04-12T09:00:00Z"));
    store.complete_followup(this_year.id).unwrap();
    store.arm_birthdays().unwrap();
    assert!(
        of_kind(&store, FollowupKind::Birthday).is_empty(),
        "done today stays done today"
    );
    clock.advance(Duration::days(1));
    store.arm_birthdays().unwrap();
    let next = of_kind(&store, FollowupKind::Birthday);
    assert_eq!(next.len(), 1);
    assert_eq!(next[0].due_at, at("2027-04-12T09:00:00Z"));
}

#[test]
fn a_leap_day_birthday_is_reminded_on_the_28th_in_other_years() {
    let store = memory_store(&clock_at("2026-01-10T10:00:00Z"));
    with_birthday(&store, "Leap", "2004-02-29");
    assert_eq!(
        of_kind(&store, FollowupKind::Birthday)[0].due_at,
        at("2026-02-28T09:00:00Z")
    );
}

#[test]
fn a_changed_birthday_moves_its_reminder_and_a_removed_one_removes_it() {
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    let sam = with_birthday(&store, "Sam", "--04-12");
    let mut input = PersonInput {
        birthday: Some("05-20".into()),
        ..PersonInput::named("Sam")
    };
    store.update_person(sam, input.clone()).unwrap();
    let reminders = of_kind(&store, FollowupKind::Birthday);
    assert_eq!(reminders.len(), 1);
    assert_eq!(reminders[0].due_at, at("2026-05-20T09:00:00Z"));
    input.birthday = None;
    store.update_person(sam, input).unwrap();
    assert!(of_kind(&store, FollowupKind::Birthday).is_empty());
}

#[test]
fn reminders_can_come_days_before() {
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    with_birthday(&store, "Sam", "--04-12");
    store.set_birthday_days_before(3).unwrap();
    assert_eq!(
        of_kind(&store, FollowupKind::Birthday)[0].due_at,
        at("2026-04-09T09:00:00Z")
    );
    assert_eq!(
        store.set_birthday_days_before(31).unwrap_err().field(),
        Some("daysBefore")
    );
}

#[test]
fn impossible_birthdays_are_refused_and_nothing_is_written() {
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    let error = store
        .add_person(PersonInput {
            birthday: Some("2026-02-30".into()),
            ..PersonInput::named("Nobody")
        })
        .unwrap_err();
    assert_eq!(error.field(), Some("birthday"));
    assert!(store.search_people("Nobody").unwrap().is_empty());
}

#[test]
fn an_archived_persons_next_birthday_is_not_armed() {
    let clock = clock_at("2026-03-01T10:00:00Z");
    let store = memory_store(&clock);
    let sam = with_birthday(&store, "Sam", "--04-12");
    store.set_archived(sam, true).unwrap();
    clock.set(at("2026-04-13T10:00:00Z"));
    store.arm_birthdays().unwrap();
    let next_year: Vec<_> = of_kind(&store, FollowupKind::Birthday)
        .into_iter()
        .filter(|f| f.due_at > at("2026-12-31T00:00:00Z"))
        .collect();
    assert!(next_year.is_empty(), "{next_year:?}");
}

#[test]
fn a_reminder_left_undone_goes_after_a_week_and_next_years_still_comes() {
    let clock = clock_at("2026-04-11T10:00:00Z");
    let store = memory_store(&clock);
    with_birthday(&store, "Sam", "--04-12");
    // Never ticked off: a day after, it is still there (a belated wish) with next year's ahead.
    clock.set(at("2026-04-13T10:00:00Z"));
    store.arm_birthdays().unwrap();
    let dues: Vec<_> = of_kind(&store, FollowupKind::Birthday)
        .into_iter()
        .map(|f| f.due_at)
        .collect();
    assert_eq!(
        dues,
        [at("2026-04-12T09:00:00Z"), at("2027-04-12T09:00:00Z")]
    );
    clock.set(at("2026-04-20T10:00:00Z"));
    store.arm_birthdays().unwrap();
    let dues: Vec<_> = of_kind(&store, FollowupKind::Birthday)
        .into_iter()
        .map(|f| f.due_at)
        .collect();
    assert_eq!(dues, [at("2027-04-12T09:00:00Z")]);
}
