//! Follow-ups: due, snoozed, closed (lifecycle); delivered once (reminders); keep-in-touch;
//! interactions and timelines.

#[path = "../common/mod.rs"]
mod common;

mod birthdays;
mod interactions;
mod keep_in_touch;
mod lifecycle;
mod reminders;

use common::at;
use rapport_core::followups::reminders::Notice;
use rapport_core::followups::{FollowupInput, FollowupKind};
use rapport_core::Store;

fn followup(store: &Store, person_id: i64, title: &str, due: &str) -> i64 {
    store
        .add_followup(FollowupInput {
            person_id: Some(person_id),
            kind: Some(FollowupKind::ThankYou),
            title: title.into(),
            due_at: at(due),
        })
        .unwrap()
        .id
}

/// Runs one pass of delivery and returns what would have been shown.
fn deliver(store: &Store, at_start: bool) -> Vec<Notice> {
    let mut shown = Vec::new();
    store
        .deliver_due(at_start, |notice| {
            shown.push(notice.clone());
            Ok(())
        })
        .unwrap();
    shown
}
