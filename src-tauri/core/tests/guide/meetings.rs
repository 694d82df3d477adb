//! Informational interviews end to end, and the guide's follow-up rules they set off, on an
//! injected clock.

mod agenda;
mod air;
mod keep_in_touch;
mod lifecycle;
mod prep;

use rapport_core::followups::{Followup, FollowupKind};
use rapport_core::guide::meetings::{MeetingKind, NewMeeting};
use rapport_core::Store;

fn pending(store: &Store) -> Vec<Followup> {
    store.pending_followups().unwrap()
}

fn of_kind(store: &Store, kind: FollowupKind) -> Vec<Followup> {
    pending(store)
        .into_iter()
        .filter(|f| f.kind == kind)
        .collect()
}

fn interview(store: &Store, person_id: i64) -> i64 {
    store
        .plan_meeting(NewMeeting {
            person_id,
            kind: MeetingKind::InformationalInterview,
            title: String::new(),
        })
        .unwrap()
        .id
}
