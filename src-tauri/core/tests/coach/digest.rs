//! The Monday digest: what the week's plan holds, once, on Mondays only.

use crate::common::{add, at, clock_at, held_interview, log_with, memory_store};
use crate::plan::{in_circle, referral};
use chrono::Duration;
use rapport_core::followups::interactions::InteractionKind;

#[test]
fn the_monday_digest_says_what_the_week_holds_once() {
    // A store begun the week before.
    let clock = clock_at("2026-11-20T10:00:00Z");
    let store = memory_store(&clock);
    clock.set(at("2026-11-30T08:59:00Z")); // Monday, a minute before 09:00
    let ada = add(&store, "Ada").id;
    held_interview(&store, ada, Some("2026-11-29T15:00:00Z"));
    for name in ["Aunt Lucía", "Uncle Tom", "Grandma"] {
        in_circle(&store, name, "Family");
    }
    let grace = add(&store, "Grace").id;
    log_with(
        &store,
        &[grace],
        InteractionKind::Call,
        "2026-11-20T10:00:00Z",
    );
    // The interview with Grace, where she referred Katherine, is a second to thank and reflect on.
    referral(&store, grace, "Katherine", "2026-11-25T15:00:00Z");
    assert_eq!(store.digest_due().unwrap(), None, "not before 09:00");
    assert_eq!(
        store.next_digest_at().unwrap(),
        Some(at("2026-11-30T09:00:00Z"))
    );
    clock.advance(Duration::minutes(1));
    let digest = store.digest_due().unwrap().expect("due at 09:00");
    assert_eq!(
        digest.body,
        "This week: 2 thank-yous, 3 people to tell, 1 referral to follow, 2 interviews to reflect on"
    );
    store.mark_digest_sent(&digest.week).unwrap();
    assert_eq!(store.digest_due().unwrap(), None, "once a week");
    assert_eq!(
        store.next_digest_at().unwrap(),
        Some(at("2026-12-07T09:00:00Z"))
    );
    store.set_digest_time(None).unwrap();
    assert_eq!(store.next_digest_at().unwrap(), None);
}

#[test]
fn no_digest_later_in_the_week_or_on_a_stores_first_day() {
    let clock = clock_at("2026-11-30T08:00:00Z"); // a store begun on Monday morning
    let store = memory_store(&clock);
    in_circle(&store, "Aunt Lucía", "Family");
    clock.set(at("2026-11-30T10:00:00Z"));
    assert_eq!(
        store.digest_due().unwrap(),
        None,
        "not on the store's first day"
    );
    clock.set(at("2026-12-02T10:00:00Z")); // Wednesday
    assert_eq!(store.digest_due().unwrap(), None, "not later in the week");
    assert_eq!(
        store.next_digest_at().unwrap(),
        Some(at("2026-12-07T09:00:00Z"))
    );
    clock.set(at("2026-12-07T09:30:00Z"));
    assert!(
        store.digest_due().unwrap().is_some(),
        "the next Monday it comes"
    );
}
