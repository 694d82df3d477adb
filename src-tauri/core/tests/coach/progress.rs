//! The Progress screen's numbers: twelve weeks or months each, oldest first, ending now.

use crate::common::{add, at, clock_at, log_with, memory_store};
use rapport_core::followups::interactions::InteractionKind;
use rapport_core::network::people::PersonInput;

#[test]
fn reach_outs_per_week_end_with_this_week_against_the_goal() {
    let store = memory_store(&clock_at("2026-12-02T10:00:00Z"));
    let ada = add(&store, "Ada").id;
    for when in [
        "2026-12-01T09:00:00Z",
        "2026-11-24T09:00:00Z",
        "2026-11-25T09:00:00Z",
    ] {
        log_with(&store, &[ada], InteractionKind::Email, when);
    }
    let report = store.progress_report().unwrap();
    let weeks = &report.reach_outs.weeks;
    assert_eq!(weeks.len(), 12);
    assert_eq!(
        (
            weeks[11].label.as_str(),
            weeks[11].start.as_str(),
            weeks[11].count
        ),
        ("2026-W49", "2026-11-30", 1)
    );
    assert_eq!(weeks[10].count, 1, "Ada twice in week 48 counts once");
    assert_eq!(report.reach_outs.goal, Some(5));
    assert_eq!(report.interviews.months.last().unwrap().label, "2026-12");
}

#[test]
fn the_network_by_circle_grows_month_by_month() {
    let clock = clock_at("2026-10-15T10:00:00Z");
    let store = memory_store(&clock);
    store
        .add_person(PersonInput {
            circle: Some("Family".into()),
            ..PersonInput::named("A")
        })
        .unwrap();
    clock.set(at("2026-12-02T10:00:00Z"));
    store
        .add_person(PersonInput {
            circle: Some("Family".into()),
            ..PersonInput::named("B")
        })
        .unwrap();
    add(&store, "No circle");
    let circles = store.progress_report().unwrap().circles;
    assert_eq!(circles.months.last().unwrap(), "2026-12");
    let family = circles
        .series
        .iter()
        .find(|s| s.circle.as_deref() == Some("Family"))
        .unwrap();
    assert_eq!(&family.counts[9..], [1, 1, 2]);
    assert_eq!(
        circles.series.last().unwrap().circle,
        None,
        "no circle comes last"
    );
}
