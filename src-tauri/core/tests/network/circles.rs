//! Circles: each has a default keep-in-touch cadence the user may change or remove.

use crate::common::{clock_at, memory_store};

#[test]
fn a_circle_cadence_can_be_changed_or_removed_within_bounds() {
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    let family = store
        .circles()
        .unwrap()
        .into_iter()
        .find(|c| c.name == "Family")
        .unwrap();
    store.set_circle_cadence(family.id, Some(30)).unwrap();
    store.set_circle_cadence(family.id, None).unwrap();
    let family_now = store
        .circles()
        .unwrap()
        .into_iter()
        .find(|c| c.id == family.id)
        .unwrap();
    assert_eq!(family_now.cadence_days, None);
    assert_eq!(
        store
            .set_circle_cadence(family.id, Some(0))
            .unwrap_err()
            .field(),
        Some("cadenceDays")
    );
    assert_eq!(
        store.set_circle_cadence(9999, Some(30)).unwrap_err().code(),
        "not_found"
    );
}
