//! Preparing a meeting: the seven steps as a checklist with notes, and brainstorming who to
//! interview (a name that looks like someone listed is flagged).

use super::interview;
use crate::common::{add, clock_at, memory_store};

#[test]
fn the_seven_preparation_steps_are_a_checklist_with_notes() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    let id = interview(&store, add(&store, "Ada").id);
    let meeting = store.meeting(id).unwrap();
    assert_eq!(meeting.prep.len(), 7);
    assert!(meeting.prep.iter().all(|s| !s.done));
    let meeting = store
        .set_prep_step(id, 3, true, "Read Ada's paper on the engine")
        .unwrap();
    assert!(meeting.prep[2].done);
    assert_eq!(meeting.prep[2].note, "Read Ada's paper on the engine");
    assert_eq!(
        store.set_prep_step(id, 8, true, "").unwrap_err().field(),
        Some("step")
    );
}

#[test]
fn a_brainstormed_name_that_looks_like_someone_listed_is_flagged() {
    let store = memory_store(&clock_at("2026-03-02T15:00:00Z"));
    add(&store, "María Ñúñez");
    add(&store, "Sam Lee");
    let names = |typed: &str| -> Vec<String> {
        store
            .similar_people(typed)
            .unwrap()
            .into_iter()
            .map(|p| p.display_name)
            .collect()
    };
    assert_eq!(names("maria nunez"), ["María Ñúñez"]);
    assert_eq!(names("Sam"), ["Sam Lee"]);
    assert!(names("Samantha Green").is_empty());
    assert!(names("  ").is_empty());
}
