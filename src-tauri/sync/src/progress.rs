//! How far a pass has got, for a progress bar over a first sync of thousands.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Phase {
    /// Cards changed on the server, coming in.
    Receiving,
    /// Cards changed in Rapport, going up.
    Sending,
    /// Follow-ups and meetings, going to the calendar.
    Events,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    pub phase: Phase,
    pub done: usize,
    pub total: usize,
}
