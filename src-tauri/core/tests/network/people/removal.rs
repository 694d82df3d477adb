//! Archiving hides someone from the list; deleting removes them with everything, undoable for an
//! hour, after which the next start purges them. The user is never deleted.

use crate::common::{add, clock_at, memory_store};
use rapport_core::network::people::PeopleFilter;

#[test]
fn archiving_hides_from_the_list_without_deleting() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    let person = add(&store, "Old Boss");
    store.set_archived(person.id, true).unwrap();
    assert!(store.people(PeopleFilter::default()).unwrap().is_empty());
    let all = store
        .people(PeopleFilter {
            include_archived: true,
        })
        .unwrap();
    assert!(all[0].archived);
    assert!(!store.set_archived(person.id, false).unwrap().archived);
    assert_eq!(store.people(PeopleFilter::default()).unwrap().len(), 1);
}

#[test]
fn a_deleted_person_disappears_and_can_be_restored_with_everything() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    let person = add(&store, "Dana");
    store
        .add_followup(rapport_core::followups::FollowupInput {
            person_id: Some(person.id),
            kind: None,
            title: "Send the article".into(),
            due_at: crate::common::at("2026-03-01T11:00:00Z"),
        })
        .unwrap();
    store.delete_person(person.id).unwrap();
    assert!(store.people(PeopleFilter::default()).unwrap().is_empty());
    assert!(store.search_people("dana").unwrap().is_empty());
    assert_eq!(store.person(person.id).unwrap_err().code(), "not_found");
    assert!(
        store.followups_due_by(store.now()).unwrap().is_empty(),
        "their follow-ups are hidden too"
    );

    store.restore_person(person.id).unwrap();
    assert_eq!(store.search_people("dana").unwrap().len(), 1);
    assert_eq!(store.followups_due_by(store.now()).unwrap().len(), 1);
}

#[test]
fn deleted_people_are_purged_an_hour_later_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let clock = clock_at("2026-03-01T12:00:00Z");
    let id = {
        let store = rapport_core::Store::open_with_clock(dir.path(), clock.clone()).unwrap();
        let id = add(&store, "Gone").id;
        store.delete_person(id).unwrap();
        id
    };
    clock.advance(chrono::Duration::minutes(30));
    let store = rapport_core::Store::open_with_clock(dir.path(), clock.clone()).unwrap();
    store.restore_person(id).unwrap();
    store.delete_person(id).unwrap();
    drop(store);
    clock.advance(chrono::Duration::minutes(61));
    let store = rapport_core::Store::open_with_clock(dir.path(), clock).unwrap();
    assert_eq!(store.restore_person(id).unwrap_err().code(), "not_found");
}

#[test]
fn the_user_cannot_be_deleted() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    let me = store.me().unwrap();
    assert_eq!(
        store.delete_person(me.id).unwrap_err().code(),
        "invalid_input"
    );
}
