//! A person's timeline: interactions and follow-ups together.

use crate::common::{add, at, clock_at, memory_store};
use crate::followup;

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
