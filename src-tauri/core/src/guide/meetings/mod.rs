//! Informational interviews (and formal job interviews) through their life: idea → preparing →
//! requested → scheduled → held → thanked → followed up (or declined / cancelled), with the
//! guide's seven preparation steps, a timed agenda, the AIR gained and a reflection.

mod agenda;
mod air;
mod lifecycle;
mod model;
mod prep;

pub use agenda::{
    check_agenda, suggested_agenda, AgendaCheck, AgendaItem, AgendaVerdict, AGENDA_MINUTES,
};
pub use air::{AirInput, AirItem, AirKind};
pub use model::{Meeting, MeetingDetails, MeetingKind, MeetingState, NewMeeting, StateChange};
pub use prep::{PrepStep, PREP_STEPS};
