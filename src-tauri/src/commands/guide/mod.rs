//! Commands over the guide's workflow: meetings, pitches, questions and drafts, opportunities.

pub mod meetings;
pub mod opportunities;
pub mod pitches;
pub mod questions;
