//! Informational interviews end to end, and the guide's follow-up rules they set off, on an
//! injected clock.

mod agenda;
mod air;
mod lifecycle;
mod prep;

use crate::common::of_kind;
use rapport_core::guide::meetings::{MeetingKind, NewMeeting};
use rapport_core::Store;

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
